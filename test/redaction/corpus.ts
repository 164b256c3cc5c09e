import { BANK_TAX_CORPUS } from './corpus-bank-tax.js';
import { CALL_CORPUS } from './corpus-calls.js';
import { CARD_CORPUS } from './corpus-cards.js';
import { KEEP_CORPUS } from './corpus-keep.js';
import type { CorpusEntry } from './corpus-types.js';

export type { CorpusEntry } from './corpus-types.js';

/** The labelled corpus: realistic AU/NZ/UK/US transcript and summary snippets. */
export const CORPUS: readonly CorpusEntry[] = [...CARD_CORPUS, ...BANK_TAX_CORPUS, ...KEEP_CORPUS, ...CALL_CORPUS];
