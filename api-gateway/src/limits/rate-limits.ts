import type { Request, RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit, type Options } from 'express-rate-limit';
import type { Counter } from 'prom-client';
import { sendProblem, problemType } from '@tripwise/platform/errors';
import { jsonBody } from '@tripwise/platform/http';
import type { KvStore } from '@tripwise/platform/kv';
import type { Logger } from '@tripwise/platform/logger';
import { fullPath } from '../routes/upstream-table.ts';
import { KvRateLimitStore } from './kv-rate-limit.store.ts';

export interface RateLimitSettings {
  /** One minute, except in tests. */
  windowMs: number;
  readsPerMinute: number;
  writesPerMinute: number;
  /**
   * Failed sign-ins per 15 minutes from one address (half as many for one account from one address); and, counted
   * apart so failed sign-ins never block them, registrations and email-link requests per address.
   */
  authAttemptsPer15Min: number;
  aiMessagesPerMinute: number;
  bookingWritesPerMinute: number;
}

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const BOOKING_WRITE = /^\/api\/(bookings(\/.*)?|ai\/bundles\/[^/]+\/book)$/;
/** Analytics beacons have their own limits in the insights service, so they never use up a traveler's writes. */
const INSIGHTS_BEACON = /^\/api\/insights\/events$/;
const SIGN_IN = /^\/api\/auth\/(login|login\/mfa)$/;
const ACCOUNT_LINK = /^\/api\/auth\/(register|password\/forgot|password\/reset|email\/resend|email\/verify)$/;

const clientKeys = new WeakMap<Request, string>();

/**
 * Clients are counted per address; IPv6 addresses per /56, as one household or cloud tenant gets a /56. Worked out
 * once per request (Express reads X-Forwarded-For again at every `req.ip`).
 */
export const clientKey = (req: Request): string => {
  let key = clientKeys.get(req);
  if (key === undefined) {
    key = ipKeyGenerator(req.ip ?? '0.0.0.0', 56);
    clientKeys.set(req, key);
  }
  return key;
};

/**
 * A limiter that runs only where it applies: the same `skip` it is given, tested before it is entered, so each
 * request pays only for the one or two limits it is counted against (a limiter costs several awaits even to skip).
 */
const onlyWhen =
  (applies: (req: Request) => boolean, handler: RequestHandler): RequestHandler =>
  (req, res, next) =>
    applies(req) ? handler(req, res, next) : next();

/** The email in an auth request's body, lower-cased, so one account is limited however the address is typed. */
function emailOf(req: Request): string | undefined {
  const email: unknown = (req.body as { email?: unknown } | undefined)?.email;
  return typeof email === 'string' ? email.trim().toLowerCase() : undefined;
}

/**
 * The gateway's limits, all with draft-8 RateLimit headers and a 429 problem+json with Retry-After. Reads fail
 * open when the store is down (browsing goes on); writes and every auth attempt fail closed (nothing unlimited
 * reaches a password check).
 */
