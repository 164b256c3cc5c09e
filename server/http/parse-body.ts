import type { z } from 'zod';
import { AppError } from '../errors.js';

/** Validates a request body: a bad one is a 400 naming each field at fault, never a 500. */
export function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const r = schema.safeParse(body);
  if (!r.success) throw new AppError('BAD_REQUEST', 'Some fields are not valid', { detail: { fields: r.error.issues.map((i) => ({ field: i.path.join('.') || 'body', message: i.message })) } });
  return r.data;
}
