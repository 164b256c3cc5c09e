import { SAMPLE_CALLS } from '../../server/sandbox/sample-calls.js';

const TURNS = ['Agent: Could you confirm the invoice number for me?', 'User: It is invoice 1042, the one from the backflow valve repair.', 'Agent: Thanks. I can see two payments of three forty-nine on that invoice.', 'User: Yes, that is the problem, I only meant to pay it once.'];

/** A ~5 KB transcript: the duplicate-charge sample padded with realistic turns, under a new call id. */
export function webhookBody(callId: string): string {
  const body = SAMPLE_CALLS[0]!.build(callId, new Date()) as any;
  let t = body.payload.call.transcript as string;
  for (let k = 0; t.length < 5_000; k++) t += `\n${TURNS[k % TURNS.length]}`;
  body.payload.call.transcript = t;
  return JSON.stringify(body);
}
