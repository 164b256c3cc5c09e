/** How often instalments fall due. */
export const FREQUENCIES = ['weekly', 'fortnightly', 'monthly', 'quarterly'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

const WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  a: 1, an: 1, couple: 2,
};
const NUMBER = '(\\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)';

// "every two weeks" and "bi-weekly" are the US and UK words for an Australian "fortnightly"; "biweekly"
// is read as every two weeks (its usual US meaning), never twice a week.
const FREQUENCY_WORDS: [RegExp, Frequency][] = [
  [/\b(?:fortnight(?:ly)?|bi-?weekly|every\s+(?:two|2|other|second)\s+weeks?|twice\s+a\s+month|semi-?monthly)\b/i, 'fortnightly'],
  [/\b(?:every\s+(?:other|second)\s+(?:mon|tues|wednes|thurs|fri|satur|sun)day|every\s+other\s+pay\s*day)\b/i, 'fortnightly'],
  [/(?:\bpw\b|\bp\/w\b|\/\s*(?:wk|week)\b)/i, 'weekly'],
  [/(?:\bpcm\b|\bp\/m\b|\/\s*(?:mo|mth|month)\b)/i, 'monthly'],
  [/\b(?:weekly|(?:per|a|each|every)\s+week|\d+\s*weeks?|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+weeks)\b/i, 'weekly'],
  [/\b(?:quarterly|(?:per|a|each|every)\s+quarter)\b/i, 'quarterly'],
  [/\b(?:monthly|(?:per|a|each|every)\s+(?:calendar\s+)?month|\d+\s*months?|(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+months)\b/i, 'monthly'],
];

const COUNT_PATTERNS: RegExp[] = [
  new RegExp(`\\b${NUMBER}\\s*(?:x|×|\\*)\\s*(?=[$£€A-Z\\d])`, 'i'),
  // "weekly x 5": the count after the sign, as instalment lines are often written.
  new RegExp(`(?:x|×)\\s*(\\d{1,2})\\b(?!\\s*[.,]?\\d)`, 'i'),
  new RegExp(`\\b${NUMBER}\\s+(?:equal\\s+|even\\s+)?(?:weekly\\s+|fortnightly\\s+|monthly\\s+|quarterly\\s+|bi-?weekly\\s+)?(?:instal(?:l)?ments?|payments?|repayments?|parts|lots|goes)\\b`, 'i'),
  new RegExp(`\\b(?:split|divided?|break)\\b.{0,30}?\\b${NUMBER}\\s+ways\\b`, 'i'),
  new RegExp(`\\b(?:over|for|across)\\s+(?:the\\s+next\\s+)?${NUMBER}\\s+(?:weeks?|fortnights?|months?|quarters?|pay\\s*days?|paydays?)\\b`, 'i'),
];

/** "Fortnightly", "every two weeks", "per month"… in the text, if any. */
export function findFrequency(text: string): Frequency | undefined {
  return FREQUENCY_WORDS.find(([re]) => re.test(text))?.[1];
}

/** The number of instalments: "3 x", "three instalments", "over 6 weeks", "for 3 months". */
export function findCount(text: string): number | undefined {
  for (const re of COUNT_PATTERNS) {
    const m = re.exec(text);
    const n = m?.[1] ? toCount(m[1]) : undefined;
    if (n && n > 0) return n;
  }
  return undefined;
}

// After a correction ("no, make it five", "sorry, 5 months"), a number said alone is the new count.
const CORRECTED_COUNT = new RegExp(`^\\W*(?:make\\s+(?:it|that)\\s+|change\\s+(?:it|that)\\s+to\\s+)?${NUMBER}\\s*(?:weeks?|fortnights?|months?|payments?|instal(?:l)?ments?|repayments?|goes|parts|lots)?\\s*(?:instead)?\\W*$`, 'i');

/** The count a correction gives: "four payments", or a number said alone. */
export function findCorrectedCount(text: string): number | undefined {
  const m = CORRECTED_COUNT.exec(text);
  return findCount(text) ?? (m?.[1] ? toCount(m[1]) : undefined);
}

function toCount(word: string): number | undefined {
  return /^\d+$/.test(word) ? Number(word) : WORDS[word.toLowerCase()];
}

/** "fortnightly", as the task line says it. */
export function frequencyWords(f: Frequency): string {
  return f;
}
