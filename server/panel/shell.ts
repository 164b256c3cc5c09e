import { escapeHtml } from '../http/error-handler.js';
import type { UiAssets } from './ui-assets.js';

const SDK_JS = 'https://platform.servicem8.com/sdk/1.0/sdk.js';
const SDK_CSS = 'https://platform.servicem8.com/sdk/1.0/sdk.css';
// Server-rendered buttons stay grey until the script hydrates them (addon-ui/src/components/script-gate.tsx),
// which also removes this note; kept out of #app so hydration finds exactly the components' markup.
const SCRIPT_NOTE = '<div class="panel" id="script-note"><p class="callout" data-testid="script-note">Getting the buttons ready… '
  + 'If they stay grey, close this panel and reopen it with scripts turned on.</p></div>';

/** JSON safe inside <script type="application/json">: no `</script>`, no HTML comment or U+2028 tricks. */
export function escapeJsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/**
 * The HTML document ServiceM8 renders in its iframe / webview; sdk.js and the bundle are deferred so
 * nothing blocks first paint (issue: job-card panel, mobile). `body` is the server-rendered panel
 * (render-panel-html.tsx), which the script hydrates in place, so #app holds exactly that markup (issue 15,
 * item 3). Without it the shell shows the headline and a loading line, and the script renders from the API.
 * `after`: server-only markup below #app (call-record-forms.ts), which hydration never touches.
 */
export function renderShell(opts: { title: string; headline?: string; bootstrap: unknown; ui: UiAssets; body?: string; after?: string }): string {
  const styles = opts.ui.styles.map((href) => `<link rel="stylesheet" href="${escapeHtml(href)}">`).join('');
  const scripts = opts.ui.scripts.map((src) => `<script type="module" src="${escapeHtml(src)}"></script>`).join('');
  const headline = opts.headline ? `<p class="headline" role="status">${escapeHtml(opts.headline)}</p>` : '';
  const missing = opts.ui.built ? '' : '<p class="notice">The panel bundle has not been built (run <code>npm run build:ui</code>).</p>';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">`
    + `<meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(opts.title)}</title>`
    + `<link rel="stylesheet" href="${SDK_CSS}">${styles}`
    + `<script defer src="${SDK_JS}"></script>`
    + `<script id="bootstrap" type="application/json">${escapeJsonForScript(opts.bootstrap)}</script>${scripts}`
    + `</head><body>${opts.body === undefined ? '' : missing + SCRIPT_NOTE}<main id="app" class="panel">${opts.body ?? placeholder(opts.title, headline, missing)}</main>${opts.after ?? ''}</body></html>`;
}

function placeholder(title: string, headline: string, missing: string): string {
  return `<h1 class="panel-title">${escapeHtml(title)}</h1>${headline}${missing}<p class="loading" aria-live="polite">Loading call details…</p>`;
}

/** A small page for problems the user must act on inside ServiceM8 (not connected, missing job). */
export function renderMessage(title: string, message: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">`
    + `<title>${escapeHtml(title)}</title><link rel="stylesheet" href="${SDK_CSS}"></head>`
    + `<body><main class="panel"><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p></main></body></html>`;
}
