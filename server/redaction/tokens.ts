import type { Spoken } from './number-words.js';
import { isSoundAlike } from './homophones.js';
import { wordFilter } from './word-filter.js';

// One linear pass that cuts text into number, word and punctuation tokens with source offsets,
// then groups them into lines and transcript turns ("User: …" / "Agent: …").

export type TokenKind = 'num' | 'word' | 'punct' | 'nl' | 'block';

export type Token = {
  kind: TokenKind;
  start: number;
  end: number;
  text: string;
  lower: string;
  /** Whitespace (not a newline) directly before this token. */
  space: boolean;
  line: number;
  turn: number;
  /** Index of the context label this token belongs to, or -1. */
  label: number;
  /**
   * number-words.ts's reading of this word as part of a spoken number (null: none), cached because
   * reading numbers asks several times per token; undefined until asked. Depends only on the text.
   */
  spoken: Spoken | null | undefined;
};

/** A source range; `marker` flags an earlier redaction token ("[card ending 1111]"). */
export type Span = { start: number; end: number; marker?: boolean };

/** `key`: the line's first ':' or '=' token after its speaker (an extracted field's key ends there), or -1. */
export type Line = { first: number; content: number; last: number; turn: number; speaker: string; key: number };
/** `asks`: the turn has a question mark or a prompt word (dialogue-slots.ts). */
export type Turn = { speaker: string; firstLine: number; words: number; nums: number; labels: number; asks: boolean };

// Prompt words: IVR bots and lower-case ASR ask without a question mark ("Please say the invoice
// number you're paying.", "is there a good callback number").
const ASKING = new Set(['ahead', 'please', 'say', 'enter', 'key', 'read', 'tell', 'give', 'provide', 'confirm', 'spell', 'what', 'whats', 'which', 'can', 'could', 'may', 'is', 'do', 'got', 'need']);
const MAYBE_ASKING = wordFilter(ASKING);

/** What the walk over lines also notes for later rules: sound-alike words (homophones.ts), and one-letter words. */
export type Walk = { lines: Line[]; turns: Turn[]; sounds: number[]; letters: boolean };

const ROLES = new Set([
  'agent', 'user', 'caller', 'customer', 'client', 'ai', 'assistant', 'bot', 'rep', 'representative',
  'operator', 'staff', 'speaker', 'system', 'human', 'receptionist', 'dialnexa', 'me', 'them',
]);

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 13 || c === 11 || c === 12 || c === 160 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x3000;
}
const isDigit = (c: number): boolean => c >= 48 && c <= 57;

function makeToken(text: string, kind: TokenKind, start: number, end: number, space: boolean, upper: boolean): Token {
  const t = kind === 'punct' || kind === 'nl' ? text[start]! : text.slice(start, end);
  return { kind, start, end, text: t, lower: upper ? t.toLowerCase() : t, space, line: 0, turn: 0, label: -1, spoken: undefined };
}

/** One opaque token for a skipped span (a URL, an email, an earlier redaction marker). */
export function blockToken(start: number, end: number, space: boolean, marker: boolean): Token {
  const t = marker ? '[]' : '';
  return { kind: 'block', start, end, text: t, lower: t, space, line: 0, turn: 0, label: -1, spoken: null };
}

// Character classes of ASCII, looked up instead of compared: tokenizing was the largest single cost
// of a pass (profiled). Codes outside ASCII are spaces (isSpace) or punctuation, as before.
const OTHER = 0, SPACE = 1, DIGIT = 2, LOWER = 3, UPPER = 4, NL = 5;
const ASCII = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  ASCII[c] = c === 10 ? NL : isSpace(c) ? SPACE : isDigit(c) ? DIGIT : c >= 97 && c <= 122 ? LOWER : c >= 65 && c <= 90 ? UPPER : OTHER;
}
const classOf = (c: number): number => (c < 128 ? ASCII[c]! : isSpace(c) ? SPACE : OTHER);

/** Tokens for text[from, to); each blocked span (sorted, inside the range) becomes one opaque 'block' token. */
export function tokenize(text: string, from: number, to: number, blocked: readonly Span[]): Token[] {
  const tokens: Token[] = [];
  let b = 0;
  let i = from;
  let space = false;
  let next = blocked.length > 0 ? blocked[0]!.start : Infinity;
  while (i < to) {
    if (i >= next) {
      const block = blocked[b]!;
      tokens.push(blockToken(block.start, block.end, space, block.marker === true));
      space = false;
      i = block.end;
      b++;
      next = b < blocked.length ? blocked[b]!.start : Infinity;
      continue;
    }
    const limit = next < to ? next : to;
    const cls = classOf(text.charCodeAt(i));
    if (cls === SPACE) {
      space = true;
      i++;
      continue;
    }
    let j = i + 1;
    if (cls === DIGIT) {
      while (j < limit && ASCII[text.charCodeAt(j)] === DIGIT) j++;
      tokens.push(makeToken(text, 'num', i, j, space, false));
    } else if (cls === LOWER || cls === UPPER) {
      let upper = cls === UPPER;
      for (; j < limit; j++) {
        const d = text.charCodeAt(j);
        const k = d < 128 ? ASCII[d] : OTHER;
        if (k === LOWER) continue;
        if (k !== UPPER) break;
        upper = true;
      }
      tokens.push(makeToken(text, 'word', i, j, space, upper));
    } else {
      tokens.push(makeToken(text, cls === NL ? 'nl' : 'punct', i, j, space, false));
    }
    space = false;
    i = j;
  }
  return tokens;
}

