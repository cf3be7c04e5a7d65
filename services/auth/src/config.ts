import { z } from 'zod';
import { envBoolean, loadConfigOrExit, serviceEnvSchema } from '@tripwise/platform/config';

// Auth issues the access tokens and checks them with its own keys: no token-checking variables.
const schema = serviceEnvSchema(4001)
  .extend({
    /** The search service, told when an owner's account is deleted (it suspends their listings). */
    SEARCH_URL: z.url().default('http://127.0.0.1:4002'),
    /** The `iss` of every access token, and what verifiers expect. */
    TOKEN_ISSUER: z.url().default('http://localhost:8080/api/auth'),
    TOKEN_AUDIENCE: z.string().min(1).default('tripwise'),
    /** Access-token lifetime; ten minutes at most, so a revoked session's tokens die quickly. */
    ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(600).default(600),
    /** Where the signing keyset lives (generated on first start). Default: DATA_DIR/auth/keys. */
    SIGNING_KEYS_DIR: z.string().min(1).optional(),
    /** Age at which the signing key is replaced; the next key is published well before it signs. */
    SIGNING_KEY_ROTATION_DAYS: z.coerce.number().positive().default(30),
    /**
     * 32 random bytes, base64: encrypts TOTP secrets and parked successor tokens, keys backup-code hashes.
     * Default: generated on first start into DATA_DIR/auth/secrets. Several instances must share one.
     */
    AUTH_DATA_KEY: z
      .string()
      .regex(/^[A-Za-z0-9+/]{43}=$/, '32 bytes, base64-encoded')
      .optional(),
    /** How long the immediate predecessor of a refresh token still returns the same successor. */
    REFRESH_GRACE_SECONDS: z.coerce.number().int().min(0).max(30).default(20),
    /** Secure cookies; false only for plain-HTTP local development. */
    COOKIE_SECURE: envBoolean(false),
    /**
     * Attempts per client address: sign-ins per 5 minutes, sign-ups per hour, and verification or reset mails per
     * 15 minutes. The defaults suit the public internet; a test suite signing everyone up from 127.0.0.1 raises them.
     */
    LOGINS_PER_IP_PER_5_MINUTES: z.coerce.number().int().positive().default(30),
    REGISTRATIONS_PER_IP_PER_HOUR: z.coerce.number().int().positive().default(10),
    EMAIL_REQUESTS_PER_IP_PER_15_MINUTES: z.coerce.number().int().positive().default(10),
    EMAIL_LINK_USES_PER_IP_PER_15_MINUTES: z.coerce.number().int().positive().default(20),
    /** Base URL of the web client, for links in emails. */
    PUBLIC_URL: z.url().default('http://localhost:8080'),
    /** First admin, created at start-up if no account has this email. */
    ADMIN_EMAIL: z.email().optional(),
    /** Without it, the first admin gets a one-time setup link by email instead. */
    ADMIN_PASSWORD: z.string().min(12).max(256).optional(),
    /** Seed one demo account per role (embedded mode) and write their credentials to DATA_DIR/auth. */
    SEED_DEMO_ACCOUNTS: envBoolean(false),
    /** smtp://user:pass@host:port; without it mail is written as .eml files to MAIL_OUTBOX_DIR. */
    SMTP_URL: z.url().optional(),
    MAIL_FROM: z.string().min(3).default('Tripwise <no-reply@tripwise.local>'),
    /** Default: DATA_DIR/mail-outbox. */
    MAIL_OUTBOX_DIR: z.string().min(1).optional(),
  })
  .refine((env) => !(env.ADMIN_PASSWORD && !env.ADMIN_EMAIL), {
    path: ['ADMIN_PASSWORD'],
    message: 'needs ADMIN_EMAIL too',
  });

export type Config = z.infer<typeof schema>;
export const config: Config = loadConfigOrExit(schema, process.env);
