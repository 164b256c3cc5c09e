import type { CorpusEntry } from './corpus-types.js';
import type { Redaction } from '../../server/redaction/redact-text.js';

// Scoring helpers for the corpus test: what counts as a sensitive value surviving, and how keep
// strings are grouped for the per-kind keep table.

const covered = (r: Redaction, i: number): boolean => r.findings.some((f) => f.start <= i && i < f.end);

/**
 * A sensitive value leaks when it survives verbatim, or when any of its digits is left outside the
 * findings — except a card's last four, the most the rule lets survive. Spoken values (no numerals)
 * leak when any letter of their number words is left outside the findings.
 */
export function leaks(e: CorpusEntry, r: Redaction, kind: string, value: string): boolean {
  if (r.text.includes(value)) return true;
  const at = e.text.indexOf(value);
  const digitsAt: number[] = [];
  const lettersAt: number[] = [];
  for (let i = at; i < at + value.length; i++) {
    if (/\d/.test(e.text[i]!)) digitsAt.push(i);
    else if (/[a-z]/i.test(e.text[i]!)) lettersAt.push(i);
  }
  if (digitsAt.length > 0) return (kind === 'card' ? digitsAt.slice(0, -4) : digitsAt).some((i) => !covered(r, i));
  return lettersAt.some((i) => !covered(r, i));
}

/** Rough category of a keep string, for the report only. */
export function keepCategory(k: string): string {
  if (k.includes('@')) return 'email';
  if (/^https?:|^www\./.test(k)) return 'url';
  if (/[$£€]|AUD|dollars/.test(k)) return 'amount';
  if (/ending|last four|XXXX|^four two/.test(k)) return 'last four';
  if (/^\+|^\(|^0[2-9]|^1[38]00|^415|^021|^09 |^04 /.test(k) && k.replace(/\D/g, '').length >= 9) return 'phone';
  if (/\d{1,2}\/\d{1,2}|\d{4}-\d{2}-\d{2}|January|February|March|April|May|June|July|August|September|October|November|December|Nov|:\d\d/.test(k)) return 'date/time';
  return 'reference/business id';
}

export type Row = { kind: string; total: number; ok: number; failures: string[] };

export function tally(rows: Map<string, Row>, kind: string, ok: boolean, id: string): void {
  const row = rows.get(kind) ?? { kind, total: 0, ok: 0, failures: [] };
  row.total++;
  if (ok) row.ok++;
  else row.failures.push(id);
  rows.set(kind, row);
}

/** True when some finding of `kind` overlaps the value's position in the input. */
export function foundAs(e: CorpusEntry, r: Redaction, kind: string, value: string): boolean {
  const at = e.text.indexOf(value);
  return r.findings.some((f) => f.kind === kind && f.start < at + value.length && at < f.end);
}
