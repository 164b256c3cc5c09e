import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/**
 * Server-rendered controls stay disabled until the script has hydrated them: a button that looks live but
 * does nothing (script blocked, failed or still downloading) would be worse than a grey one with a reason
 * (the shell's note, server/panel/shell.ts, which the script removes). Effects never run on the server, and
 * the first client render matches the server's, so hydration finds the same markup (issue 15, item 3).
 * Links and <details> keep working without the script.
 */
export function ScriptGate({ children }: { children: ComponentChildren }) {
  const [live, setLive] = useState(false);
  useEffect(() => setLive(true), []);
  return <fieldset class="gate" disabled={!live}>{children}</fieldset>;
}
