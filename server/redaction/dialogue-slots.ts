import type { Label, LabelCat } from './context-labels.js';
import { claimOf, uncoveredStretches } from './run-claims.js';
import { startsTurn } from './run-neighbours.js';
import { runDigits, type Group, type Run } from './spoken-digits.js';
import type { FindingKind } from './findings.js';
import type { Doc } from './run-context.js';
import type { Emit } from './segmenter.js';
import { asks, barBetween, cardTalkNear, inFieldKey, statesItsNumber, Talk, withBusiness } from './slot-talk.js';
import { emitLoose, keepLoose } from './loose-readings.js';
import { digitCount } from './fail-closed.js';
import { askedInOwnSentence, endsTurn, expiryLike, namesTheLastAnswer, ownTurn, readSince, wholeFieldValue } from './slot-sentences.js';

// The dialogue model (issue 12): in slot-filling talk the question is the label. "First four
// digits?" / "five two one nine" / "Next four?" / "4471": each answer alone looks harmless. A turn
// that names a sensitive value opens a slot; every number read while it is open goes, under the
// slot's kind, including readings that were corrected or repeated, until the conversation moves on
// (a document number or amount, a new topic, or a few turns with nothing read). In text without
// turns (summaries, extracted fields) a slot covers the rest of its line and the start of the next.
// A weak label ("sec", "the bank", "social") opens a slot only as a field's key (for its line) or in
// a question; a question about a document ("and the ACN?") claims its answer for the rule's keep list;
// a completion or refusal ("all done", "please don't read it out") ends any reading.

const SLOT_KIND: ReadonlyMap<LabelCat, FindingKind> = new Map<LabelCat, FindingKind>([
  ['card', 'card'], ['group', 'card'], ['cvv', 'security_code'], ['code', 'security_code'], ['expiry', 'expiry'], ['pin', 'pin'],
  ['account', 'bank_account'], ['bank', 'bank_account'], ['bsb', 'bsb'], ['sort', 'sort_code'], ['routing', 'routing_number'], ['iban', 'iban'],
  ['tfn', 'tax_id'], ['ird', 'tax_id'], ['ssn', 'tax_id'], ['itin', 'tax_id'], ['ni', 'tax_id'], ['utr', 'tax_id'], ['tax', 'tax_id'],
]);
const OF_THE = /^\s*(?:for|on|of)\s+(?:the|your|this|that)\s*$/i;
const CARD_PARTS: ReadonlySet<LabelCat> = new Set<LabelCat>(['ending', 'cvv', 'code', 'expiry', 'pin']);
// Document and phone questions claim their answers; money words only move the talk on ("To pay, please
// say the number" asks for the card, not an amount; amounts carry their currency anyway).
const KEEP_CATS: ReadonlySet<LabelCat> = new Set<LabelCat>(['keep', 'phone']);
/** Turns with nothing read that a slot survives ("Agent: mm-hm, go on"). */
const MAX_IDLE_TURNS = 2;
/** A turn this long with no number in it is a new topic. */
const TOPIC_WORDS = 25;
/** Without turns: how far past its label a slot reaches. */
const PROSE_REACH = 220;
/** A label this close after an unnamed number names it ("… 110 074 483, which was her tax file number"). */
const LOOK_AHEAD = 80;
/** Short answers ("fifty-two", "06") count only in these slots and only when they open the answer. */
const SHORT_OK: ReadonlySet<FindingKind> = new Set<FindingKind>(['card', 'sort_code', 'bsb', 'bank_account', 'security_code']);

/** An open slot; kind null is a document question whose answer is kept. */
export type Slot = { kind: FindingKind | null; cat: LabelCat; turn: number; line: number; lineOnly: boolean; weak: boolean; lastTurn: number; lastEnd: number };

function slotOf(doc: Talk, l: Label, speakers: boolean): Slot | null {
  if (l.cat === 'code' && !cardTalkNear(doc, l)) return null;
  const business = withBusiness(doc, l);
  const kind = business ? undefined : SLOT_KIND.get(l.cat);
  const keep = kind === undefined && (KEEP_CATS.has(l.cat) || business);
  if (kind === undefined && !keep) return null;
  const field = inFieldKey(doc, l);
  // Only a question or a field key claims a document's answer; in prose a document word names the
  // number next to it, no more (run-claims.ts), so "I don't have an EIN." leaves a reading open.
  // A document question asks for a number it has not given: "To pay your balance of $412.50, please say
  // or key in the number now" states the amount and asks for something else.
  if (kind === undefined && !(field || business || (speakers && !statesItsNumber(doc, l) && (doc.turns[l.turn]!.words <= 6 || asks(doc, l))))) return null;
  // A weak label ("bank", "sec", "social") opens a slot only as a field's key or in a question.
  const question = l.weak && !field && speakers && asks(doc, l);
  if (l.weak && !field && !question) return null;
  const line = doc.tokens[l.first]!.line;
  return { kind: kind ?? null, cat: l.cat, turn: l.turn, line, lineOnly: field || (l.weak && !question), weak: l.weak, lastTurn: l.turn, lastEnd: l.end };
}

