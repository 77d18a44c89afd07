import { describe, expect, it } from 'vitest';
import { DEFAULT_WELLPOINT_BASE_URL, EnvError, loadEnv } from './env';

describe('loadEnv', () => {
  it('has a default for everything, and demo mode without a key', () => {
    const env = loadEnv({ SITE_TIMEZONE: 'Europe/Budapest' });
    expect(env.WELLPOINT_ACCESS_KEY).toBeUndefined();
    expect(env.WELLPOINT_BASE_URL.href).toBe(DEFAULT_WELLPOINT_BASE_URL);
    expect(env).toMatchObject({
      PORT: 8787,
      HOST: '127.0.0.1',
      DAY_START: '00:00',
      CACHE_SECONDS: 10,
      LOG_LEVEL: 'info',
      SIMULATOR_CONTROL: false,
      TRUST_PROXY: false,
    });
    expect(loadEnv({ SITE_TIMEZONE: 'Europe/Budapest', TRUST_PROXY: 'true' }).TRUST_PROXY).toBe(true);
  });

  it.each([
    ['PORT', '0', 'PORT must be a whole number from 1 to 65535'],
    ['PORT', 'http', 'PORT must be a whole number'],
    ['CACHE_SECONDS', '2', 'CACHE_SECONDS must be a whole number from 5'],
    ['SITE_TIMEZONE', 'Mars/Olympus', 'SITE_TIMEZONE must be an IANA time zone'],
    ['DAY_START', '24:00', 'DAY_START must be a local time written HH:MM'],
    ['DAY_START', '4:00', 'DAY_START must be a local time'],
    ['WELLPOINT_BASE_URL', 'wellpoint.cloud', 'WELLPOINT_BASE_URL must be an absolute http(s) URL'],
    ['WELLPOINT_BASE_URL', 'ftp://wellpoint.cloud/', 'WELLPOINT_BASE_URL must use http or https'],
    ['WELLPOINT_BASE_URL', 'https://wellpoint.cloud/?user_access_key=abc', 'must not contain a query string'],
    ['LOG_LEVEL', 'loud', 'LOG_LEVEL must be one of'],
    ['SIMULATOR_CONTROL', 'maybe', 'SIMULATOR_CONTROL must be true or false'],
    ['TRUST_PROXY', 'sometimes', 'TRUST_PROXY must be true or false'],
  ])('rejects %s=%s naming the variable', (name, value, message) => {
    expect(() => loadEnv({ [name]: value })).toThrow(EnvError);
    expect(() => loadEnv({ [name]: value })).toThrow(message);
  });

  it('never echoes a value, the key least of all', () => {
    const key = 'k-3d9f0a7c-secret';
    try {
      loadEnv({ WELLPOINT_ACCESS_KEY: key, PORT: key, WELLPOINT_BASE_URL: `https://x.test/?k=${key}` });
      expect.unreachable();
    } catch (error) {
      expect((error as Error).message).toContain('PORT');
      expect((error as Error).message).toContain('WELLPOINT_BASE_URL');
      expect((error as Error).message).not.toContain(key);
    }
  });

  it('refuses the simulator control routes outside demo mode', () => {
    expect(() => loadEnv({ WELLPOINT_ACCESS_KEY: 'k', SIMULATOR_CONTROL: 'true' })).toThrow('SIMULATOR_CONTROL only works in demo mode');
  });

  it('alerts: SMTP_URL is an smtp(s) URL that needs ALERT_EMAIL_FROM; plain-http webhooks are off by default', () => {
    const none = loadEnv({});
    expect([none.SMTP_URL, none.ALERT_EMAIL_FROM, none.ALERT_WEBHOOK_ALLOW_HTTP]).toEqual([undefined, undefined, false]);
    const set = loadEnv({ SMTP_URL: 'smtp://u:p@mail.example.org:587', ALERT_EMAIL_FROM: 'alerts@example.org', ALERT_WEBHOOK_ALLOW_HTTP: 'yes' });
    expect([set.SMTP_URL, set.ALERT_EMAIL_FROM, set.ALERT_WEBHOOK_ALLOW_HTTP]).toEqual(['smtp://u:p@mail.example.org:587', 'alerts@example.org', true]);
    expect(() => loadEnv({ SMTP_URL: 'https://mail.example.org', ALERT_EMAIL_FROM: 'a@example.org' })).toThrow(/SMTP_URL must start with smtp:\/\//);
    expect(() => loadEnv({ SMTP_URL: 'smtp://mail.example.org' })).toThrow('SMTP_URL needs ALERT_EMAIL_FROM');
    try {
      loadEnv({ SMTP_URL: 'smtp://u:s3cret-pw@[bad', ALERT_EMAIL_FROM: 'a@example.org' });
      expect.unreachable();
    } catch (error) {
      expect((error as Error).message).toContain('SMTP_URL');
      expect((error as Error).message).not.toContain('s3cret-pw');
    }
  });
});
