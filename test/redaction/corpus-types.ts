import type { FindingKind } from '../../server/redaction/redact-text.js';

/** One labelled snippet: `sensitive` values must not survive (beyond a card's last four), `keep` must survive byte for byte. */
export type CorpusEntry = { id: string; text: string; sensitive: { kind: FindingKind; value: string }[]; keep: string[] };

export function entry(id: string, text: string, sensitive: [FindingKind, string][], keep: string[] = []): CorpusEntry {
  return { id, text, sensitive: sensitive.map(([kind, value]) => ({ kind, value })), keep };
}
