import type { Ref } from 'preact';
import type { StatusMessage } from '../messages.js';

const PREFIX = { pending: '', success: '✓ ', error: 'Problem: ' } as const;

/**
 * Always-present polite live region, so screen readers announce changes; the prefix and the border
 * style carry the meaning, not colour alone.
 */
export function StatusLine({ status, testId, statusRef }: { status: StatusMessage | null; testId: string; statusRef?: Ref<HTMLParagraphElement> }) {
  return (
    <p class={`status${status ? ` status-${status.kind}` : ''}`} aria-live="polite" data-testid={testId} data-kind={status?.kind} tabIndex={-1} ref={statusRef}>
      {status ? PREFIX[status.kind] + status.text : ''}
    </p>
  );
}

export type Tone = 'ok' | 'warn' | 'bad' | 'info' | 'neutral';

export function Pill({ tone, children, testId }: { tone: Tone; children: string; testId?: string }) {
  return <span class={`pill pill-${tone}`} data-testid={testId}>{children}</span>;
}
