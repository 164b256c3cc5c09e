import { SAMPLE_BUSINESS_NUMBER } from './sample-phones.js';

/** Envelope-A `call_ended` bodies for the sandbox's sample calls (contract, "The three envelopes"). */
export type CallSpec = {
  direction?: 'inbound' | 'outbound';
  from: string;
  to?: string;
  status?: 'completed' | 'hangup';
  duration: number;
  summary?: string;
  transcript?: string | { role: string; content: string }[];
  analysis?: Record<string, unknown>;
  hangupReason: string;
};

export function envelope(callId: string, now: Date, spec: CallSpec): Record<string, unknown> {
  const initiated = new Date(now.getTime() - (spec.duration + 45) * 1000);
  const hasRecording = spec.status !== 'hangup';
  const amzDate = initiated.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  return {
    event_type: 'call_ended',
    payload: {
      call: {
        id: callId,
        direction: spec.direction ?? 'inbound',
        type: 'phone_call',
        from_number: spec.from,
        to_number: spec.to ?? SAMPLE_BUSINESS_NUMBER,
        agent_id: 'agt_billing_au',
        status: spec.status ?? 'completed',
        initiated_at: initiated.toISOString().replace(/\.\d{3}Z$/, 'Z'),
        duration: spec.duration,
        ...(spec.summary && { summary: spec.summary }),
        ...(spec.transcript && { transcript: spec.transcript }),
        // Presigned and short-lived like DialNexa's: the parser must drop it (contract, envelope A).
        ...(hasRecording && {
          recording_url: `https://recordings.dialnexa.example/${callId}.mp3?X-Amz-Date=${amzDate}&X-Amz-Expires=604800&X-Amz-Signature=sandbox`,
        }),
        ...(spec.analysis && { post_call_analysis: spec.analysis }),
        hangup_reason: spec.hangupReason,
      },
    },
  };
}

/** ISO date `days` after `now` (UTC), for follow-up deadlines and due dates. */
export function dayAfter(now: Date, days: number): string {
  return new Date(now.getTime() + days * 86_400_000).toISOString().slice(0, 10);
}