/** Whether the run is still inside the slot's reach. */
function inReach(doc: Talk, slot: Slot, run: Run, speakers: boolean): boolean {
  return inReachOf(doc, slot, run.first, speakers);
}

/** Whether the token at `first` is still inside the slot's reach. */
function inReachOf(doc: Talk, slot: Slot, first: number, speakers: boolean): boolean {
  const t = doc.tokens[first]!;
  // "cvv=401 | zip=97214": a bar or semicolon ends an extracted field.
  if (barBetween(doc, slot.lastEnd, t.start)) return false;
  if (slot.lineOnly) return t.line === slot.line;
  if (t.turn === slot.lastTurn) return true;
  if (!speakers) return t.turn - slot.lastTurn === 1 && t.start - slot.lastEnd <= PROSE_REACH;
  if (t.turn - slot.lastTurn > MAX_IDLE_TURNS + 1) return false;
  for (let k = slot.lastTurn + 1; k < t.turn; k++) {
    const turn = doc.turns[k]!;
    if (turn.nums === 0 && turn.words > TOPIC_WORDS) return false;
  }
  return true;
}

const CLAUSE_END = new Set(['.', '?', '!', ';']);
const NEW_CLAUSE = new Set(['and', 'but', 'also', 'please', 'plus']);


/**
 * A strong sensitive label just after the run, in its clause, before any other number: "110 074 483
 * which turned out to be her tax file number" (not "ours is 136-764-942, and please take my IRD off").
 */
function labelAfter(doc: Talk, run: Run, next: number, nextRun: Run | undefined): FindingKind | undefined {
  const l = doc.labels[next];
  const end = doc.tokens[run.last]!.end;
  if (l && !l.weak && doc.speakers && l.turn === doc.tokens[run.last]!.turn + 1 && namesTheLastAnswer(doc, l)) {
    return nextRun && doc.tokens[nextRun.first]!.start < l.start ? undefined : SLOT_KIND.get(l.cat);
  }
  if (!l || l.weak || l.start - end > LOOK_AHEAD || l.turn !== doc.tokens[run.last]!.turn) return undefined;
  // "… #1103) and the rest by card ending 5415": a card named by its end names that end, not the number before.
  const then = doc.labels[next + 1];
  if (l.cat === 'card' && then?.cat === 'ending' && then.start - l.end <= 2) return undefined;
  if (nextRun && doc.tokens[nextRun.first]!.start < l.start) return undefined;
  for (let k = run.last + 1; k < l.first; k++) {
    const t = doc.tokens[k]!;
    // A value already redacted in between is what the label names (redacting twice changes nothing).
    if (t.kind === 'block' || CLAUSE_END.has(t.text) || (t.text === ',' && NEW_CLAUSE.has(doc.tokens[k + 1]?.lower ?? ''))) return undefined;
  }
  const kind = SLOT_KIND.get(l.cat);
  // "Seven one nine seven, expiry ten twenty-eight": an expiry names only a reading shaped like one.
  return kind === 'expiry' && !expiryLike(runDigits(run.groups)) ? undefined : kind;
}





/** The fewest digits a reading needs to count in a slot of this kind: a form number ("the 1099") is no tax id. */
function minDigits(kind: FindingKind, answers: boolean): number {
  // A month or a year alone is half an expiry ("03 of 29"); bank accounts have six digits or more.
  if (kind === 'expiry') return 2;
  // A routing number has nine digits (one misread or dropped still reads as one); "2047" after it is the cheque number.
  if (kind === 'routing_number') return 8;
  // A bank account answer has six digits or more (read in parts, the parts are joined first): "What's
  // your account number?" / "20671" at a window cleaner's is the customer's account with the business.
  if (answers) return kind === 'bank_account' ? 6 : SHORT_OK.has(kind) ? 2 : 3;
  return kind === 'tax_id' || kind === 'bank_account' ? 6 : 3;
}