export function rateLimits(
  kv: KvStore,
  settings: RateLimitSettings,
  rejected: Counter<'limiter'>,
  logger: Logger,
): { perClient: RequestHandler[]; perUser: RequestHandler[] } {
  const erlLogger = {
    error: (err: unknown, message?: string) => logger.warn(message ?? 'rate limiter error', { err }),
    warn: (err: unknown, message?: string) => logger.warn(message ?? 'rate limiter warning', { err }),
  };
  const limiter = (name: string, options: Partial<Options>): RequestHandler =>
    rateLimit({
      windowMs: settings.windowMs,
      standardHeaders: 'draft-8',
      legacyHeaders: false,
      identifier: name,
      keyGenerator: clientKey,
      store: new KvRateLimitStore(kv, name),
      logger: erlLogger,
      handler: (req, res, _next, opts) => {
        rejected.inc({ limiter: name });
        const info = (req as Request & { rateLimit?: { resetTime?: Date } }).rateLimit;
        const resetAt = info?.resetTime?.getTime() ?? Date.now() + opts.windowMs;
        const retryAfter = Math.max(1, Math.ceil((resetAt - Date.now()) / 1000));
        const detail = `Too many requests (${name}). Try again in ${retryAfter} s.`;
        sendProblem(
          res,
          { type: problemType('rate-limited'), title: 'Too many requests', status: 429, detail },
          req.originalUrl,
          {
            'Retry-After': String(retryAfter),
          },
        );
      },
      ...options,
    });

  const isRead = (req: Request) => READ_METHODS.has(req.method);
  const isSignIn = (req: Request) => req.method === 'POST' && SIGN_IN.test(fullPath(req));
  const isAccountLink = (req: Request) => req.method === 'POST' && ACCOUNT_LINK.test(fullPath(req));
  // The sign-in limiter needs the email, so these few small bodies are read here (depth-bounded) and re-sent upstream.
  const readAuthBody = jsonBody({ limit: '16kb' });
  const perAccountAndAddress = Math.max(1, Math.ceil(settings.authAttemptsPer15Min / 2));

  // Analytics beacons are limited by insights itself (per address and per tab), not as a traveler's writes.
  const isWrite = (req: Request) => !isRead(req) && !INSIGHTS_BEACON.test(fullPath(req));
  const isChat = (req: Request) => req.method === 'POST' && fullPath(req) === '/api/ai/chat' && !!req.identity;
  const isBookingWrite = (req: Request) => !isRead(req) && BOOKING_WRITE.test(fullPath(req)) && !!req.identity;
  const isSignInWithEmail = (req: Request) => isSignIn(req) && emailOf(req) !== undefined;

  return {
    // Before the token check: by address, so floods are turned away before any signature is checked.
    perClient: [
      onlyWhen(
        isRead,
        limiter('reads', { limit: settings.readsPerMinute, skip: (req) => !isRead(req), passOnStoreError: true }),
      ),
      onlyWhen(isWrite, limiter('writes', { limit: settings.writesPerMinute, skip: isRead, passOnStoreError: false })),
      onlyWhen(isSignIn, readAuthBody),
      // OWASP's lock-out advice: count failures (a success gives its attempt back) per address and per (account,
      // address) pair, never per account alone, so nobody elsewhere can keep an account's owner out. The auth
      // service adds progressive delays per account for addresses it has not seen that account sign in from.
      onlyWhen(
        isSignIn,
        limiter('sign-in-ip', {
          windowMs: 15 * settings.windowMs,
          limit: settings.authAttemptsPer15Min,
          skipSuccessfulRequests: true,
          skip: (req) => !isSignIn(req),
        }),
      ),
      onlyWhen(
        isSignInWithEmail,
        limiter('sign-in-account-ip', {
          windowMs: 15 * settings.windowMs,
          limit: perAccountAndAddress,
          skipSuccessfulRequests: true,
          skip: (req) => !isSignInWithEmail(req),
          keyGenerator: (req) => `${emailOf(req)!} ${clientKey(req)}`,
        }),
      ),
      // Registrations and email links have their own count: failed sign-ins never block a password reset.
      onlyWhen(
        isAccountLink,
        limiter('account-links-ip', {
          windowMs: 15 * settings.windowMs,
          limit: settings.authAttemptsPer15Min,
          skip: (req) => !isAccountLink(req),
        }),
      ),
    ],
    // After it: by verified user, whatever address they come from.
    perUser: [
      onlyWhen(
        isChat,
        limiter('ai-messages', {
          limit: settings.aiMessagesPerMinute,
          skip: (req) => !isChat(req),
          keyGenerator: (req) => `user:${req.identity!.userId}`,
        }),
      ),
      onlyWhen(
        isBookingWrite,
        limiter('booking-writes', {
          limit: settings.bookingWritesPerMinute,
          // Every way to book shares this count: the bookings API and the AI concierge's booking of a bundle.
          skip: (req) => !isBookingWrite(req),
          keyGenerator: (req) => `user:${req.identity!.userId}`,
        }),
      ),
    ],
  };
}
