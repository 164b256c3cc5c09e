import { useEffect, useRef } from 'preact/hooks';
import type { Host } from '../host.js';

export function LoadingState({ text }: { text: string }) {
  return <p class="loading" aria-live="polite" data-testid="loading">{text}</p>;
}

/** A failed load: the message and a Retry button that loads again. */
export function ErrorState({ message, onRetry }: { message: string; onRetry: () => void }) {
  return (
    <div class="callout callout-bad" data-testid="load-error">
      <p><strong>Couldn't load.</strong> {message}</p>
      <button type="button" class="btn" onClick={onRetry} data-testid="retry">Retry</button>
    </div>
  );
}

/** The panel token is good for 15 minutes; after that only a fresh job-card event brings a new one. */
export function ExpiredNotice({ message, host }: { message: string; host: Host }) {
  const button = useRef<HTMLButtonElement>(null);
  // Nothing else on the page can work any more, so take the keyboard (and the eye) to the way out.
  useEffect(() => button.current?.focus(), []);
  return (
    <div class="callout callout-warn" data-testid="session-expired">
      <p><strong>Session expired.</strong> {message}.</p>
      <button type="button" class="btn btn-primary" onClick={host.reopen} data-testid="reopen-panel" ref={button}>
        {host.inServiceM8 ? 'Close so you can reopen it' : 'Reload the panel'}
      </button>
    </div>
  );
}

export function CloseBar({ host, label }: { host: Host; label: string }) {
  if (!host.inServiceM8) return null;
  return (
    <p class="close-bar">
      <button type="button" class="btn" onClick={host.close} data-testid="close-panel">{label}</button>
    </p>
  );
}
