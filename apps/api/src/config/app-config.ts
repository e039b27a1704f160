import { z } from 'zod';

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);
const booleanFlag = (fallback: boolean) =>
  z
    .enum(['true', 'false'])
    .default(fallback ? 'true' : 'false')
    .transform((v) => v === 'true');

const isTimeZone = (zone: string): boolean => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

const emptyAsUndefined = (value: unknown) => (value === '' ? undefined : value);

export const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
      .optional(),
  ),
  DATA_DIR: z.string().min(1).default('./data'),
  ASSESSMENT_TIME_ZONE: z.string().refine(isTimeZone, 'must be an IANA time zone such as Asia/Shanghai').default('Asia/Shanghai'),
  JWT_SECRET: z.preprocess(emptyAsUndefined, z.string().min(32, 'must be at least 32 characters').optional()),
  JWT_TTL_MINUTES: positiveInt(120),
  /** A sign-in unused (background refreshes aside) for this long ends. */
  IDLE_TIMEOUT_MINUTES: positiveInt(30),
  /**
   * The product's own origin (scheme://host[:port]) as users reach it: the cookie requests' Origin check (by default
   * the request's own) and the links in messages (by default http://localhost:PORT; a scheduled job has no request).
   */
  PUBLIC_ORIGIN: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(/^https?:\/\/[^/\s]+$/, 'must be scheme://host[:port] with no path, e.g. https://dashboard.example.gov.cn')
      .transform((v) => v.toLowerCase())
      .optional(),
  ),
  COOKIE_SECURE: booleanFlag(false),
  /** Audit entries are kept this many days, then purged daily (at least 180: GB/T 22239 keeps audit records six months). */
  AUDIT_RETENTION_DAYS: z.coerce.number().int().min(180, 'must be at least 180 (audit entries are kept at least 180 days)').default(365),
  /** When the daily audit purge runs (cron, server time). */
  AUDIT_PURGE_CRON: z.string().min(1).default('0 30 3 * * *'),
  /** Admins must sign in with a second factor (TOTP): one without it reaches only the enrolment until it is set up. */
  REQUIRE_ADMIN_2FA: booleanFlag(false),
  /** Failed logins of this many distinct usernames from one address in 15 minutes hold that address back (users who signed in from it before excepted). */
  LOGIN_ADDRESS_FAILURE_LIMIT: positiveInt(10),
  ADMIN_USERNAME: z.preprocess(emptyAsUndefined, z.string().min(1).optional()),
  ADMIN_PASSWORD: z.preprocess(emptyAsUndefined, z.string().min(8, 'must be at least 8 characters').optional()),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DB_POOL_MAX: positiveInt(10),
  INGEST_INBOX_DIR: z.string().min(1).optional(),
  INGEST_INBOX_CRON: z.string().min(1).default('*/1 * * * *'),
  INGEST_MAX_BODY_MB: positiveInt(64),
  /** Largest decompressed ingest body: a small gzip body can inflate a thousandfold. */
  INGEST_MAX_INFLATED_MB: positiveInt(64),
  /** Request bodies (ingest and master-data uploads) read at the same time; beyond it 503 with Retry-After. */
  UPLOAD_CONCURRENCY: positiveInt(4),
  /** The earliest plausible event time (UTC day): an older `at` is quarantined. */
  EVENT_AT_EARLIEST: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
    .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), 'must be a real date')
    .default('2000-01-01'),
  /** How far after its receipt an event may be stamped (clock skew); a later `at` is quarantined. */
  EVENT_AT_MAX_AHEAD_HOURS: positiveInt(24),
  DEMO_SEED: z.enum(['auto', 'off']).default('auto'),
  /** The city named in report titles (e.g. 某某市); reports say 本市 when unset. */
  CITY_NAME: z.preprocess(emptyAsUndefined, z.string().trim().min(1).max(40, 'must be at most 40 characters').default('本市')),
  /** Encrypts channel secrets at rest; when unset a key is generated once and kept in the database. */
  SECRET_KEY: z.preprocess(emptyAsUndefined, z.string().min(32, 'must be at least 32 characters').optional()),
  SMTP_URL: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
      .optional(),
  ),
  SMTP_FROM: z.preprocess(emptyAsUndefined, z.string().min(3).default('kpi-dashboard@localhost')),
  /** Local time (assessment time zone) of the daily to-do messages, on working days. */
  NOTIFY_DAILY_AT: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM (24-hour)')
    .default('09:00'),
  NOTIFY_RETRY_ATTEMPTS: positiveInt(3),
  /** Waits before the 2nd, 3rd, … try, comma-separated milliseconds; the last repeats. */
  NOTIFY_RETRY_DELAYS_MS: z
    .string()
    .regex(/^\d+(,\d+)*$/, 'must be comma-separated milliseconds such as 1000,5000')
    .default('1000,5000')
    .transform((v) => v.split(',').map(Number)),
});

export type AppConfig = z.infer<typeof configSchema>;

export class ConfigError extends Error {}

/** Reads and validates the environment once; a bad variable stops start-up with a message naming it. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  if (parsed.data.ADMIN_USERNAME && !parsed.data.ADMIN_PASSWORD) {
    throw new ConfigError('Invalid configuration:\n  ADMIN_PASSWORD: required when ADMIN_USERNAME is set');
  }
  return parsed.data;
}

export const APP_CONFIG = Symbol('APP_CONFIG');
