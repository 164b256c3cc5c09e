/** The sandbox business's own number, as DialNexa sends it (no `+`). */
export const SAMPLE_BUSINESS_NUMBER = '61290001234';
