import { z } from 'zod';

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

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
  /** The product's own origin (scheme://host[:port]) for the cookie requests' Origin check; by default the request's own. */
  PUBLIC_ORIGIN: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(/^https?:\/\/[^/\s]+$/, 'must be scheme://host[:port] with no path, e.g. https://dashboard.example.gov.cn')
      .transform((v) => v.toLowerCase())
      .optional(),
  ),
  COOKIE_SECURE: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  /** Failed logins of this many distinct usernames from one address in 15 minutes hold that address back (users who signed in from it before excepted). */
  LOGIN_ADDRESS_FAILURE_LIMIT: positiveInt(10),
  ADMIN_USERNAME: z.preprocess(emptyAsUndefined, z.string().min(1).optional()),
  ADMIN_PASSWORD: z.preprocess(emptyAsUndefined, z.string().min(8, 'must be at least 8 characters').optional()),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DB_POOL_MAX: positiveInt(10),
  INGEST_INBOX_DIR: z.string().min(1).optional(),
  INGEST_INBOX_CRON: z.string().min(1).default('*/1 * * * *'),
  INGEST_MAX_BODY_MB: positiveInt(64),
  DEMO_SEED: z.enum(['auto', 'off']).default('auto'),
  /** The city named in report titles (e.g. 某某市); reports say 本市 when unset. */
  CITY_NAME: z.preprocess(emptyAsUndefined, z.string().trim().min(1).max(40, 'must be at most 40 characters').default('本市')),
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
