import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { SEED } from '../../server/sandbox/seed.js';
import { engines } from '../helpers/databases.js';
import { useRuntime } from '../helpers/make-deps.js';
import { callEnded, deliver } from '../helpers/deliver.js';
import { settle } from '../helpers/pipeline.js';
import { api, openPanel } from '../helpers/panel.js';
import { addonEvent } from '../helpers/sign.js';
import { RENDER_DEADLINE_MS } from '../../server/panel/job-panel-event.js';

// Card, CVV, expiry, bank and tax values read out on the newest call; none may reach the panel's HTML
// (rendered markup or bootstrap JSON). The same needles as test/security/leak.test.ts.
const NEEDLES = ['4111111111111111', '4111 1111 1111 1111', 'five five five five, five', 'is 737', 'Dana 737', '09/28', 'GB82', '5698 7654', '062-000', '12345678', '123 456 782'];

/** The text a person reads in a piece of markup: tags dropped, the entities render-to-string writes decoded. */
function textOf(html: string): string {
  return html.replace(/<[^>]+>/g, ' ').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&').replace(/\s+/g, ' ');
}

const appOf = (html: string) => /<main id="app" class="panel">([^]*)<\/main>/.exec(html)![1]!;
const bootOf = (html: string) => JSON.parse(/<script id="bootstrap" type="application\/json">(.*?)<\/script>/.exec(html)![1]!);

