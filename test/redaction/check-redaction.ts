import { expect } from 'vitest';
import { redactText } from '../../server/redaction/redact-text.js';

/** Asserts none of `gone` survives and every `kept` string does, byte for byte. */
export function check(text: string, gone: string[], kept: string[] = []): void {
  const out = redactText(text).text;
  for (const g of gone) expect(out, `"${g}" survived in: ${out}`).not.toContain(g);
  for (const k of kept) expect(out, `"${k}" was lost in: ${out}`).toContain(k);
}
