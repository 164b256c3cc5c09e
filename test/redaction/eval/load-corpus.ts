import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

// The issue-12 evaluation corpus (test/fixtures/redaction/FORMAT.md): JSONL cases with the sensitive
// values they hold, the digits each stands for, and strings that must survive byte for byte.

const KIND = z.enum(['card', 'security_code', 'expiry', 'pin', 'bank_account', 'bsb', 'sort_code', 'routing_number', 'iban', 'tax_id']);
const CLASS = z.enum(['slot', 'correction', 'readback', 'restart', 'spoken', 'mixed', 'homophone', 'letters', 'card-context', 'luhn-fail',
  'wrong-length', 'short-label', 'expiry-form', 'labelled-id', 'canonical-bank', 'lookalike']);
const placed = z.object({ value: z.string().min(1), occurrence: z.number().int().min(0).optional() });

export const EvalCase = z.object({
  id: z.string().min(3),
  locale: z.enum(['AU', 'NZ', 'UK', 'US']),
  style: z.enum(['transcript', 'summary', 'fields']),
  classes: z.array(CLASS),
  text: z.string().min(1),
  sensitive: z.array(z.object({
    kind: KIND, digits: z.string().regex(/^[0-9A-Z]+$/), form: z.enum(['written', 'spoken', 'mixed', 'letters']),
    value: z.string().min(1).optional(), occurrence: z.number().int().min(0).optional(), parts: z.array(placed).min(1).optional(),
  }).refine((s) => (s.value === undefined) !== (s.parts === undefined), 'exactly one of value and parts')),
  keep: z.array(z.union([z.string().min(1), placed])),
});
export type EvalCase = z.infer<typeof EvalCase>;
export type Placed = { value: string; occurrence?: number | undefined };
export type SensitiveValue = EvalCase['sensitive'][number];

/** The pieces of a sensitive value, in order (one piece unless it was read in parts). */
export const piecesOf = (s: SensitiveValue): Placed[] => s.parts ?? [{ value: s.value!, occurrence: s.occurrence }];

/** Start offset of the n-th occurrence of a value in the text, or -1. */
export function locate(text: string, p: Placed): number {
  let at = -1;
  for (let n = 0; n <= (p.occurrence ?? 0); n++) {
    at = text.indexOf(p.value, at + 1);
    if (at < 0) return -1;
  }
  return at;
}

export const asPlaced = (k: string | Placed): Placed => (typeof k === 'string' ? { value: k } : k);

/** Parses one JSONL file; problems name the file, line and field. */
export function parseCorpus(source: string, name: string): { cases: EvalCase[]; problems: string[] } {
  const cases: EvalCase[] = [];
  const problems: string[] = [];
  source.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    const where = `${name}:${i + 1}`;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      problems.push(`${where}: not JSON`);
      return;
    }
    const parsed = EvalCase.safeParse(json);
    if (!parsed.success) {
      problems.push(`${where}: ${parsed.error.issues.map((x) => `${x.path.join('.')} ${x.message}`).join('; ')}`);
      return;
    }
    const c = parsed.data;
    for (const p of [...c.sensitive.flatMap(piecesOf), ...c.keep.map(asPlaced)]) {
      if (locate(c.text, p) < 0) problems.push(`${where} (${c.id}): "${p.value}" (occurrence ${p.occurrence ?? 0}) is not in text`);
    }
    // A keep string inside a sensitive value would be scored against itself.
    const spans = c.sensitive.flatMap(piecesOf).map((p) => [locate(c.text, p), locate(c.text, p) + p.value.length] as const);
    for (const k of c.keep.map(asPlaced)) {
      const at = locate(c.text, k);
      if (spans.some(([s, e]) => at < e && s < at + k.value.length)) problems.push(`${where} (${c.id}): keep "${k.value}" overlaps a sensitive value`);
    }
    cases.push(c);
  });
  return { cases, problems };
}

/** Every *.jsonl file of a folder, in name order. */
export function loadCorpusDir(dir: string): { cases: EvalCase[]; problems: string[] } {
  const cases: EvalCase[] = [];
  const problems: string[] = [];
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.jsonl')).sort()) {
    const r = parseCorpus(readFileSync(join(dir, f), 'utf8'), f);
    cases.push(...r.cases);
    problems.push(...r.problems);
  }
  const seen = new Set<string>();
  for (const c of cases) {
    if (seen.has(c.id)) problems.push(`duplicate id ${c.id}`);
    seen.add(c.id);
  }
  return { cases, problems };
}
