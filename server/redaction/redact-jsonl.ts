import { redactText } from './redact-text.js';

// `npm run redact -- --jsonl` (DESIGN.md "Command line"): one {"id","text"} per line in, one
// {"id","text","findings"} per line out, offsets into the input text. Never throws, and an error
// never echoes the input (it may hold the very numbers being removed).

function errorLine(id: unknown, error: string): string {
  const safeId = typeof id === 'string' || typeof id === 'number' ? id : null;
  return JSON.stringify({ id: safeId, error });
}

/**
 * Redacts one JSON line.
 * @example redactJsonLine('{"id":"a","text":"cvv 123"}') === '{"id":"a","text":"cvv [security code]","findings":[{"kind":"security_code","start":4,"end":7}]}'
 */
export function redactJsonLine(line: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    return errorLine(null, 'line is not valid JSON');
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return errorLine(null, 'line is not a JSON object');
  const { id, text } = parsed as { id?: unknown; text?: unknown };
  if (typeof text !== 'string') return errorLine(id, 'field "text" must be a string');
  try {
    const r = redactText(text);
    return JSON.stringify({ id: id ?? null, text: r.text, findings: r.findings.map((f) => ({ kind: f.kind, start: f.start, end: f.end })) });
  } catch {
    return errorLine(id, 'redaction failed');
  }
}
