import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Absolute, content-hashed URLs of the built panel bundle (vite build → dist/ui/.vite/manifest.json). */
export type UiAssets = { scripts: string[]; styles: string[]; distDir: string; built: boolean };

export function loadUiAssets(distDir: string, publicUrl: string): UiAssets {
  const manifestPath = join(distDir, '.vite', 'manifest.json');
  if (!existsSync(manifestPath)) return { scripts: [], styles: [], distDir, built: false };
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, { file: string; css?: string[]; isEntry?: boolean }>;
  const entry = Object.values(manifest).find((e) => e.isEntry);
  if (!entry) return { scripts: [], styles: [], distDir, built: false };
  const abs = (f: string) => `${publicUrl}/ui/${f}`;
  return { scripts: [abs(entry.file)], styles: (entry.css ?? []).map(abs), distDir, built: true };
}
