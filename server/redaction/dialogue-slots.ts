import type { Label, LabelCat } from './context-labels.js';
import { claimOf, uncoveredStretches } from './run-claims.js';
import { startsTurn } from './run-neighbours.js';
import type { Group, Run } from './spoken-digits.js';
import type { FindingKind } from './findings.js';
import type { Doc } from './run-context.js';
import type { Emit } from './segmenter.js';

// The dialogue model (issue 12): in slot-filling talk the question is the label. "First four
// digits?" / "five two one nine" / "Next four?" / "4471": each answer alone looks harmless. A turn
// that names a sensitive value opens a slot; every number read while it is open goes, under the
// slot's kind, including readings that were corrected or repeated, until the conversation moves on
// (a document number or amount, a new topic, or a few turns with nothing read). In text without
// turns (summaries, extracted fields) a slot covers the rest of its line and the next one.

const SLOT_KIND: Partial<Record<LabelCat, FindingKind>> = {
  card: 'card', group: 'card', cvv: 'security_code', code: 'security_code', expiry: 'expiry', pin: 'pin',
  account: 'bank_account', bank: 'bank_account', bsb: 'bsb', sort: 'sort_code', routing: 'routing_number', iban: 'iban',
  tfn: 'tax_id', ird: 'tax_id', ssn: 'tax_id', itin: 'tax_id', ni: 'tax_id', utr: 'tax_id', tax: 'tax_id',
};
const CLOSES: ReadonlySet<LabelCat> = new Set<LabelCat>(['keep', 'phone', 'money']);
/** Turns with nothing read that a slot survives ("Agent: mm-hm, go on"). */
const MAX_IDLE_TURNS = 2;
/** A turn this long with no number in it is a new topic. */
const TOPIC_WORDS = 25;
/** Without turns: how far past its label a slot reaches. */
const PROSE_REACH = 220;
/** Short answers ("fifty-two", "06") count only in these slots and only when they open the answer. */
const SHORT_OK: ReadonlySet<FindingKind> = new Set<FindingKind>(['card', 'sort_code', 'bsb', 'bank_account', 'security_code']);

type Slot = { kind: FindingKind; turn: number; lastTurn: number; lastEnd: number };

function opens(l: Label): FindingKind | undefined {
  return l.weak ? undefined : SLOT_KIND[l.cat];
}

/** Whether the run is still inside the slot's reach. */
function inReach(doc: Doc, slot: Slot, run: Run, speakers: boolean): boolean {
  const t = doc.tokens[run.first]!;
  if (t.turn === slot.lastTurn) return true;
  if (!speakers) return t.turn - slot.lastTurn === 1 && t.start - slot.lastEnd <= PROSE_REACH;
  if (t.turn - slot.lastTurn > MAX_IDLE_TURNS + 1) return false;
  for (let k = slot.lastTurn + 1; k < t.turn; k++) {
    const turn = doc.turns[k]!;
    if (turn.nums === 0 && turn.words > TOPIC_WORDS) return false;
  }
  return true;
}

/**
 * Removes the numbers read inside open slots that the label-by-label pass left (`covered` tells which
 * groups it already removed). Runs in source order with the labels.
 */
export function fillSlots(doc: Doc, runs: readonly Run[], covered: (g: Group) => boolean, emit: Emit): void {
  const { tokens, labels } = doc;
  const speakers = doc.turns.some((t) => t.speaker !== '');
  let slot: Slot | null = null;
  let l = 0;
  for (const run of runs) {
    const first = tokens[run.first]!;
    for (; l < labels.length && labels[l]!.end <= first.start; l++) {
      const lab = labels[l]!;
      const kind = opens(lab);
      if (kind) slot = { kind, turn: lab.turn, lastTurn: lab.turn, lastEnd: lab.end };
      // "ending 4242": the caller names a card by its end, so no card is being read.
      else if (lab.cat === 'ending' && slot?.kind === 'card') slot = null;
      else if (slot && CLOSES.has(lab.cat) && lab.turn > slot.turn) slot = null;
    }
    if (!slot || !inReach(doc, slot, run, speakers)) {
      slot = null;
      continue;
    }
    const claim = claimOf(doc, run, l - 1, slot.kind);
    if (claim === 'keep' || claim === 'ending') {
      if (claim === 'keep') slot = null;
      continue;
    }
    if (claim === 'date') continue;
    const answers = startsTurn(doc, run);
    for (const groups of uncoveredStretches(run, covered)) {
      let n = 0;
      for (const g of groups) n += g.digits.length;
      if (n >= 3 || (n === 2 && answers && SHORT_OK.has(slot.kind))) emit(slot.kind, groups);
    }
    slot.lastTurn = first.turn;
    slot.lastEnd = tokens[run.last]!.end;
  }
}
