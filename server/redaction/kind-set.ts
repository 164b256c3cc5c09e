import { redactText, type FindingKind } from './redact-text.js';

/** Collects the kinds removed while redacting several strings (reported sorted and unique). */
export class KindSet {
  private readonly kinds = new Set<FindingKind>();

  text(value: string): string {
    const r = redactText(value);
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
