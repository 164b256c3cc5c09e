import { redactText } from '../../../server/redaction/redact-text.js';
import { applyV8Flags } from '../../../server/v8-flags.js';
import { loadCorpusDir } from './load-corpus.js';
import { pct, scoreCorpus, type Tally } from './score-corpus.js';

// `npm run redact:score [-- <folder>] [--failures]`: recall by kind and form, keep rate and whole-case
// pass rate of the engine on a corpus folder (default: the repository's, test/fixtures/redaction).
applyV8Flags();
const args = process.argv.slice(2);
const dir = args.find((a) => !a.startsWith('--')) ?? 'test/fixtures/redaction';
const { cases, problems } = loadCorpusDir(dir);
if (problems.length > 0) {
  console.error(`corpus problems:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
const report = scoreCorpus(cases, redactText);
const line = (name: string, t: Tally): string => `  ${name.padEnd(16)} ${String(t.ok).padStart(5)}/${String(t.total).padEnd(5)} ${pct(t).toFixed(2).padStart(7)} %`;
const table = (title: string, m: Map<string, Tally>): string => [title, ...[...m].sort(([a], [b]) => a.localeCompare(b)).map(([k, t]) => line(k, t))].join('\n');
console.log(`corpus ${dir}: ${report.cases} cases`);
console.log(line('recall', report.recall));
console.log(line('keep rate', report.keep));
console.log(line('whole cases', { ok: report.passed, total: report.cases }));
console.log(table('recall by kind', report.byKind));
console.log(table('recall by form', report.byForm));
console.log(table('whole cases by class', report.byClass));
console.log(table('whole cases by locale', report.byLocale));
console.log(table('whole cases by style', report.byStyle));
/** The line of the input holding `value` and the same line of the redacted text. */
function context(text: string, redacted: string, value: string): string {
  const at = text.indexOf(value);
  const line = text.slice(0, at).split('\n').length - 1;
  return `      in:  ${text.split('\n')[line]}\n      out: ${redacted.split('\n')[line] ?? ''}`;
}

if (args.includes('--failures')) {
  for (const { c, score } of report.failures) {
    const out = redactText(c.text).text;
    console.log(`--- ${c.id} [${c.classes.join(',')}] ${c.style}`);
    for (const s of score.leaks) {
      const pieces = (s.parts ?? [{ value: s.value! }]).map((p) => p.value);
      console.log(`  LEAK ${s.kind} (${s.form}): ${pieces.join(' | ')}\n${context(c.text, out, pieces[0]!)}`);
    }
    for (const k of score.lost) console.log(`  LOST keep: ${k}\n${context(c.text, out, k)}`);
  }
} else if (report.failures.length > 0) {
  console.log(`failing cases: ${report.failures.map((f) => f.c.id).join(', ')}`);
}
