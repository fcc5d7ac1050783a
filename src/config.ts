// One Joi schema over the environment, validated at boot. Every problem is listed at once so an
// operator fixes the deployment in one go rather than one variable per restart.
import { randomBytes } from 'node:crypto';

import Joi from 'joi';

export interface Config {
  env: 'development' | 'test' | 'production';
  port: number;
  host: string;
  databaseUrl?: string;
  /** The owner role, used only to migrate and grant; the service itself connects with databaseUrl. */
  migrationDatabaseUrl?: string;
  embeddedDataDir?: string;
  embeddedPort: number;
  publicBaseUrl: string;
  sessionSecret: string;
  sessionSecretGenerated: boolean;
  demoData: boolean;
  logLevel: string;
  displayTimeZone: string;
  /** A folder with en.json / cy.json whose keys replace the shipped catalogue's (an authority's own wording). */
  catalogueOverridesDir?: string;
  tokenTtlHours: number;
  /** How long a token's actor is used before it is looked up again: the most a change elsewhere takes to count. */
  tokenRecheckMs: number;
  lockoutAttempts: number;
  lockoutMinutes: number;
  signedLinkDays: number;
  twilio: {
    accountSid?: string;
    authToken?: string;
    fromNumber?: string;
    messagingServiceSid?: string;
    /** The number calls come from (voice-capable); TWILIO_FROM_NUMBER when not set. */
    voiceFromNumber?: string;
    apiBaseUrl?: string;
  };
  /** How long a call rings before it counts as not answered. */
  voiceRingSeconds: number;
  smtpUrl?: string;
  mailFrom: string;
  /** Where replies to the operational group's invitations go; without it, invitations ask for none. */
  groupOrganizerEmail: string | null;
  jobs: boolean;
  signInRateLimit: number;
  webhookRateLimit: number;
  /** Load balancers whose X-Forwarded-For is believed (addresses or CIDR ranges); empty: none. */
  trustedProxies: string[];
  dispatch: {
    maxAttempts: number;
    baseDelayMs: number;
    leaseMs: number;
    sendTimeoutMs: number;
    pollMs: number;
    giveWayMs: number;
  };
}

// A comma-separated variable read as a list, so each entry is validated (and named) on its own.
const commaList = Joi.extend({
  type: 'commaList',
  base: Joi.array(),
  coerce: {
    from: 'string',
    method: (value: string) => ({
      value: value
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    }),
  },
});

const notAProxy =
  'TRUSTED_PROXIES lists IP addresses or CIDR ranges separated by commas (e.g. 10.0.0.0/8,fd00::/8); {#value} is neither';

const schema = Joi.object({
  NODE_ENV: Joi.string().valid('development', 'test', 'production').default('development'),
  PORT: Joi.number().port().default(3000),
  HOST: Joi.string().hostname().default('127.0.0.1'),
  DATABASE_URL: Joi.string().uri({ scheme: ['postgres', 'postgresql'] }),
  MIGRATION_DATABASE_URL: Joi.string().uri({ scheme: ['postgres', 'postgresql'] }),
  EMBEDDED_PG_DIR: Joi.string(),
  CATALOGUE_OVERRIDES_DIR: Joi.string(),
  EMBEDDED_PG_PORT: Joi.number().port().default(54329),
  PUBLIC_BASE_URL: Joi.string().uri({ scheme: ['http', 'https'] }),
  SESSION_SECRET: Joi.string()
    .min(32)
    .when('NODE_ENV', { is: 'production', then: Joi.required() })
    .messages({ 'any.required': 'SESSION_SECRET is required in production (at least 32 characters)' }),
  DEMO_DATA: Joi.boolean().truthy('1').falsy('0'),
  LOG_LEVEL: Joi.string().valid('fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent').default('info'),
  DISPLAY_TIME_ZONE: Joi.string().default('Europe/London'),
  TOKEN_TTL_HOURS: Joi.number()
    .integer()
    .min(1)
    .max(24 * 90)
    .default(12),
  TOKEN_RECHECK_SECONDS: Joi.number().min(0).max(5).default(1),
  LOCKOUT_ATTEMPTS: Joi.number().integer().min(1).default(5),
  LOCKOUT_MINUTES: Joi.number().integer().min(1).default(15),
  SIGNED_LINK_DAYS: Joi.number().integer().min(1).max(30).default(7),
  TWILIO_ACCOUNT_SID: Joi.string()
    .pattern(/^AC[0-9a-fA-F]{32}$/)
    .messages({ 'string.pattern.base': 'TWILIO_ACCOUNT_SID must look like AC followed by 32 hex digits' }),
  TWILIO_AUTH_TOKEN: Joi.string(),
  TWILIO_FROM_NUMBER: Joi.string()
    .pattern(/^\+[1-9]\d{6,14}$/)
    .messages({ 'string.pattern.base': 'TWILIO_FROM_NUMBER must be in E.164 form, e.g. +447700900000' }),
  TWILIO_MESSAGING_SERVICE_SID: Joi.string().pattern(/^MG[0-9a-fA-F]{32}$/),
  TWILIO_VOICE_FROM_NUMBER: Joi.string()
    .pattern(/^\+[1-9]\d{6,14}$/)
    .messages({ 'string.pattern.base': 'TWILIO_VOICE_FROM_NUMBER must be in E.164 form, e.g. +442079460000' }),
  VOICE_RING_SECONDS: Joi.number().integer().min(5).max(120).default(25),
  TWILIO_API_BASE_URL: Joi.string().uri({ scheme: ['http', 'https'] }),
  SMTP_URL: Joi.string().uri({ scheme: ['smtp', 'smtps'] }),
  MAIL_FROM: Joi.string().default('Missing Children Alerts <alerts@example.org>'),
  GROUP_ORGANIZER_EMAIL: Joi.string().trim().email({ tlds: false }).max(254).messages({
    'string.email':
      "GROUP_ORGANIZER_EMAIL must be an email address that receives replies, e.g. the group coordinator's",
  }),
  SIGN_IN_RATE_LIMIT: Joi.number().integer().min(1).default(20),
  WEBHOOK_RATE_LIMIT: Joi.number().integer().min(1).default(600),
  TRUSTED_PROXIES: commaList
    .commaList()
    .items(Joi.string().ip({ version: ['ipv4', 'ipv6'], cidr: 'optional' }))
    .default([])
    .messages({ 'string.ipVersion': notAProxy }),
  JOBS: Joi.boolean().truthy('1').falsy('0').default(true),
  DISPATCH_MAX_ATTEMPTS: Joi.number().integer().min(1).max(20).default(6),
  DISPATCH_BASE_DELAY_SECONDS: Joi.number().min(0.1).max(600).default(5),
  DISPATCH_LEASE_SECONDS: Joi.number().integer().min(10).max(3600).default(120),
  DISPATCH_POLL_SECONDS: Joi.number().min(1).max(600).default(10),
  DISPATCH_GIVE_WAY_SECONDS: Joi.number().min(0).max(120).default(10),
  PROVIDER_TIMEOUT_SECONDS: Joi.number().min(0.1).max(120).default(15),
})
  .unknown(true)
  // Without DATABASE_URL the embedded PostgreSQL is used, and it has its own owner.
  .with('MIGRATION_DATABASE_URL', 'DATABASE_URL')
  .messages({
    'object.with': "MIGRATION_DATABASE_URL is set but DATABASE_URL is not: set DATABASE_URL to the service's own role",
  });

