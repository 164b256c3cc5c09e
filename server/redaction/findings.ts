import type { Group } from './spoken-digits.js';
import type { LabelCat } from './context-labels.js';

/** What the redactor removes; one token per kind (the rule's replacement list). */
export type FindingKind =
  | 'card' | 'security_code' | 'expiry' | 'pin' | 'bank_account' | 'bsb' | 'sort_code'
  | 'routing_number' | 'iban' | 'tax_id';

/** A removed span: UTF-16 offsets into the input text. */
export type Finding = { kind: FindingKind; start: number; end: number };

/** A candidate number: consecutive digit groups of one run; `whole` when it spans whole clauses. */
export type Segment = { groups: readonly Group[]; digits: string; whole?: boolean };

/** What the words around a segment say (see classify-run.ts for how each field is decided). */
export type SegmentContext = {
  /** Nearest sensitive label before the number with no other number in between (or right after it). */
  lab: LabelCat | undefined;
  /** A label right after the number ("0412 345 678 is my mobile"); applies to a run's last clause only. */
  trailing: LabelCat | undefined;
  cardWindow: boolean;
  expiryWindow: boolean;
  bankWindow: boolean;
  phoneWindow: boolean;
  /** The finding directly before this number, joined only by separators ("4111… 04/27 123"). */
  trail: FindingKind | undefined;
  /** A card number or part of one was read shortly before (cards read in parts across turns). */
  prevCard: boolean;
  /** The number answers its label: right after it, or opening the turn after the question. */
  leading: boolean;
  /** Only acknowledgements ("yes", "sure, it's") come before the number in its turn. */
  atTurnStart: boolean;
  /** Inside a URL: only checksum-proven cards and explicitly labelled values. */
  strict: boolean;
  /** "on 12-04-25", "dated 12/04": a date, even in a bank or card conversation. */
  datePrep: boolean;
};

export type Verdict = FindingKind | 'keep' | null;
