import { redactText } from '../server/redaction/redact-text.js';

/** Redaction throughput (MB/s) and per-call latency on a realistic 10 KB transcript with sensitive values. */
export function benchRedaction(rounds: number): Record<string, string | number>[] {
  const turns = [
    'Agent: Thanks for calling, how can I help with your account today?',
    'User: I was charged twice for invoice INV-1042, three hundred and forty-nine dollars, on the 21st.',
    'Agent: I can see the invoice. Can you confirm the phone number on the account?',
    'User: Sure, it is 0491 570 156, and the ABN is 51 824 753 556.',
    'User: I paid with my card four one one one, one one one one, one one one one, one one one one, expiry oh nine twenty-eight.',
    'Agent: Please do not read card numbers out; I have not recorded it. Your receipt was 4471920311.',
    'User: The BSB is 062-000 and the account 12345678 if you refund by transfer.',
  ];
  let text = '';
  while (text.length < 10_240) text += `${turns[text.length % turns.length]}\n`;
  for (let i = 0; i < 50; i++) redactText(text);
  const times: number[] = [];
  const start = process.hrtime.bigint();
  for (let i = 0; i < rounds; i++) {
    const t0 = process.hrtime.bigint();
    redactText(text);
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  times.sort((a, b) => a - b);
  const bytes = Buffer.byteLength(text) * rounds;
  return [{ input: `${(Buffer.byteLength(text) / 1024).toFixed(1)} KB transcript`, rounds, 'MB/s': bytes / 1e6 / seconds, 'p50 ms': times[Math.floor(rounds / 2)]!, 'p99 ms': times[Math.floor(rounds * 0.99)]!, target: '≥ 10 MB/s' }];
}
