import { OBJECT_DEFS, defaultValue, type ObjectDef } from './objects.js';
import { OBJECT_NAMES, type AccountRecords, type SeedData, type WireRecord } from './types.js';

/** `scopes`: what an OAuth token was granted (bearer only); the Messaging API checks them (platform-notes §4.2, §7.2). */
export type Credential = { kind: 'apiKey' | 'bearer'; value: string; scopes?: readonly string[] };

export type Account = {
  vendorUuid: string;
  seed: SeedData;
  records: AccountRecords;
};

/** Fills every field the object has, as ServiceM8 returns full records, and keeps extra seed fields. */
export function materialize(def: ObjectDef, raw: Record<string, string | number> & { uuid: string }): WireRecord {
  const full: WireRecord = { uuid: raw.uuid };
  for (const [field, kind] of Object.entries(def.fields)) full[field] = defaultValue(kind);
  full.active = 1;
  return Object.assign(full, structuredClone(raw));
}

function recordsFromSeed(seed: SeedData): AccountRecords {
  const out = {} as AccountRecords;
  for (const name of OBJECT_NAMES) {
    const raw = name === 'vendor' ? [seed.vendor] : (seed.records[name] ?? []);
    out[name] = raw.map((r) => materialize(OBJECT_DEFS[name], r));
  }
  return out;
}

/**
 * Accounts keyed by vendor UUID; credentials (API keys, bearer tokens) map to one account each,
 * like ServiceM8 where a key or token belongs to exactly one account (platform-notes §2.2, §4.1).
 */
export function createAccountRegistry() {
  const accounts = new Map<string, Account>();
  const byCredential = new Map<string, string>();
  const scopesOf = new Map<string, readonly string[]>();
  const credKey = (c: Credential) => `${c.kind}:${c.value}`;

  function addCredential(vendorUuid: string, c: Credential): void {
    const owner = byCredential.get(credKey(c));
    if (owner && owner !== vendorUuid) throw new Error('credential already belongs to another simulated account');
    byCredential.set(credKey(c), vendorUuid);
    if (c.kind === 'bearer') scopesOf.set(credKey(c), c.scopes ?? []);
  }

  function resolve(accountKey?: string): Account {
    const vendorUuid = accountKey === undefined ? accounts.keys().next().value
      : accounts.has(accountKey) ? accountKey
        : byCredential.get(`apiKey:${accountKey}`) ?? byCredential.get(`bearer:${accountKey}`);
    const account = vendorUuid ? accounts.get(vendorUuid) : undefined;
    if (!account) throw new Error('no such simulated ServiceM8 account');
    return account;
  }

  return {
    add(seed: SeedData): string {
      const vendorUuid = seed.vendor.uuid;
      if (accounts.has(vendorUuid)) throw new Error(`simulated account ${vendorUuid} already exists`);
      accounts.set(vendorUuid, { vendorUuid, seed: structuredClone(seed), records: recordsFromSeed(seed) });
      for (const value of seed.apiKeys) addCredential(vendorUuid, { kind: 'apiKey', value });
      for (const value of seed.bearerTokens) addCredential(vendorUuid, { kind: 'bearer', value, scopes: seed.tokenScopes?.[value] ?? [] });
      return vendorUuid;
    },
    addCredential(accountKey: string | undefined, c: Credential): void {
      addCredential(resolve(accountKey).vendorUuid, c);
    },
    revokeCredential(value: string): void {
      byCredential.delete(credKey({ kind: 'apiKey', value }));
      byCredential.delete(credKey({ kind: 'bearer', value }));
      scopesOf.delete(credKey({ kind: 'bearer', value }));
    },
    authenticate(c: Credential): Account | undefined {
      const vendorUuid = byCredential.get(credKey(c));
      return vendorUuid ? accounts.get(vendorUuid) : undefined;
    },
    /** The scopes a bearer token carries; none for an API key (private integrations have no scopes). */
    scopes(c: Credential): readonly string[] {
      return scopesOf.get(credKey(c)) ?? [];
    },
    /** An account by vendor UUID, API key or bearer token; the first account when the key is omitted. */
    resolve,
    resetData(): void {
      for (const account of accounts.values()) account.records = recordsFromSeed(account.seed);
    },
  };
}

export type AccountRegistry = ReturnType<typeof createAccountRegistry>;
