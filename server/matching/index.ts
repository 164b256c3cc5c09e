export { matchCall } from './match-call.js';
export { normaliseJobReference } from './job-reference.js';
export { toE164 } from './to-e164.js';
export type { Directory, KnownReference, MatchInput } from './match-input.js';
export { isOpenJob } from './directory-index.js';
