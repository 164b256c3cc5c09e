import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseCorpus } from './load-corpus.js';

// Checks corpus files against FORMAT.md: `npx tsx test/redaction/eval/validate-corpus.ts <file.jsonl>…`.
let bad = 0;
for (const file of process.argv.slice(2)) {
  const { cases, problems } = parseCorpus(readFileSync(file, 'utf8'), basename(file));
  const ids = new Set<string>();
  for (const c of cases) {
    if (ids.has(c.id)) problems.push(`duplicate id ${c.id}`);
    ids.add(c.id);
  }
  const count = (f: (c: (typeof cases)[number]) => string[]) => {
    const m = new Map<string, number>();
    for (const c of cases) for (const k of f(c)) m.set(k, (m.get(k) ?? 0) + 1);
    return [...m].map(([k, n]) => `${k} ${n}`).join(', ');
  };
  console.log(`${file}: ${cases.length} cases; locales: ${count((c) => [c.locale])}; styles: ${count((c) => [c.style])}; classes: ${count((c) => c.classes)}`);
  for (const p of problems) console.log(`  ${p}`);
  bad += problems.length;
}
process.exit(bad > 0 ? 1 : 0);
