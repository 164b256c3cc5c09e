import { isLikelyCard } from './card-numbers.js';
import { KindSet } from './kind-set.js';
import { knownReferences } from './known-references.js';
import { redactToReplacements, type FindingKind, type Replacement } from './redact-text.js';

// Redacts parsed JSON (raw deliveries are stored redacted). Transcripts may arrive as arrays of
// turns (contracts/dialnexa-webhooks.md, assumed shape); those are redacted together, so a card read
// across turns is caught exactly as in a transcript string.

const TEXT_KEYS = ['content', 'text', 'message', 'utterance'] as const;
const SPEAKER_KEYS = ['role', 'speaker', 'name', 'participant'] as const;
const MAX_DEPTH = 256;

type Turn = { key: string; text: string; speaker: string };

/**
 * A copy without a prototype: JSON.parse makes `"__proto__"` an own key, and assigning it to a plain
 * object would set the copy's prototype instead, so the key would vanish from the stored body.
 */
const ownKeysOnly = (): Record<string, unknown> => Object.create(null) as Record<string, unknown>;

function asTurn(v: unknown): Turn | null {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return null;
  const o = v as Record<string, unknown>;
  const key = TEXT_KEYS.find((k) => typeof o[k] === 'string');
  if (!key) return null;
  const who = SPEAKER_KEYS.map((k) => o[k]).find((s): s is string => typeof s === 'string') ?? 'speaker';
  // The speaker becomes a "Name:" prefix; keep it to plain words so it cannot forge a line.
  const plain = who.replace(/[^A-Za-z ]/g, '').trim().slice(0, 20) || 'speaker';
  const speaker = plain[0]!.toUpperCase() + plain.slice(1);
  return { key, text: o[key] as string, speaker };
}

function applyTo(text: string, offset: number, reps: readonly Replacement[]): string {
  let out = '';
  let at = 0;
  for (const r of reps) {
    const s = r.start - offset;
    const e = r.end - offset;
    if (s < at || e > text.length) continue;
    out += text.slice(at, s) + r.token;
    at = e;
  }
  return out + text.slice(at);
}

/** Redacts an array of transcript turns as one transcript; null when the array is not one. */
function redactTurns(arr: readonly unknown[], ks: KindSet, depth: number): unknown[] | null {
  if (arr.length < 2) return null;
  const turns = arr.map(asTurn);
  if (turns.some((t) => t === null)) return null;
  let joined = '';
  const offsets: number[] = [];
  for (const t of turns as Turn[]) {
    const prefix = `${joined ? '\n' : ''}${t.speaker}: `;
    offsets.push(joined.length + prefix.length);
    joined += prefix + t.text.replace(/\n/g, ' ');
  }
  const { replacements } = redactToReplacements(joined, ks.references);
  for (const r of replacements) ks.add(r.kind);
  // Replacements are sorted and turns follow each other, so one pointer hands each turn its own.
  let next = 0;
  return arr.map((el, i) => {
    const t = turns[i]!;
    const start = offsets[i]!;
    while (next < replacements.length && replacements[next]!.start < start) next++;
    const mine: Replacement[] = [];
    for (; next < replacements.length && replacements[next]!.start < start + t.text.length; next++) {
      if (replacements[next]!.end <= start + t.text.length) mine.push(replacements[next]!);
    }
    const out = ownKeysOnly();
    for (const [k, v] of Object.entries(el as Record<string, unknown>)) {
      out[k] = k === t.key ? applyTo(t.text, start, mine) : redactValue(v, ks, depth + 1);
    }
    return out;
  });
}

/**
 * A number leaf is judged with its key as context ("bank": 12345678 reads as "bank: 12345678"), so bank,
 * tax and security-code values sent as JSON numbers are caught like their text forms. Integers beyond
 * 2^53 have already lost digits in JSON.parse and are never kept.
 */
function redactNumber(value: number, key: string | undefined, ks: KindSet): unknown {
  if (!Number.isInteger(value) || value < 100) return value;
  if (!Number.isSafeInteger(value)) {
    ks.add('card');
    return '[long number]';
  }
  const digits = String(value);
  if (isLikelyCard(digits)) {
    ks.add('card');
    return `[card ending ${digits.slice(-4)}]`;
  }
  if (!key) return value;
  const label = `${key.replace(/[_-]+/g, ' ')}: `;
  const r = redactToReplacements(label + digits, ks.references);
  if (!r.findings.some((f) => f.end > label.length)) return value;
  for (const f of r.findings) ks.add(f.kind);
  return r.text.startsWith(label) ? r.text.slice(label.length) : r.text;
}

function redactValue(value: unknown, ks: KindSet, depth: number, key?: string): unknown {
  if (typeof value === 'string') return ks.text(value);
  if (typeof value === 'number') return redactNumber(value, key, ks);
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) return value;
  if (Array.isArray(value)) return redactTurns(value, ks, depth) ?? value.map((v) => redactValue(v, ks, depth + 1));
  const out = ownKeysOnly();
  for (const [k, v] of Object.entries(value)) out[k] = redactValue(v, ks, depth + 1, k);
  return out;
}

/**
 * Redacts every string leaf of parsed JSON (keys are left alone); used to store raw deliveries. The
 * body's own long references (invoice, job, payment ids) are kept wherever its texts read them.
 */
export function redactJsonValue(value: unknown): { value: unknown; kinds: FindingKind[] } {
  const ks = new KindSet(knownReferences(value));
  return { value: redactValue(value, ks, 0), kinds: ks.sorted() };
}
