import { redactText, type FindingKind } from './redact-text.js';

/** Collects the kinds removed while redacting several strings (reported sorted and unique). */
export class KindSet {
  private readonly kinds = new Set<FindingKind>();

  /** `references`: the call's own long references, kept where a text reads them (known-references.ts). */
  constructor(readonly references?: ReadonlySet<string>) {}

  text(value: string): string {
    const r = redactText(value, this.references);
    for (const f of r.findings) this.kinds.add(f.kind);
    return r.text;
  }

  add(kind: FindingKind): void {
    this.kinds.add(kind);
  }

  sorted(): FindingKind[] {
    return [...this.kinds].sort();
  }
}
