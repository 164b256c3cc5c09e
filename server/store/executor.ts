import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema.js';

/** Repositories run on the database or inside a transaction alike. */
export type Executor = Kysely<Database> | Transaction<Database>;

export function parseJson<T>(text: string | null | undefined): T | undefined {
  return text == null ? undefined : (JSON.parse(text) as T);
}