/** A whole reading nothing else took: it goes when it is long enough for the slot's kind. */
function emitReading(doc: Talk, run: Run, kind: FindingKind, emit: Emit, field: boolean): void {
  let n = 0;
  for (const g of run.groups) n += g.digits.length;
  // A field's value is an answer too: `slot_sort_code_first_pair: "five six"`; so is a reading cut off
  // by the end of the turn ("It's 30941" / "Sorry, you broke up — 30941 and then?" / "77265.").
  // (Five digits or more: "a tax number for the 1099." names a form.)
  if (n >= minDigits(kind, field || startsTurn(doc, run) || (n >= 5 && endsTurn(doc, run)))) emit(kind, run.groups);
}

/** Turns holding a card-length reading, or a card a previous pass redacted (its block token). */
function cardReadTurns(doc: Doc, runs: readonly Run[]): number[] {
  const out: number[] = [];
  for (const run of runs) {
    const n = digitCount(run);
    if (n >= 13 && n <= 19) out.push(doc.tokens[run.first]!.turn);
  }
  if (doc.text.includes('[card')) for (const t of doc.tokens) if (t.kind === 'block' && t.text.startsWith('[card')) out.push(t.turn);
  return out;
}

/**
 * Removes the numbers read inside open slots that the label-by-label pass left (`covered` tells which
 * groups it already removed), and returns the runs that answer a document question (kept).
 */
