import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

/** Panel bundle sizes (gzipped) against their budgets; browser timing is added by the panel issue. */
export async function benchPanel(): Promise<[string, Record<string, string | number>[]][]> {
  const dir = new URL('../dist/ui/assets/', import.meta.url);
  if (!existsSync(dir)) return [['Panel bundle', [{ note: 'dist/ui not built: run npm run build:ui' }]]];
  const files = readdirSync(dir);
  const size = (ext: string) => files.filter((f) => f.endsWith(ext)).reduce((n, f) => n + gzipSync(readFileSync(new URL(f, dir))).length, 0);
  return [['Panel bundle (gzipped)', [
    { asset: 'JavaScript', 'KB gz': size('.js') / 1024, budget: '≤ 20 KB' },
    { asset: 'CSS', 'KB gz': size('.css') / 1024, budget: '≤ 6 KB' },
  ]]];
}
