import { assignTurns, tokenize, type Span, type Token } from './tokens.js';
import { findLabels, indexLabels } from './context-labels.js';
import { readRuns, runDigits, type Group, type Run } from './spoken-digits.js';
import { joinTurns, splitAmounts } from './join-turns.js';
import { runContext, type Doc, type History } from './run-context.js';
import { segmentRun } from './segment-run.js';
import { fillSlots } from './dialogue-slots.js';
import { findSpelledIds } from './spelled-ids.js';
import { accountWithUs, isBenign, withTheBusiness } from './run-claims.js';
import { markHomophones } from './homophones.js';
import { coverage, failClosed } from './fail-closed.js';
import { checksumIds } from './checksum-ids.js';
import { echoes } from './echoes.js';
import { isLikelyCard } from './card-numbers.js';
import { bankTrail } from './bank-trail.js';
import { restarts } from './restarts.js';
import { bankParts } from './bank-parts.js';
import { resolveValidity } from './validity-labels.js';
import { quotedLabelsAsDocuments } from './quoted-labels.js';
import { branchEndings } from './branch-endings.js';
import { dropNamedLater } from './named-later.js';
import { correctedParts } from './corrected-parts.js';
import { interruptedCards } from './interrupted-cards.js';
import type { FindingKind } from './findings.js';
import type { Emit } from './segmenter.js';

/** A sensitive number: its kind, its digits, and the source spans it was read from (one per turn). */
export type NumberFinding = { kind: FindingKind; digits: string; pieces: Span[] };

/** runDigits(groups).length without building the string. */
function digitCount(groups: readonly Group[]): number {
  let n = 0;
  for (const g of groups) n += g.digits.length;
  return n;
}

function pieces(groups: readonly Group[]): Span[] {
  const out: Span[] = [];
  for (const g of groups) {
    const last = out[out.length - 1];
    if (last && g.sep !== 'turn') last.end = g.end;
    else out.push({ start: g.start, end: g.end });
  }
  return out;
}

/**
 * The answer to a document question ("What's the order number from Afterpay?" / "It's 300917284455")
 * is kept even where card talk made the label-by-label pass take it; a card-shaped number (issuer
 * prefix and Luhn) is not, whatever was asked ("your NZBN?" / "9429041234567" is kept).
 */
function dropAnswered(found: NumberFinding[], answered: ReadonlySet<Run>, tokens: readonly Token[]): boolean {
  const spans = [...answered].map((r) => ({ start: tokens[r.first]!.start, end: tokens[r.last]!.end }));
  const inside = (p: Span): boolean => spans.some((s) => s.start <= p.start && p.end <= s.end);
  // The same digits read again later are the same document number ("What's your account number with
  // us?" / "30118722" / … "so account 30118722 goes by direct debit"), when long enough to be distinctive.
  // The first reading decides: an IRD number read before the same digits are given as the GST number
  // stays a tax id (echoes.ts then takes the second reading too).
  const same = new Map<string, number>();
  for (const r of answered) {
    const d = runDigits(r.groups);
    const end = tokens[r.last]!.end;
    if (d.length >= 6 && !(same.get(d)! <= end)) same.set(d, end);
  }
  let dropped = false;
  for (let i = found.length - 1; i >= 0; i--) {
    const f = found[i]!;
    const answeredBefore = (same.get(f.digits) ?? Infinity) <= f.pieces[0]!.start;
    if (!isLikelyCard(f.digits) && (f.pieces.every(inside) || answeredBefore)) {
      found.splice(i, 1);
      dropped = true;
    }
  }
  return dropped;
}

/**
 * Finds the sensitive numbers in text[from, to), skipping the blocked spans (URLs, emails and
 * already-found IBANs and NINOs). `strict` is for URLs: numbers are never joined across separators
 * and only checksum-proven or explicitly labelled values count. `tokens`, when given, must be what
 * tokenize(text, from, to, blocked) returns (retokenize.ts builds them for a second pass). `known`: values
 * the pass found by pattern (their spans are blocked here), so their read-backs and corrections go too.
 */
