import { CARD_CATS, type Label } from './context-labels.js';
import type { Token } from './tokens.js';

// "valid until 12/2032", "good until 06/2030": a quote, a guarantee or a warranty is valid until a
// date as often as a card is (ho9: two of them lost to the expiry rule). Such a phrase is read as a
// card's expiry only when the card is in the talk: a card word in its turn or the three before, or a
// card-length number read just before it; otherwise it names a date the rule keeps.

const CARD_TALK_TURNS = 3;
/** Characters before the phrase in which a card-length number makes it the card's expiry. */
const NUMBER_REACH = 160;

const CARD_LENGTH = /(?:\d[ -]?){12,18}\d/;

/** Turns each 'valid' label into 'expiry' (card talk near) or 'keep' (a document's date); tokens must have their turns. */
export function resolveValidity(labels: Label[], tokens: readonly Token[], text: string): void {
  for (let k = 0; k < labels.length; k++) {
    const l = labels[k]!;
    if (l.cat !== 'valid') continue;
    const turn = tokens[l.first]!.turn;
    const before = text.slice(Math.max(0, l.start - NUMBER_REACH), l.start);
    let card = before.includes('[card') || CARD_LENGTH.test(before);
    for (let j = k - 1; j >= 0 && !card; j--) {
      const b = labels[j]!;
      if (turn - tokens[b.first]!.turn > CARD_TALK_TURNS) break;
      if (CARD_CATS.has(b.cat) && b.cat !== 'ending') card = true;
    }
    l.cat = card ? 'expiry' : 'keep';
  }
}
