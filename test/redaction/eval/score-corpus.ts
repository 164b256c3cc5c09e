import type { Finding } from '../../../server/redaction/redact-text.js';
import { asPlaced, locate, piecesOf, type EvalCase, type SensitiveValue } from './load-corpus.js';

// Scores a redaction engine on the issue-12 corpus (test/fixtures/redaction/FORMAT.md). Written apart
// from the engine on purpose: its own reading of digits and number words, so a bug in the engine's
// normaliser cannot hide a leak here.

const LONG_KINDS = new Set(['card', 'bank_account', 'iban', 'tax_id', 'routing_number']);
// How many digits a spoken word stands for ("fifteen" is two, "oh" one); homophones ASR writes for digits.
const WORD_DIGITS = new Map<string, number>([
  ...['zero', 'oh', 'o', 'owe', 'nought', 'naught', 'nil', 'one', 'won', 'wan', 'two', 'to', 'too', 'three', 'tree', 'four', 'for', 'fore',
    'five', 'six', 'seven', 'eight', 'ate', 'nine', 'niner'].map((w) => [w, 1] as [string, number]),
  ...['ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen',
    'twenty', 'thirty', 'forty', 'fourty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety', 'hundred'].map((w) => [w, 2] as [string, number]),
]);

/** Digit units of a piece of text: [start, end, digits] for each numeral and number word (and letter, for letters read aloud). */
function units(text: string, from: number, to: number, letters: boolean): [number, number, number][] {
  const out: [number, number, number][] = [];
  const re = /[0-9]|[A-Za-z]+/g;
  re.lastIndex = from;
  let repeat = 1;
  for (let m = re.exec(text); m && m.index < to; m = re.exec(text)) {
    const w = m[0].toLowerCase();
    const end = Math.min(m.index + m[0].length, to);
    if (/[0-9]/.test(w)) out.push([m.index, end, repeat]);
    else if (w === 'double' || w === 'triple' || w === 'treble') { repeat = w === 'double' ? 2 : 3; continue; }
    else if (WORD_DIGITS.has(w)) out.push([m.index, end, WORD_DIGITS.get(w)! * repeat]);
    else if (letters && w.length === 1) out.push([m.index, end, 1]);
    repeat = 1;
  }
  return out;
}

export type ValueScore = { leaked: boolean; uncovered: number; units: number };

/** Whether a sensitive value survives the findings, by the corpus rule (FORMAT.md, Scoring). */
export function scoreValue(c: EvalCase, s: SensitiveValue, covered: Uint8Array): ValueScore {
  const flags: boolean[] = [];
  for (const p of piecesOf(s)) {
    const at = locate(c.text, p);
    for (const [start, end, n] of units(c.text, at, at + p.value.length, s.form === 'letters')) {
      let open = false;
      for (let i = start; i < end; i++) if (!covered[i]) open = true;
      for (let k = 0; k < n; k++) flags.push(open);
    }
  }
  const uncovered = flags.filter(Boolean).length;
  let leaked: boolean;
  if (!LONG_KINDS.has(s.kind)) leaked = uncovered > 0;
  else if (s.kind === 'card') leaked = flags.slice(0, Math.max(0, flags.length - 4)).some(Boolean) || longestRun(flags) > 4;
  else leaked = longestRun(flags) > 4;
  return { leaked, uncovered, units: flags.length };
}

function longestRun(flags: readonly boolean[]): number {
  let best = 0;
  let cur = 0;
  for (const f of flags) {
    cur = f ? cur + 1 : 0;
    if (cur > best) best = cur;
  }
  return best;
}

export type CaseScore = { id: string; leaks: SensitiveValue[]; lost: string[]; values: { s: SensitiveValue; leaked: boolean }[]; kept: number; keeps: number };

/** One case: which sensitive values leak and which keep strings a finding touched. */
export function scoreCase(c: EvalCase, findings: readonly Finding[]): CaseScore {
  const covered = new Uint8Array(c.text.length);
  for (const f of findings) covered.fill(1, f.start, f.end);
  const values = c.sensitive.map((s) => ({ s, leaked: scoreValue(c, s, covered).leaked }));
  const lost: string[] = [];
  for (const k of c.keep.map(asPlaced)) {
    const at = locate(c.text, k);
    if (findings.some((f) => f.start < at + k.value.length && at < f.end)) lost.push(k.value);
  }
  return { id: c.id, leaks: values.filter((v) => v.leaked).map((v) => v.s), lost, values, kept: c.keep.length - lost.length, keeps: c.keep.length };
}

export type Tally = { ok: number; total: number };
export type Report = {
  cases: number; passed: number; recall: Tally; keep: Tally;
  byKind: Map<string, Tally>; byForm: Map<string, Tally>; byClass: Map<string, Tally>; byLocale: Map<string, Tally>; byStyle: Map<string, Tally>;
  failures: { c: EvalCase; score: CaseScore }[];
};

const bump = (m: Map<string, Tally>, key: string, ok: boolean): void => {
  const t = m.get(key) ?? { ok: 0, total: 0 };
  t.total++;
  if (ok) t.ok++;
  m.set(key, t);
};

/** Scores every case with `redact` (the engine's one entry point, or any other engine to compare). */
export function scoreCorpus(cases: readonly EvalCase[], redact: (text: string) => { findings: readonly Finding[] }): Report {
  const r: Report = { cases: cases.length, passed: 0, recall: { ok: 0, total: 0 }, keep: { ok: 0, total: 0 }, byKind: new Map(), byForm: new Map(), byClass: new Map(), byLocale: new Map(), byStyle: new Map(), failures: [] };
  for (const c of cases) {
    const score = scoreCase(c, redact(c.text).findings);
    for (const v of score.values) {
      r.recall.total++;
      if (!v.leaked) r.recall.ok++;
      bump(r.byKind, v.s.kind, !v.leaked);
      bump(r.byForm, v.s.form, !v.leaked);
    }
    r.keep.total += score.keeps;
    r.keep.ok += score.kept;
    const pass = score.leaks.length === 0 && score.lost.length === 0;
    if (pass) r.passed++;
    else r.failures.push({ c, score });
    for (const k of c.classes) bump(r.byClass, k, pass);
    bump(r.byLocale, c.locale, pass);
    bump(r.byStyle, c.style, pass);
  }
  return r;
}

export const pct = (t: Tally): number => (t.total === 0 ? 100 : (100 * t.ok) / t.total);
