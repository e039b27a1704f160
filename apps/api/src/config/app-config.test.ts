import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('applies defaults', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.ASSESSMENT_TIME_ZONE).toBe('Asia/Shanghai');
  });

  it('names the variable that is wrong', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL: must be a postgres/);
    expect(() => loadConfig({ ASSESSMENT_TIME_ZONE: 'Mars/Olympus' })).toThrow(/ASSESSMENT_TIME_ZONE/);
    expect(() => loadConfig({ JWT_SECRET: 'short' })).toThrow(/JWT_SECRET/);
    expect(() => loadConfig({ ADMIN_USERNAME: 'root' })).toThrow(ConfigError);
    expect(() => loadConfig({ ADMIN_USERNAME: 'root' })).toThrow(/ADMIN_PASSWORD/);
    expect(() => loadConfig({ AUDIT_RETENTION_DAYS: '90' })).toThrow(/AUDIT_RETENTION_DAYS: must be at least 180/);
    expect(() => loadConfig({ REQUIRE_ADMIN_2FA: 'yes' })).toThrow(/REQUIRE_ADMIN_2FA/);
  });

  it('keeps audit entries a year by default, and at least 180 days', () => {
    expect(loadConfig({}).AUDIT_RETENTION_DAYS).toBe(365);
    expect(loadConfig({ AUDIT_RETENTION_DAYS: '180' }).AUDIT_RETENTION_DAYS).toBe(180);
  });

  it('treats an empty DATABASE_URL as unset (embedded database)', () => {
    expect(loadConfig({ DATABASE_URL: '' }).DATABASE_URL).toBeUndefined();
  });

  it('reads the notification settings', () => {
    const config = loadConfig({ NOTIFY_RETRY_DELAYS_MS: '50,100', PUBLIC_ORIGIN: 'https://kpi.example.gov.cn' });
    expect(config.NOTIFY_RETRY_DELAYS_MS).toEqual([50, 100]);
    expect(config.NOTIFY_RETRY_ATTEMPTS).toBe(3);
    expect(config.NOTIFY_DAILY_AT).toBe('09:00');
    expect(() => loadConfig({ PUBLIC_ORIGIN: 'https://kpi.example.gov.cn/path' })).toThrow(/PUBLIC_ORIGIN/);
    expect(() => loadConfig({ NOTIFY_DAILY_AT: '9am' })).toThrow(/NOTIFY_DAILY_AT/);
    expect(() => loadConfig({ NOTIFY_RETRY_DELAYS_MS: '1s' })).toThrow(/NOTIFY_RETRY_DELAYS_MS/);
    expect(() => loadConfig({ SMTP_URL: 'http://x' })).toThrow(/SMTP_URL/);
  });
});