describe.each(engines)('the add-on event answers the panel already rendered, on %s', async (engine) => {
  const rt = await useRuntime({ engine });
  const sb = rt.sandbox!;
  const j1042 = SEED.jobs.j1042.uuid;
  const finance = SEED.staff.finance.uuid;
  // The fixture's caller number contains 12345678, a needle; use another (as the leak test does).
  const older = callEnded('call_ssr_older', { from_number: '61491570156', initiated_at: '2026-11-20T01:00:00Z', summary: 'Earlier call: the caller asked when invoice 1042 was due.' }, {
    intent: 'invoice_question', promised_next_step: 'Tell the caller the due date', caller_claim: 'Not sure when invoice 1042 is due', invoice_number: '1042',
  });
  const newest = callEnded('call_ssr_newest', {
    from_number: '61491570156',
    summary: 'Caller read their card 4111 1111 1111 1111, CVV is 737, expiry 09/28 to pay invoice 1042 and says it was charged twice. GB82 WEST 1234 5698 7654 32',
    transcript: 'Agent: How can I help?\nUser: my card is five five five five, five five five five, five five five five, four four four four\nUser: refund to BSB 062-000 account 12345678, my TFN 123 456 782',
  }, { caller_claim: 'Charged twice on card 4111111111111111, CVV is 737', customer_name: 'Dana CVV is 737', refund_reason: 'refund to BSB 062-000 account 12345678' });
  for (const body of [older, newest]) expect((await deliver(rt.app, sb.connectionId, sb.webhookSecret, body)).status).toBe(200);
  await settle(rt);
  const oldCall = (await rt.deps.store.calls.getByProviderId(sb.accountUuid, 'call_ssr_older'))!;
  const newCall = (await rt.deps.store.calls.getByProviderId(sb.accountUuid, 'call_ssr_newest'))!;

  it('shows the newest call: redacted summary, claim beside the record with the mismatch, next step with owner and deadline, links and buttons', async () => {
    expect([oldCall.jobUuid, newCall.jobUuid]).toEqual([j1042, j1042]);
    const { html } = await openPanel(rt, { jobUuid: j1042, staff: finance });
    const app = appOf(html);
    const first = /<article[^>]*data-call-id="([^"]+)"[^]*?<\/article>/.exec(app)!;
    expect(first[1]).toBe(newCall.id);
    const card = first[0];
    const text = textOf(card);
    expect(newCall.outcome.summary).toMatch(/\[card/);
    expect(text).toContain(textOf(newCall.outcome.summary!));
    expect(card).toMatch(/data-testid="claim-vs-record"/);
    expect(text).toMatch(/Caller says.*ServiceM8 records/);
    expect(text).toContain('AUD 349.00');
    expect(card).toContain('data-kind="duplicate_payment"');
    expect((card.match(/data-testid="payment"/g) ?? []).length).toBe(2);
    const step = newCall.decision!.nextStep!;
    expect(text).toContain(step.text);
    expect(text).toMatch(/Owner: [^·]+ · due /);
    expect(card).toContain('data-testid="play-recording"');
    expect(card).toMatch(/data-testid="transcript-link"|href="https:\/\/app\.dialnexa\.example\/calls\/call_ssr_newest"/);
    expect(card).toContain('data-testid="step-confirm"');
  });

  it('folds older calls, keeps the buttons disabled until the script runs (with a note saying so) and has no inline script', async () => {
    const { html } = await openPanel(rt, { jobUuid: j1042, staff: finance });
    const app = appOf(html);
    expect(app).toMatch(/^<fieldset class="gate" disabled/);
    expect(app).toMatch(new RegExp(`<details><summary>[^<]*</summary><article[^>]*data-call-id="${oldCall.id}"`));
    expect(app).not.toMatch(/<details open/);
    expect(html).toMatch(/data-testid="script-note">[^<]*reopen it with scripts turned on/);
    const scripts = html.match(/<script[^>]*>/g)!;
    expect(scripts.length).toBeGreaterThan(1);
    for (const tag of scripts) expect(tag).toMatch(/ src="|type="application\/json"/);
  });

  it('carries no sensitive value anywhere in the HTML (markup and bootstrap JSON)', async () => {
    const { html } = await openPanel(rt, { jobUuid: j1042, staff: finance });
    expect(html).toContain(newCall.id);
    expect(NEEDLES.filter((n) => html.includes(n))).toEqual([]);
  });

  it('renders from the same view the panel API answers, which the script hydrates', async () => {
    const { html, boot } = await openPanel(rt, { jobUuid: j1042, staff: finance });
    const fromApi = (await api(rt, boot.token).get('/job')).body;
    expect(bootOf(html).initial).toEqual(fromApi);
  });

  it('renders the review canvas first page from the view the API answers', async () => {
    const { html, boot } = await openPanel(rt, { staff: finance, event: 'dialnexa_billing_review' });
    const fromApi = (await api(rt, boot.token).get('/review')).body;
    expect(bootOf(html).initial).toEqual(fromApi);
    const text = textOf(appOf(html));
    expect(text).toMatch(/Review queue \(\d+ waiting\)/);
    expect(text).toContain('Settings');
    expect(appOf(html)).toContain('data-testid="settings-save"');
    expect(NEEDLES.filter((n) => html.includes(n))).toEqual([]);
  });

  it('does not hold the answer for a slow ServiceM8: after the deadline the loading shell goes', async () => {
    const original = rt.deps.records.get;
    rt.deps.records.get = () => new Promise(() => undefined); // ServiceM8 never answers
    try {
      const started = Date.now();
      const { html } = await openPanel(rt, { jobUuid: j1042, staff: finance });
      expect(Date.now() - started).toBeLessThan(RENDER_DEADLINE_MS + 1_000);
      expect(html).toContain('Loading call details');
      expect(bootOf(html).initial).toBeUndefined();
    } finally {
      rt.deps.records.get = original;
    }
  });

  it('still opens (the script loads from the API) when the view cannot be built', async () => {
    const original = rt.deps.store.calls.listForJob;
    let failed = false;
    rt.deps.store.calls.listForJob = async (...args) => {
      if (!failed) { failed = true; throw new Error('database hiccup'); }
      return original.apply(rt.deps.store.calls, args);
    };
    try {
      const res = await request(rt.app).post('/servicem8/addon-event').send(addonEvent({
        secret: rt.config.servicem8.appSecret!, account: sb.accountUuid, staff: finance, eventName: 'dialnexa_billing_job_panel', args: { jobUUID: j1042 }, now: rt.deps.clock(),
      }));
      expect(res.status).toBe(200);
      const html: string = res.body.eventResponse;
      expect(html).toContain('Loading call details');
      expect(bootOf(html).initial).toBeUndefined();
    } finally {
      rt.deps.store.calls.listForJob = original;
    }
  });
});