export class ConfigError extends Error {}

/** Not a secret: used only when NODE_ENV=development and TWILIO_AUTH_TOKEN is unset. */
export const DEV_TWILIO_AUTH_TOKEN = 'development-only-twilio-auth-token';

export function loadConfig(environment: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable (FOO=) means "not set", as in most deployment tools.
  const present = Object.fromEntries(Object.entries(environment).filter(([, value]) => value !== ''));
  const { value: v, error } = schema.validate(present, { abortEarly: false, convert: true });
  if (error) {
    throw new ConfigError(`The environment is not valid:\n${error.details.map((d) => `  - ${d.message}`).join('\n')}`);
  }
  const env = v.NODE_ENV as Config['env'];
  const port = v.PORT as number;
  const host = v.HOST as string;
  return {
    env,
    port,
    host,
    databaseUrl: v.DATABASE_URL,
    migrationDatabaseUrl: v.MIGRATION_DATABASE_URL,
    embeddedDataDir: v.EMBEDDED_PG_DIR,
    embeddedPort: v.EMBEDDED_PG_PORT,
    publicBaseUrl: (v.PUBLIC_BASE_URL ?? `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`).replace(
      /\/$/,
      '',
    ),
    sessionSecret: v.SESSION_SECRET ?? randomBytes(32).toString('hex'),
    sessionSecretGenerated: !v.SESSION_SECRET,
    demoData: env === 'production' ? false : (v.DEMO_DATA ?? true),
    logLevel: v.LOG_LEVEL,
    displayTimeZone: v.DISPLAY_TIME_ZONE,
    catalogueOverridesDir: v.CATALOGUE_OVERRIDES_DIR,
    tokenTtlHours: v.TOKEN_TTL_HOURS,
    tokenRecheckMs: v.TOKEN_RECHECK_SECONDS * 1000,
    lockoutAttempts: v.LOCKOUT_ATTEMPTS,
    lockoutMinutes: v.LOCKOUT_MINUTES,
    signedLinkDays: v.SIGNED_LINK_DAYS,
    twilio: {
      accountSid: v.TWILIO_ACCOUNT_SID,
      // In development only, a known token lets `npm run demo:text` sign texts to the local webhook.
      authToken: v.TWILIO_AUTH_TOKEN ?? (env === 'development' ? DEV_TWILIO_AUTH_TOKEN : undefined),
      fromNumber: v.TWILIO_FROM_NUMBER,
      messagingServiceSid: v.TWILIO_MESSAGING_SERVICE_SID,
      voiceFromNumber: v.TWILIO_VOICE_FROM_NUMBER,
      apiBaseUrl: v.TWILIO_API_BASE_URL,
    },
    voiceRingSeconds: v.VOICE_RING_SECONDS,
    smtpUrl: v.SMTP_URL,
    mailFrom: v.MAIL_FROM,
    groupOrganizerEmail: v.GROUP_ORGANIZER_EMAIL ?? null,
    jobs: v.JOBS,
    signInRateLimit: v.SIGN_IN_RATE_LIMIT,
    webhookRateLimit: v.WEBHOOK_RATE_LIMIT,
    trustedProxies: v.TRUSTED_PROXIES,
    dispatch: {
      maxAttempts: v.DISPATCH_MAX_ATTEMPTS,
      baseDelayMs: v.DISPATCH_BASE_DELAY_SECONDS * 1000,
      leaseMs: v.DISPATCH_LEASE_SECONDS * 1000,
      pollMs: v.DISPATCH_POLL_SECONDS * 1000,
      giveWayMs: v.DISPATCH_GIVE_WAY_SECONDS * 1000,
      sendTimeoutMs: v.PROVIDER_TIMEOUT_SECONDS * 1000,
    },
  };
}
