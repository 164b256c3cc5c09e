/**
 * Fixed identifiers of the default sandbox account (see seed.ts for the data and the UUID scheme).
 * Plain immutable data: tests and the sandbox page refer to records by these names.
 */
const id = (type: string, serial: number) => `5e3d00${type}-0000-4000-8000-${String(serial).padStart(12, '0')}`;

export const SEED = deepFreeze({
  apiKey: 'sandbox-servicem8-api-key',
  bearerToken: 'sandbox-servicem8-oauth-token',
  vendor: { uuid: id('01', 1), name: 'Harbourside Plumbing & Electrical' },
  staff: {
    owner: { uuid: id('02', 1), name: 'Mia Castellano' },
    plumber: { uuid: id('02', 2), name: "Liam O'Connor" },
    electrician: { uuid: id('02', 3), name: 'Aroha Ngata' },
    /** job_title "Accounts & Billing": the finance-owner fallback. */
    finance: { uuid: id('02', 4), name: 'Sam Okafor' },
    /** job_title "Bookkeeper" but inactive: must never be picked as finance owner. */
    formerBookkeeper: { uuid: id('02', 5), name: 'Grace Whitfield' },
  },
  companies: {
    natarajan: { uuid: id('03', 1), name: 'Natarajan Plumbing Supplies' },
    sunriseCafe: { uuid: id('03', 2), name: 'Sunrise Café Bondi' },
    chen: { uuid: id('03', 3), name: 'Margaret Chen' },
    westside: { uuid: id('03', 4), name: 'Westside Property Management' },
    fitzgerald: { uuid: id('03', 5), name: 'Harold Fitzgerald' },
    stBrigids: { uuid: id('03', 6), name: "St Brigid's Primary School" },
    kellettDental: { uuid: id('03', 7), name: 'Kellett Street Dental' },
    /** Soft-deleted client (active 0); its job 1040 is soft-deleted too. */
    parramattaKebabs: { uuid: id('03', 8), name: 'Parramatta Kebab House' },
  },
  contacts: {
    natarajanBilling: id('04', 1), natarajanJob: id('04', 2), sunriseBilling: id('04', 3), chenBilling: id('04', 4),
    westsideBilling: id('04', 5), westsideKylie: id('04', 6), fitzgeraldBilling: id('04', 7), fitzgeraldKylie: id('04', 8),
    stBrigidsBilling: id('04', 9), kellettBilling: id('04', 10), kebabBilling: id('04', 11),
  },
  jobs: {
    j1036: { uuid: id('05', 1036), number: '1036' },
    j1038: { uuid: id('05', 1038), number: '1038' },
    j1039: { uuid: id('05', 1039), number: '1039' },
    j1040: { uuid: id('05', 1040), number: '1040' },
    j1041: { uuid: id('05', 1041), number: '1041' },
    j1042: { uuid: id('05', 1042), number: '1042' },
    j1043: { uuid: id('05', 1043), number: '1043' },
    j1044: { uuid: id('05', 1044), number: '1044' },
    j1045: { uuid: id('05', 1045), number: '1045' },
    j1046: { uuid: id('05', 1046), number: '1046' },
    j1047: { uuid: id('05', 1047), number: '1047' },
  },
  jobContacts: {
    j1042Billing: id('06', 1), j1038Job: id('06', 2), j1039Billing: id('06', 3), j1041Manager: id('06', 4),
    j1041Tenant: id('06', 5), j1043Job: id('06', 6), j1045Job: id('06', 7),
  },
  payments: {
    j1036: id('07', 1), j1038Deleted: id('07', 2), j1039Part: id('07', 3), j1040: id('07', 4),
    j1042First: id('07', 5), j1042Second: id('07', 6),
  },
  notes: { j1042Invoice: id('08', 1), j1039Terms: id('08', 2) },
  tasks: { j1038FollowUp: id('09', 1) },
  attachments: { j1042Invoice: id('0a', 1) },
  /** The one mobile on two different clients' contacts, stored in two formats. */
  sharedMobile: { e164: '+61491570157', formats: ['+61491570157', '0491 570 157'] },
});

export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
