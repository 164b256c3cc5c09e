/** The slice of ServiceM8's client SDK the panel uses (platform-notes §3.1); every method may be missing. */
export type SmClient = { resizeWindow?: (width: number, height: number) => unknown; closeWindow?: () => unknown };

declare global {
  interface Window { SMClient?: { init(): SmClient } }
}

/** What components may ask of the page around them: close or reopen the popup, fit it to content. */
export type Host = { inServiceM8: boolean; close(): void; reopen(): void; fit(): void };

function quietly(run: () => unknown): void {
  try {
    void Promise.resolve(run()).catch(() => undefined);
  } catch {
    // The SDK is a remote script we don't control; a failing call must never break the panel.
  }
}

/**
 * Wraps `SMClient.init()`, which throws or is undefined outside ServiceM8 (local dev, sandbox, tests):
 * a third-party add-on wraps it in try/catch too (platform-notes §3.1).
 */
export function createHost(win: Window = window): Host {
  let client: SmClient | undefined;
  try {
    client = win.SMClient?.init();
  } catch {
    client = undefined;
  }
  const canClose = typeof client?.closeWindow === 'function';
  return {
    inServiceM8: canClose,
    close: () => quietly(() => client?.closeWindow?.()),
    // A new panel token only comes with a new job-card event, so "reopen" means close (or reload outside ServiceM8).
    reopen: () => (canClose ? quietly(() => client?.closeWindow?.()) : win.location.reload()),
    fit: () => {
      const resize = client?.resizeWindow;
      if (typeof resize !== 'function') return;
      const height = Math.min(Math.max(win.document.documentElement.scrollHeight + 16, 480), 960);
      quietly(() => resize.call(client, 820, height));
    },
  };
}
