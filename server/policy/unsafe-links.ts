const URL_IN_TEXT = /\b(?:https?:\/\/|www\.)[^\s<>"')\]]+/gi;
// Presigned recording links expire after 7 days (contracts/dialnexa-webhooks.md) and grant access to the
// audio, so none belongs in a job diary every staff member reads.
const UNSAFE = /recording|x-amz-|[?&](signature|sig|se|sv|expires|token)=/i;

/** Replaces recording and presigned URLs in free text with "[link removed]"; other links stay. */
export function stripUnsafeLinks(text: string): string {
  return text.replace(URL_IN_TEXT, (url) => (UNSAFE.test(url) ? '[link removed]' : url));
}

export function isUnsafeLink(url: string): boolean {
  return UNSAFE.test(url);
}
