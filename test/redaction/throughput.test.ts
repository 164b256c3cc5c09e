import { describe, expect, it } from 'vitest';
import { redactText } from '../../server/redaction/redact-text.js';
import { CORPUS } from './corpus.js';
import { KEEP_CORPUS } from './corpus-keep.js';
import type { CorpusEntry } from './corpus-types.js';

// The rule's target is ≥ 10 MB/s on a 10 KB transcript; timing is printed, never asserted, because
// shared CI machines make timing assertions flaky.

function transcriptOf(entries: readonly CorpusEntry[], bytes: number): string {
  const lines: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const e = entries[(i * 7) % entries.length]!;
    const line = e.text.includes('\n') ? e.text : `${i % 2 ? 'Agent' : 'User'}: ${e.text}`;
    lines.push(line);
    size += line.length + 1;
  }
  return lines.join('\n').slice(0, bytes);
}

function measure(label: string, text: string): void {
  for (let i = 0; i < 100; i++) redactText(text);
  const times: number[] = [];
  const rounds = 400;
  for (let i = 0; i < rounds; i++) {
    const t = performance.now();
    redactText(text);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const mb = text.length / (1024 * 1024);
  const mean = times.reduce((a, b) => a + b, 0) / rounds;
  const p50 = times[Math.floor(rounds * 0.5)]!;
  const p99 = times[Math.floor(rounds * 0.99)]!;
  const findings = redactText(text).findings.length;
  const rate = (ms: number): string => (mb / (ms / 1000)).toFixed(1).padStart(5);
  console.log(`${label.padEnd(40)} ${rate(mean)} MB/s mean, ${rate(p50)} MB/s at p50; p50 ${p50.toFixed(2)} ms, p99 ${p99.toFixed(2)} ms (${findings} findings)`);
}

describe('throughput', () => {
  it('prints MB/s and p50/p99 latency for 10 KB transcripts', () => {
    // Dense: every corpus snippet, ~150 findings in 10 KB (each call with findings is checked twice,
    // see redact-text.ts). Typical: billing talk with phones, invoices, amounts and dates, no findings.
    const dense = transcriptOf(CORPUS, 10 * 1024);
    const typical = transcriptOf(KEEP_CORPUS.filter((e) => e.sensitive.length === 0), 10 * 1024);
    console.log('');
    measure('10 KB transcript, whole corpus (dense)', dense);
    measure('10 KB transcript, nothing to remove', typical);
    expect(redactText(dense).findings.length).toBeGreaterThan(0);
  });
});
