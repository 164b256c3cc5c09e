import { isWireObject } from './parse-values.js';

const MAX_DEPTH = 64;
/** `recording_url` and any *assumed* variant (`stereo_recording_url`, `recordingUrl`, `recording_urls`). */
const RECORDING_KEY = /recording_?urls?$/i;

/**
 * A copy of a raw delivery without its presigned recording links, for keeping the body for an operator:
 * those links expire after 7 days and must never be written anywhere (contract, envelope A).
 * Keys such as `__proto__` are copied as own data properties; nesting deeper than 64 becomes a marker.
 */
export function withoutRecordingUrls(body: unknown, depth = 0): unknown {
  if (Array.isArray(body)) {
    return depth >= MAX_DEPTH ? '[too deep]' : body.map((item) => withoutRecordingUrls(item, depth + 1));
  }
  if (!isWireObject(body)) return body;
  if (depth >= MAX_DEPTH) return '[too deep]';
  // No prototype, so `out['__proto__'] = x` stores a key instead of changing the copy's prototype
  // (and plain assignment is several times cheaper than defineProperty on the intake path).
  const out = Object.create(null) as Record<string, unknown>;
  for (const [key, value] of Object.entries(body)) {
    if (!RECORDING_KEY.test(key)) out[key] = withoutRecordingUrls(value, depth + 1);
  }
  return out;
}
