import { randomBytes } from 'node:crypto';
import { defaultSettings, type AccountSettings } from '../domain/account-settings.js';
import type { SecretBox } from '../security/secret-box.js';
import type { Executor } from './executor.js';
import type { ConnectionCache } from './connection-cache.js';

export type Account = { uuid: string; name: string; settings: AccountSettings };
export type AccountCredentials =
  | { kind: 'apiKey'; apiKey: string }
  | { kind: 'oauth'; accessToken: string; refreshToken: string; expiresAt: string; scope: string };
export type Connection = { id: string; accountUuid: string; secrets: string[]; settings: AccountSettings };

/** Accounts and their DialNexa connections. Credentials and webhook secrets are sealed at rest. */
export function accountRepo(db: Executor, box: SecretBox, now: () => Date, cache?: ConnectionCache) {
  // Called after any write that may change what getConnection answers (secrets, activity, region, currency).
  const changed = () => cache?.clear();
  return {
    async upsert(uuid: string, name: string, settings?: AccountSettings): Promise<Account> {
      const at = now().toISOString();
      const existing = await this.get(uuid);
      if (existing) {
        await db.updateTable('accounts').set({ name, updated_at: at }).where('uuid', '=', uuid).execute();
        return { ...existing, name };
      }
      const s = settings ?? defaultSettings();
      await db.insertInto('accounts').values({ uuid, name, settings_json: JSON.stringify(s), credentials_sealed: null, created_at: at, updated_at: at })
        .onConflict((oc) => oc.column('uuid').doNothing()).execute();
      return (await this.get(uuid))!;
    },

    async get(uuid: string): Promise<Account | undefined> {
      const r = await db.selectFrom('accounts').select(['uuid', 'name', 'settings_json']).where('uuid', '=', uuid).executeTakeFirst();
      return r ? { uuid: r.uuid, name: r.name, settings: { ...defaultSettings(), ...JSON.parse(r.settings_json) } } : undefined;
    },

    async list(): Promise<Account[]> {
      const rows = await db.selectFrom('accounts').select(['uuid', 'name', 'settings_json']).orderBy('name').execute();
      return rows.map((r) => ({ uuid: r.uuid, name: r.name, settings: { ...defaultSettings(), ...JSON.parse(r.settings_json) } }));
    },

    async saveSettings(uuid: string, settings: AccountSettings): Promise<void> {
      await db.updateTable('accounts').set({ settings_json: JSON.stringify(settings), updated_at: now().toISOString() }).where('uuid', '=', uuid).execute();
      changed();
    },

    async saveCredentials(uuid: string, creds: AccountCredentials): Promise<void> {
      await db.updateTable('accounts').set({ credentials_sealed: box.seal(JSON.stringify(creds)), updated_at: now().toISOString() }).where('uuid', '=', uuid).execute();
    },

    async getCredentials(uuid: string): Promise<AccountCredentials | undefined> {
      const r = await db.selectFrom('accounts').select('credentials_sealed').where('uuid', '=', uuid).executeTakeFirst();
      return r?.credentials_sealed ? (JSON.parse(box.open(r.credentials_sealed)) as AccountCredentials) : undefined;
    },

    /** Creates a DialNexa connection with an unguessable id and returns its secret once. */
    async createConnection(accountUuid: string, secret = randomBytes(32).toString('hex')): Promise<{ id: string; secret: string }> {
      const id = `dnx_${randomBytes(12).toString('base64url')}`;
      await db.insertInto('dialnexa_connections').values({ id, account_uuid: accountUuid, secret_sealed: box.seal(secret), previous_secret_sealed: null, active: 1, created_at: now().toISOString() }).execute();
      return { id, secret };
    },

    /** Rotation: the old secret stays valid as `previous` until the next rotation. */
    async rotateConnectionSecret(accountUuid: string, id: string, secret = randomBytes(32).toString('hex')): Promise<string> {
      const r = await db.selectFrom('dialnexa_connections').select('secret_sealed').where('id', '=', id).where('account_uuid', '=', accountUuid).executeTakeFirstOrThrow();
      await db.updateTable('dialnexa_connections').set({ secret_sealed: box.seal(secret), previous_secret_sealed: r.secret_sealed }).where('id', '=', id).execute();
      changed();
      return secret;
    },

    async getConnection(id: string): Promise<Connection | undefined> {
      const at = now().getTime();
      const hit = cache?.get(id, at);
      if (hit) return hit;
      // One round trip for the webhook's two needs: the secrets, and the account's region and currency.
      const r = await db.selectFrom('dialnexa_connections').innerJoin('accounts', 'accounts.uuid', 'dialnexa_connections.account_uuid')
        .select(['dialnexa_connections.id', 'dialnexa_connections.account_uuid', 'secret_sealed', 'previous_secret_sealed', 'accounts.settings_json'])
        .where('dialnexa_connections.id', '=', id).where('active', '=', 1).executeTakeFirst();
      if (!r) return undefined;
      const secrets = [box.open(r.secret_sealed), ...(r.previous_secret_sealed ? [box.open(r.previous_secret_sealed)] : [])];
      const conn = { id: r.id, accountUuid: r.account_uuid, secrets, settings: { ...defaultSettings(), ...JSON.parse(r.settings_json) } };
      cache?.set(id, conn, at);
      return conn;
    },

    /** Retires an account's connections (sandbox restarts with a new throwaway key: old secrets are unreadable). */
    async deactivateConnections(accountUuid: string): Promise<void> {
      await db.updateTable('dialnexa_connections').set({ active: 0 }).where('account_uuid', '=', accountUuid).execute();
      changed();
    },

    async listConnections(accountUuid: string): Promise<{ id: string; createdAt: string }[]> {
      const rows = await db.selectFrom('dialnexa_connections').select(['id', 'created_at']).where('account_uuid', '=', accountUuid).where('active', '=', 1).execute();
      return rows.map((r) => ({ id: r.id, createdAt: r.created_at }));
    },
  };
}
export type AccountRepo = ReturnType<typeof accountRepo>;