/** Index after a leading "[00:41]" or "00:41" timestamp (DialNexa and other exports put one before the speaker). */
/** A turn quoted in a list: `- "AI: and the code?"`, `* Caller: …` (extracted-field dumps write them so). */
function afterBullet(tokens: readonly Token[], first: number): number {
  let k = first;
  if (tokens[k]?.text === '-' || tokens[k]?.text === '*' || tokens[k]?.text === '•') k++;
  if (tokens[k]?.text === '"' || tokens[k]?.text === '“') k++;
  return k > first && tokens[k]?.kind === 'word' ? k : first;
}

function afterTimestamp(tokens: readonly Token[], first: number): number {
  let k = first;
  const open = tokens[k]?.text === '[' || tokens[k]?.text === '(';
  if (open) k++;
  let parts = 0;
  while (tokens[k]?.kind === 'num' && (parts === 0 || tokens[k - 1]!.text === ':')) {
    parts++;
    k++;
    if (tokens[k]?.text === ':' && tokens[k + 1]?.kind === 'num') k++;
    else break;
  }
  if (parts < 2) return first;
  if (open) return tokens[k]?.text === ']' || tokens[k]?.text === ')' ? k + 1 : first;
  return k;
}

/** Lower-case ASR exports drop the colon ("caller for to six for"): a bare role word opens the line. */
const BARE_ROLES = new Set(['agent', 'caller', 'customer', 'user', 'assistant', 'bot', 'ai', 'rep', 'operator', 'receptionist']);

function bareRole(tokens: readonly Token[], line: number): { speaker: string; content: number } | null {
  const t = tokens[line];
  const next = tokens[line + 1];
  if (!t || t.kind !== 'word' || t.label >= 0 || t.text !== t.lower || !BARE_ROLES.has(t.lower)) return null;
  return next && next.kind !== 'nl' && next.text !== ':' ? { speaker: t.lower, content: line + 1 } : null;
}

/** A "Name:" prefix of at most three tokens that is a role word or unlabelled capitalised name. */
function speakerAt(tokens: readonly Token[], line: number, bare: boolean): { speaker: string; content: number } | null {
  if (bare) return bareRole(tokens, line);
  const first = afterTimestamp(tokens, afterBullet(tokens, line));
  // Every line is asked, so nothing is built until a "Name:" prefix is certain.
  for (let k = first; k < tokens.length && k < first + 4; k++) {
    const t = tokens[k]!;
    if (t.kind === 'punct' && t.text === ':' && k > first) {
      const firstTok = tokens[first]!;
      const role = ROLES.has(firstTok.lower);
      const named = firstTok.kind === 'word' && firstTok.text[0] !== firstTok.lower[0];
      if (!role && !named) return null;
      let speaker = firstTok.lower;
      for (let j = first + 1; j < k; j++) speaker += ` ${tokens[j]!.lower}`;
      return { speaker, content: k + 1 };
    }
    if ((t.kind !== 'word' && t.kind !== 'num') || t.label >= 0) return null;
  }
  return null;
}

/** True when no line has a "Name:" prefix and at least two lines open with a bare lower-case role word. */
function bareRoleLines(tokens: readonly Token[]): boolean {
  let bare = 0;
  for (let k = 0; k < tokens.length; k++) {
    if (k > 0 && tokens[k - 1]!.kind !== 'nl') continue;
    if (speakerAt(tokens, k, false)) return false;
    if (bareRole(tokens, k)) bare++;
  }
  return bare >= 2;
}

/**
 * Assigns line and turn numbers. A line with a speaker prefix starts a turn; in text without
 * speakers every line is its own turn; an unprefixed line after a speaker line continues that turn.
 */
export function assignTurns(tokens: Token[]): Walk {
  const lines: Line[] = [];
  const turns: Turn[] = [];
  let seenSpeaker = false;
  const bare = bareRoleLines(tokens);
  const sounds: number[] = [];
  let letters = false;
  let k = 0;
  while (k <= tokens.length) {
    let end = k;
    while (end < tokens.length && tokens[end]!.kind !== 'nl') end++;
    const found = end > k ? speakerAt(tokens, k, bare) : null;
    if (found || !seenSpeaker || turns.length === 0) {
      turns.push({ speaker: found ? found.speaker : '', firstLine: lines.length, words: 0, nums: 0, labels: 0, asks: false });
    }
    if (found) seenSpeaker = true;
    const turnIdx = turns.length - 1;
    const turn = turns[turnIdx]!;
    const line: Line = { first: k, content: found ? found.content : k, last: end - 1, turn: turnIdx, speaker: turn.speaker, key: -1 };
    for (let j = k; j <= end && j < tokens.length; j++) {
      const t = tokens[j]!;
      t.line = lines.length;
      t.turn = turnIdx;
      if (j >= line.content && j < end) {
        if (t.kind === 'word') {
          turn.words++;
          const n = t.lower.length;
          if (n === 1) {
            if (t.lower !== 'a' && t.text !== 'I' && tokens[j - 1]?.text !== "'" && tokens[j - 1]?.text !== '’') letters = true;
          } else if (n <= 5 && isSoundAlike(t.lower)) {
            sounds.push(j);
          }
          if (!turn.asks && t.label < 0 && n <= 7 && MAYBE_ASKING(t.lower) && ASKING.has(t.lower)) turn.asks = true;
        } else if (t.kind === 'num') {
          turn.nums++;
        } else if (t.kind === 'punct') {
          if (t.text === '?') turn.asks = true;
          else if (line.key < 0 && (t.text === ':' || t.text === '=')) line.key = j;
        }
        if (t.label >= 0) turn.labels++;
      }
    }
    lines.push(line);
    k = end + 1;
  }
  return { lines, turns, sounds, letters };
}
