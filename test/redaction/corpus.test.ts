import { describe, expect, it } from 'vitest';
import { redactText } from '../../server/redaction/redact-text.js';
import { CORPUS } from './corpus.js';
import { foundAs, keepCategory, leaks, tally, type Row } from './corpus-score.js';

function table(title: string, rows: Map<string, Row>): void {
  const lines = [...rows.values()].sort((a, b) => a.kind.localeCompare(b.kind)).map((r) =>
    `${r.kind.padEnd(22)} ${String(r.ok).padStart(4)}/${String(r.total).padEnd(4)} ${((100 * r.ok) / r.total).toFixed(1).padStart(6)}%${r.failures.length ? `  failing: ${r.failures.join(', ')}` : ''}`);
  console.log(`\n${title}\n${lines.join('\n')}`);
}

describe('labelled corpus', () => {
  const recall = new Map<string, Row>();
  const kindMatch = new Map<string, Row>();
  const keep = new Map<string, Row>();
  for (const e of CORPUS) {
    const r = redactText(e.text);
    for (const s of e.sensitive) {
      tally(recall, s.kind, !leaks(e, r, s.kind, s.value), e.id);
      tally(kindMatch, s.kind, foundAs(e, r, s.kind, s.value), e.id);
    }
    for (const k of e.keep) tally(keep, keepCategory(k), r.text.includes(k), e.id);
  }

  it('has at least 150 unique entries whose labelled strings occur in their text', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(150);
    expect(new Set(CORPUS.map((e) => e.id)).size).toBe(CORPUS.length);
    for (const e of CORPUS) {
      for (const s of e.sensitive) expect(e.text, e.id).toContain(s.value);
      for (const k of e.keep) expect(e.text, e.id).toContain(k);
    }
  });

  it('prints recall and keep rate per kind', () => {
    console.log(`\ncorpus: ${CORPUS.length} entries, ${CORPUS.reduce((n, e) => n + e.sensitive.length, 0)} sensitive values, ${CORPUS.reduce((n, e) => n + e.keep.length, 0)} keep strings`);
    table('recall (sensitive value removed)', recall);
    table('kind accuracy (removed under its own kind)', kindMatch);
    table('keep rate (kept byte for byte)', keep);
  });

  it('removes every sensitive value (recall 100% for every kind)', () => {
    for (const row of recall.values()) expect(row.failures, `recall ${row.kind}`).toEqual([]);
  });

  it('reports every sensitive value under its own kind', () => {
    for (const row of kindMatch.values()) expect(row.failures, `kind ${row.kind}`).toEqual([]);
  });

  it('keeps every keep string byte for byte (keep rate 100%)', () => {
    for (const row of keep.values()) expect(row.failures, `keep ${row.kind}`).toEqual([]);
  });
});
