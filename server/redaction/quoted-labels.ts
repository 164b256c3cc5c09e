import type { Label } from './context-labels.js';

// 'It's the eight-digit number at the top of your invoice, under "Account No."': a label quoted on its
// own, where the text points at it ("under", "labelled", "marked"), is the printed name of a field on
// a document, not a request for the caller's bank account. Such a label is read as a document word.

const POINTS_AT = /\b(?:under|labelled|labeled|marked|headed|titled|beside|next to|says|reads)\s*$/i;

/** Turns every label quoted on its own ("Account No.", “Card Number”) into a document ('keep') label. */
export function quotedLabelsAsDocuments(labels: Label[], text: string): void {
  for (const l of labels) {
    if (l.cat === 'keep' || l.start === 0) continue;
    const open = text[l.start - 1];
    if (open !== '"' && open !== '“') continue;
    // Only where the text points at a printed field ("under", "labelled", "marked"), never a JSON key ("card_number": …).
    if (/^\.?["”](?!\s*:)/.test(text.slice(l.end, l.end + 4)) && POINTS_AT.test(text.slice(Math.max(0, l.start - 16), l.start - 1))) l.cat = 'keep';
  }
}
