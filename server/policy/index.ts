export { decide } from './decide.js';
export { resolveFinanceOwner } from './finance-owner.js';
export { buildJobNote, MAX_NOTE_CHARS, type JobNoteInput } from './job-note.js';
export { isLegalOrAccessField, isMoneyChangingField } from './money-fields.js';
export type { PolicyInput, Recipient } from './policy-input.js';
