import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderPanelHtml } from '../../server/panel/render-panel-html.js';
import type { JobPanelView } from '../../server/panel/view-types.js';

const EMPTY_JOB: JobPanelView = {
  jobUuid: 'job-1', record: { ok: false, message: 'ServiceM8 did not answer just now.' }, calls: [],
  viewer: { staffUuid: 'staff-1', canApprove: false }, staff: [],
};

describe('server rendering of the panel (issue 15, item 3)', () => {
  it('runs in plain Node: no window or document, at import or while rendering', () => {
    expect(typeof (globalThis as { window?: unknown }).window).toBe('undefined');
    expect(typeof (globalThis as { document?: unknown }).document).toBe('undefined');
    const html = renderPanelHtml({ view: 'job', data: EMPTY_JOB }, 'Billing <calls>');
    expect(html).toMatch(/^<fieldset class="gate" disabled><h1 class="panel-title">Billing &lt;calls><\/h1>/);
    expect(html).toContain('No billing calls are linked to this job yet.');
    expect(html).not.toContain('Loading');
  });

  // preact-render-to-string is for the server: its tables (CSS properties without units, attribute aliases)
  // must not be in what the browser downloads.
  const assets = new URL('../../dist/ui/assets/', import.meta.url);
  it.skipIf(!existsSync(assets))('stays out of the bundle', () => {
    for (const f of readdirSync(assets).filter((n) => n.endsWith('.js'))) {
      expect(readFileSync(new URL(f, assets), 'utf8')).not.toMatch(/accept-charset|stroke-dasharray/);
    }
  });
});
