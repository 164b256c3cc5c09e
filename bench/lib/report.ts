/** Prints figures as an aligned table; ratios are against the baseline measured in the same run. */
export function table(title: string, rows: Record<string, string | number>[]): void {
  console.log(`\n## ${title}`);
  if (!rows.length) return;
  const cols = Object.keys(rows[0]!);
  const fmt = (v: string | number) => (typeof v === 'number' ? (Number.isInteger(v) ? String(v) : v.toFixed(2)) : v);
  const widths = cols.map((c) => Math.max(c.length, ...rows.map((r) => fmt(r[c] ?? '').length)));
  console.log(cols.map((c, i) => c.padEnd(widths[i]!)).join('  '));
  for (const r of rows) console.log(cols.map((c, i) => fmt(r[c] ?? '').padEnd(widths[i]!)).join('  '));
}