export function fillSlots(text: Doc, runs: readonly Run[], covered: (g: Group) => boolean, emit: Emit): Set<Run> {
  const doc = new Talk(text, () => cardReadTurns(text, runs));
  const { tokens, labels, speakers } = doc;
  const answered = new Set<Run>();
  let slot: Slot | null = null;
  // Numbers read outside any slot in the latest turn that had some: if the next question asks for the
  // expiry or the code on the back, they were the card ("Ready for the number." / "5410 4609… 6993 9320"
  // / "Expiration?").
  let loose: Run[] = [];
  let l = 0;
  // "thanks that's the three eighty five for the fence repair … all done": the turn that completes
  // the payment reads no card, wherever in it the completion is said.
  const doneTurns = new Uint8Array(doc.turns.length);
  for (const x of labels) if (x.cat === 'done') doneTurns[x.turn] = 1;
  for (let r = 0; r < runs.length; r++) {
    const run = runs[r]!;
    const first = tokens[run.first]!;
    for (; l < labels.length && labels[l]!.end <= first.start; l++) {
      const lab = labels[l]!;
      // "the expiration on the Amex?", "the last four of the card": the card names whose part is asked for.
      const part = labels[l - 1];
      if (lab.cat === 'card' && part && CARD_PARTS.has(part.cat) && lab.start - part.end <= 20) continue;
      // "Now the next six digits": in a card being read, a size names the card's next group, not a bank detail.
      if (lab.cat === 'bank' && slot?.kind === 'card' && /digit/i.test(doc.text.slice(lab.start, lab.end))) continue;
      // "ZIP code for the card?", "the postcode on the card": the card names whose ZIP is asked for.
      if (lab.cat === 'card' && part?.cat === 'keep' && OF_THE.test(doc.text.slice(part.end, lab.start))) continue;
      const opened = slotOf(doc, lab, speakers);
      // Any word for an expiry or a code counts here, weak ones too ("when does it run out").
      if (speakers && (lab.cat === 'expiry' || lab.cat === 'cvv') && loose.length > 0) {
        emitLoose(doc, loose, lab.turn, covered, emit);
        loose = [];
      }
      const strongOpen = opened !== null && slot !== null && slot.kind !== null && !slot.lineOnly && inReachOf(doc, slot, lab.first, speakers);
      // A weak label never displaces a question still being answered ("account number?" / "… account 52 118 4039?");
      // a document label inside a sensitive slot's own turn only claims what it links to directly.
      // Except a phone question in a sentence of its own: "please don't share your National Insurance
      // number. … What number is best?" asks for the phone.
      const phoneAsked = opened?.cat === 'phone' && askedInOwnSentence(doc, slot?.lastEnd ?? 0, lab);
      if (opened && strongOpen && !phoneAsked && (opened.lineOnly || (opened.kind === null && lab.turn === slot!.turn))) continue;
      // "what's the ZIP code on the account?": in one turn a weak label does not displace a strong one
      // (in a field key the last word names the value: "refund_account").
      // Offered as alternatives, the sensitive one wins: "do you have an EIN or are you using your Social?".
      // So does one asked after the document's number was given: "I've got an EIN for the LLC, 26-4471920. But …
      // use my social? It's 219 55 8047".
      const either = opened !== null && slot !== null && slot.kind === null && opened.kind !== null
        && (/ or /i.test(doc.text.slice(slot.lastEnd, lab.start)) || (asks(doc, lab) && readSince(doc, slot.lastEnd, lab.start))
          || askedInOwnSentence(doc, slot.lastEnd, lab));
      if (opened && opened.weak && !either && !inFieldKey(doc, lab) && slot && !slot.weak && slot.cat !== 'money' && slot.turn === lab.turn) continue;
      if (opened) slot = opened;
      else if (lab.cat === 'money' && slot && !lab.weak && lab.turn > slot.turn) slot = null;
      // "ending 4242": the caller names a card by its end, so no card is being read; "please don't
      // read it out, I'll text you a secure link" ends any reading.
      // But "And the last four?" while a card is being read group by group asks for its next group.
      // (A short question only: "Sorry to cut in, I only need the last four digits" asks for the end.)
      else if (lab.cat === 'ending' && slot?.kind === 'card' && speakers && asks(doc, lab) && slot.lastTurn > slot.turn && doc.turns[lab.turn]!.words <= 5) continue;
      else if ((lab.cat === 'ending' && slot?.kind === 'card') || lab.cat === 'done') slot = null;
    }
    if (slot && first.turn > slot.turn && doneTurns[first.turn] === 1) slot = null;
    let kind = slot && inReach(doc, slot, run, speakers) ? slot.kind : undefined;
    if (kind === undefined) slot = null;
    const after = kind === undefined || kind === null ? labelAfter(doc, run, l, runs[r + 1]) : undefined;
    // "your customer number?" / "six three one, … — oh wait, that's my tax file number": the answer names itself.
    if (kind === null && after !== undefined) {
      kind = undefined;
      slot = null;
    }
    if (kind === undefined && after === undefined) {
      if (speakers) loose = keepLoose(doc, loose, run);
      continue;
    }
    // Read already, all or part of it: the slot goes on, and what is left of the reading is judged
    // stretch by stretch, each as a later pass would see it alone (so redacting twice changes nothing).
    const stretches = kind !== null ? uncoveredStretches(run, covered) : null;
    if (stretches && (stretches.length !== 1 || stretches[0]!.length !== run.groups.length)) {
      for (const groups of stretches) {
        const part: Run = { groups, first: groups[0]!.first, last: groups[groups.length - 1]!.last };
        if (claimOf(doc, part, l - 1, kind ?? after!, ownTurn(doc, slot, part)) === null) emit(kind ?? after!, groups);
      }
      if (slot) {
        slot.lastTurn = tokens[run.last]!.turn; // a run joined across turns ends in its last
        slot.lastEnd = tokens[run.last]!.end;
        if (kind === 'routing_number' && digitCount(run) === 9) slot = null; // as below
      }
      continue;
    }
    const claim = claimOf(doc, run, l - 1, kind ?? after!, ownTurn(doc, slot, run));
    if (kind === null) {
      // A document question claims its answer in a later turn (a field key, its value); in its own
      // turn only what it links to.
      // A phone question vouches for a phone-sized answer only ("card_on_call: 6011 7380 8825 2026").
      const sized = slot!.cat !== 'phone' || digitCount(run) <= 12;
      // "Could you confirm your ABN for our records? We have 26 087 441 903": asked and answered in one turn.
      const askedBefore = doc.text.slice(slot!.lastEnd, first.start).includes('?');
      if (claim !== 'date' && sized && (first.turn > slot!.turn || slot!.lineOnly || askedBefore)) {
        answered.add(run);
        slot = null; // a document question is answered once
      }
      continue;
    }
    if (claim === 'keep' || claim === 'ending') {
      if (claim === 'keep') slot = null;
      continue;
    }
    if (claim === 'date') continue;
    const named = kind ?? after!;
    emitReading(doc, run, named, emit, slot !== null && slot.lineOnly && wholeFieldValue(doc, run));
    if (slot) {
      slot.lastTurn = tokens[run.last]!.turn; // a run joined across turns ends in its last
      slot.lastEnd = tokens[run.last]!.end;
      // Nine digits answer a routing question; what follows is the account (bank-trail.ts), not more of it.
      // (A later pass sees the routing as a redaction token and leaves the slot open, but a routing slot
      // takes eight digits or more, so the account's marker and a cheque number after it stay as they are.)
      if (named === 'routing_number' && digitCount(run) === 9) slot = null;
    }
  }
  // A question after the last reading ("And when does it run out?" ends the call's text).
  for (; l < labels.length && speakers && loose.length > 0; l++) {
    const lab = labels[l]!;
    if (lab.cat === 'expiry' || lab.cat === 'cvv') {
      emitLoose(doc, loose, lab.turn, covered, emit);
      break;
    }
  }
  return answered;
}
