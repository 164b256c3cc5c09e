/** What the add-on needs from DialNexa's REST API (implemented by dialnexa/client.ts, faked in tests). */
export type DialNexaApi = {
  /** Raw details body for a call; parse with dialnexa/envelopes.ts parseCallDetails. */
  getCallDetails(callId: string): Promise<unknown>;
  /** A fresh presigned recording link (links expire after 7 days and are never stored). */
  getRecordingUrl(callId: string): Promise<string | undefined>;
};
