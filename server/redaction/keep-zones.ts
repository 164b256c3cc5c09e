import type { Span } from './tokens.js';

// Spans the digit reader must not read as prose: URLs and emails are kept byte for byte (the rule),
// except that a URL is still checked on its own for card numbers; earlier redaction tokens are opaque.

const URL_RE = /\b(?:https?:\/\/|www\.)[^\s<>"'`]+/gi;
const URL_TRAILING = /[.,;:!?)\]}]+$/;

export function findUrls(text: string): Span[] {
  const spans: Span[] = [];
  URL_RE.lastIndex = 0;
  for (let m = URL_RE.exec(text); m; m = URL_RE.exec(text)) {
    const url = m[0].replace(URL_TRAILING, '');
    spans.push({ start: m.index, end: m.index + url.length });
  }
  return spans;
}

const LOCAL = /[A-Za-z0-9._%+-]/;
const DOMAIN = /[A-Za-z0-9.-]/;
const MAX_PART = 64;

/** Emails found from each "@" outwards (no regex backtracking over long words). */
export function findEmails(text: string): Span[] {
  const spans: Span[] = [];
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    let s = at;
    while (s > 0 && at - s < MAX_PART && LOCAL.test(text[s - 1]!)) s--;
    let e = at + 1;
    while (e < text.length && e - at < 256 && DOMAIN.test(text[e]!)) e++;
    while (e > at + 1 && text[e - 1] === '.') e--;
    const domain = text.slice(at + 1, e);
    if (s < at && /^[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/.test(domain)) spans.push({ start: s, end: e });
  }
  return spans;
}

const MARKER_RE = /\[(?:card ending \d{4}|card number|security code|expiry|pin|bank account|bsb|sort code|routing number|iban|tax id)\]/g;

/** Redaction tokens already in the text ("[card ending 1111]"): opaque, so redacting is idempotent. */
export function findMarkers(text: string): Span[] {
  const spans: Span[] = [];
  if (!text.includes('[')) return spans; // most first passes: a plain scan is several times quicker than the pattern's
  MARKER_RE.lastIndex = 0;
  for (let m = MARKER_RE.exec(text); m; m = MARKER_RE.exec(text)) spans.push({ start: m.index, end: m.index + m[0].length, marker: true });
  return spans;
}

/** Sorted, non-overlapping union of spans; a merged span is a marker if any part of it was. */
export function mergeSpans(spans: readonly Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start < last.end) {
      out[out.length - 1] = { start: last.start, end: Math.max(last.end, s.end), marker: last.marker === true || s.marker === true };
    } else {
      out.push({ ...s });
    }
  }
  return out;
}

/**
 * The spans (sorted by start) that overlap none of `blocked` (sorted, non-overlapping, as mergeSpans
 * returns them), in one sweep: a hostile 1 MiB body holds tens of thousands of each, and checking
 * every pair took 28 s.
 */
export function notOverlapping<T extends Span>(spans: readonly T[], blocked: readonly Span[]): T[] {
  const out: T[] = [];
  let j = 0;
  for (const s of spans) {
    while (j < blocked.length && blocked[j]!.end <= s.start) j++;
    if (j < blocked.length && blocked[j]!.start < s.end) continue;
    out.push(s);
  }
  return out;
}

/** For each of `outer` (sorted, non-overlapping), the spans of `inner` (sorted by start) inside it. */
export function spansWithin(inner: readonly Span[], outer: readonly Span[]): Span[][] {
  const out: Span[][] = [];
  let p = 0;
  for (const o of outer) {
    while (p < inner.length && inner[p]!.start < o.start) p++;
    const inside: Span[] = [];
    for (let q = p; q < inner.length && inner[q]!.start < o.end; q++) if (inner[q]!.end <= o.end) inside.push(inner[q]!);
    out.push(inside);
  }
  return out;
}
