import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config.js';

const KEY = Buffer.alloc(32, 7).toString('base64');
const errorOf = (env: Record<string, string>) => {
  try { loadConfig(env); } catch (e) { return e as ConfigError; }
  throw new Error('expected a ConfigError');
};

describe('loadConfig', () => {
  it('starts in sandbox with defaults when no ServiceM8 credentials are set', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ sandbox: true, port: 3000, publicUrl: 'http://localhost:3000', databaseUrl: 'sqlite:./data/addon.sqlite', logLevel: 'info' });
    expect(c.servicem8.apiUrl).toBe('https://api.servicem8.com');
    expect(c.dialnexa.apiUrl).toBe('https://api.dialnexa.com/v1');
  });

  it('leaves sandbox when credentials are present and nests the values', () => {
    const c = loadConfig({ SERVICEM8_APP_ID: 'app', SERVICEM8_APP_SECRET: 'a-long-app-secret-value', ENCRYPTION_KEY: KEY, PORT: '8080', PUBLIC_URL: 'https://addon.example.com/' });
    expect(c.sandbox).toBe(false);
    expect(c.publicUrl).toBe('https://addon.example.com');
    expect(c.encryptionKey?.length).toBe(32);
  });

  it('names every bad variable at once and never prints a value', () => {
    const secret = 'short-secret';
    const err = errorOf({ PORT: 'eighty', DATABASE_URL: 'mysql://x', ENCRYPTION_KEY: 'bm90LTMyLWJ5dGVz', LOG_LEVEL: 'loud', PUBLIC_URL: 'ftp://x', SERVICEM8_APP_SECRET: secret, DIALNEXA_WEBHOOK_SECRET: 'tiny' });
    expect(err).toBeInstanceOf(ConfigError);
    for (const name of ['PORT', 'DATABASE_URL', 'ENCRYPTION_KEY', 'LOG_LEVEL', 'PUBLIC_URL', 'SERVICEM8_APP_SECRET', 'DIALNEXA_WEBHOOK_SECRET']) {
      expect(err.message).toContain(name);
    }
    for (const value of [secret, 'bm90LTMyLWJ5dGVz', 'tiny', 'mysql://x', 'eighty', 'loud']) expect(err.message).not.toContain(value);
  });

  it('requires the app secret and encryption key outside sandbox', () => {
    const err = errorOf({ SANDBOX: '0' });
    expect(err.problems.join('\n')).toMatch(/SERVICEM8_APP_SECRET/);
    expect(err.problems.join('\n')).toMatch(/ENCRYPTION_KEY/);
  });

  it('reads the metrics guard and the add-on event freshness window, naming bad values without printing them', () => {
    const c = loadConfig({ METRICS_TOKEN: 'a-metrics-token-0123456789', METRICS_PORT: '9464', ADDON_EVENT_MAX_AGE_SECONDS: '120', ADDON_EVENT_CLOCK_SKEW_SECONDS: '30' });
    expect(c.metrics).toEqual({ token: 'a-metrics-token-0123456789', port: 9464 });
    expect(c.addonEvent).toEqual({ maxAgeSeconds: 120, clockSkewSeconds: 30 });
    expect(loadConfig({}).addonEvent).toEqual({ maxAgeSeconds: 300, clockSkewSeconds: 60 });
    expect(loadConfig({}).metrics).toEqual({ token: undefined, port: undefined });
    const err = errorOf({ METRICS_TOKEN: 'short-token', METRICS_PORT: 'nine', ADDON_EVENT_MAX_AGE_SECONDS: '86400', ADDON_EVENT_CLOCK_SKEW_SECONDS: '-5' });
    for (const name of ['METRICS_TOKEN', 'METRICS_PORT', 'ADDON_EVENT_MAX_AGE_SECONDS', 'ADDON_EVENT_CLOCK_SKEW_SECONDS']) expect(err.message).toContain(name);
    expect(err.message).not.toContain('short-token');
    expect(errorOf({ PORT: '3000', METRICS_PORT: '3000' }).message).toMatch(/METRICS_PORT: must differ from PORT/);
  });
});
