import { describe, expect, it } from 'vitest';
import { redactJsonLine } from '../../server/redaction/redact-jsonl.js';
import { redactJsonValue } from '../../server/redaction/redact-outcome.js';
import { redactText } from '../../server/redaction/redact-text.js';

// Issue 12: the CLI, the webhook intake (every string and transcript array of a body) and staff input
// in the panel all redact through one engine, so the dialogue model reaches every sink.
const turns = [
  { role: 'agent', content: 'Can I take the card for the payment? First four digits?' },
  { role: 'user', content: 'five two one nine' },
  { role: 'agent', content: 'Next four?' },
  { role: 'user', content: 'four four seven one' },
  { role: 'agent', content: 'And the code on the back?' },
  { role: 'user', content: 'six oh one' },
];
const transcript = turns.map((t) => `${t.role === 'agent' ? 'Agent' : 'User'}: ${t.content}`).join('\n');
const SECRETS = ['five two one nine', 'four four seven one', 'six oh one'];

describe('one redaction engine for every sink', () => {
  it('removes slot-filled answers from a transcript string (the engine itself)', () => {
    const out = redactText(transcript).text;
    for (const s of SECRETS) expect(out).not.toContain(s);
    expect(out).toContain('First four digits?');
  });

  it('removes them in the CLI (npm run redact -- --jsonl)', () => {
    const out = JSON.parse(redactJsonLine(JSON.stringify({ id: 'c1', text: transcript }))) as { text: string };
    expect(out.text).toBe(redactText(transcript).text);
  });

  it('removes them from a webhook body, as a transcript string and as an array of turns', () => {
    const { value } = redactJsonValue({ call: { transcript, turns } }) as { value: { call: { transcript: string; turns: { content: string }[] } } };
    expect(value.call.transcript).toBe(redactText(transcript).text);
    const answers = value.call.turns.filter((_, i) => i % 2 === 1).map((t) => t.content);
    for (const a of answers) expect(SECRETS).not.toContain(a);
    expect(value.call.turns[2]!.content).toBe('Next four?');
  });
});