export function detectNumbers(
  text: string, from: number, to: number, blocked: readonly Span[], strict: boolean, tokens: Token[] = tokenize(text, from, to, blocked),
  known: readonly NumberFinding[] = [],
): NumberFinding[] {
  const labels = findLabels(tokens);
  const { lines, turns, sounds, letters } = assignTurns(tokens);
  resolveValidity(labels, tokens, text);
  quotedLabelsAsDocuments(labels, text);
  branchEndings(labels, text);
  if (!strict && sounds.length > 0) markHomophones(tokens, sounds);
  const runs = joinTurns(splitAmounts(readRuns(tokens, !strict), tokens, text), tokens, lines, turns);
  const doc: Doc = { text, tokens, lines, turns, labels, index: indexLabels(labels, (i) => tokens[i]!.turn), strict };
  // Identifiers spelled letter by letter are read from the tokens first; their spans are then taken.
  const found: NumberFinding[] = strict ? [] : findSpelledIds(tokens, letters).map((s) => ({ kind: s.kind, digits: '', pieces: [{ start: s.start, end: s.end }] }));
  const hist: History = { prevRunEnd: -1 };
  // Earlier redaction tokens count as numbers already read, so redacting twice changes nothing.
  // They are the blocked spans flagged as markers (each became one block token), so the spans, not the
  // thousands of tokens, are walked.
  const markerEnds: number[] = [];
  for (const s of blocked) if (s.marker === true) markerEnds.push(s.end);
  const emit = (kind: FindingKind, groups: readonly Group[]): void => {
    const lastTok = groups[groups.length - 1]!.last;
    found.push({ kind, digits: runDigits(groups), pieces: pieces(groups) });
    hist.last = { kind, lastTok, turn: tokens[lastTok]!.turn };
    if (kind === 'card') hist.lastCard = { turn: tokens[lastTok]!.turn, end: tokens[lastTok]!.end };
  };
  let labelEnd = 0;
  let marker = 0;
  const kept = new Set<Run>();
  for (const run of runs) {
    const start = tokens[run.first]!.start;
    while (labelEnd < labels.length && labels[labelEnd]!.end <= start) labelEnd++;
    while (marker < markerEnds.length && markerEnds[marker]! <= start) hist.prevRunEnd = Math.max(hist.prevRunEnd, markerEnds[marker++]!);
    // "account 66120 with you guys": the caller's account with the business (a card-sized run is judged by fail-closed).
    const benign = isBenign(doc, run) || (digitCount(run.groups) < 13 && (withTheBusiness(doc, run) || accountWithUs(doc, run, labelEnd - 1)));
    const ctx = benign ? null : runContext(doc, run, labelEnd, hist);
    if (ctx) segmentRun(run, ctx, text, emit);
    else kept.add(run);
    if (run.groups.length > 2 || digitCount(run.groups) >= 3) hist.prevRunEnd = tokens[run.last]!.end;
  }
  // The label-by-label pass is done; what it left is judged by the dialogue and the fail-closed rule.
  if (!strict && runs.length > 0) {
    // One coverage test per state of `found`: rebuilt only after a layer added or dropped findings.
    let version = 0;
    let built = -1;
    let test: (g: Group) => boolean = () => false;
    const covered = (): ((g: Group) => boolean) => {
      if (built !== version) {
        const spans: Span[] = [];
        for (const f of found) for (const p of f.pieces) spans.push(p);
        test = coverage(spans);
        built = version;
      }
      return test;
    };
    const add: Emit = (kind, groups) => {
      version++;
      emit(kind, groups);
    };
    const answered = fillSlots(doc, runs, covered(), add);
    if (answered.size > 0 && dropAnswered(found, answered, tokens)) version++;
    failClosed(doc, runs, covered(), add, answered);
    interruptedCards(doc, runs, covered(), add);
    checksumIds(doc, runs, kept, answered, covered(), add);
    // Values found by pattern before this pass (a written NZ account, an IBAN) are read back too.
    echoes(doc, runs, [...known, ...found], covered(), add);
    bankTrail(doc, runs, [...found], covered(), add);
    restarts(doc, runs, [...found], covered(), add);
    bankParts(doc, runs, covered(), add);
    correctedParts(doc, runs, [...found], covered(), add);
    dropNamedLater(doc, found, kept);
  }
  return found;
}
