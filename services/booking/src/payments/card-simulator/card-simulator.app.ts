import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import express, { type Request, type Response } from 'express';
import { z } from 'zod';
import type { Db, Queryable } from '@tripwise/platform/db';
import {
  findAnswer,
  findIntent,
  insertIntent,
  insertRefund,
  intentsWithMetadata,
  keepAnswer,
  lockIntent,
  updateIntent,
  type IntentRow,
} from './card-simulator.repository.ts';
import { cardBrand, outcomeFor } from './test-cards.ts';

/** An answer the way a card processor's API gives it: an HTTP status and a JSON body. */
interface Answer {
  status: number;
  body: unknown;
}

class Refusal extends Error {
  readonly status: number;
  readonly body: unknown;
  /** Server errors are not kept for the idempotency key: a retry runs again. */
  readonly keep: boolean;
  constructor(status: number, body: unknown, keep = status < 500) {
    super('refused');
    this.status = status;
    this.body = body;
    this.keep = keep;
  }
}

const invalid = (message: string, code = 'parameter_invalid', param?: string) =>
  new Refusal(400, { error: { type: 'invalid_request_error', code, message, ...(param ? { param } : {}) } });
const missing = (id: string) =>
  new Refusal(404, {
    error: { type: 'invalid_request_error', code: 'resource_missing', message: `No such payment_intent: '${id}'` },
  });
const newId = (prefix: string) => `${prefix}_${randomBytes(12).toString('base64url')}`;

function intentJson(row: IntentRow) {
  return {
    id: row.id,
    object: 'payment_intent',
    amount: row.amount,
    amount_capturable: row.status === 'requires_capture' ? row.amount : 0,
    amount_received: row.amount_received,
    amount_refunded: row.amount_refunded,
    currency: row.currency,
    status: row.status,
    capture_method: row.capture_method,
    created: Math.floor(row.created_at.getTime() / 1000),
    description: row.description,
    metadata: row.metadata,
    latest_charge: `ch_${row.id.slice(3)}`,
    payment_method_details: {
      type: 'card',
      card: { brand: row.brand, last4: row.last4, exp_month: row.exp_month, exp_year: row.exp_year },
    },
  };
}

const metadataSchema = z.record(z.string(), z.string().max(500)).default({});
const createIntentSchema = z.object({
  amount: z.coerce.number().int().min(50).max(99_999_999),
  currency: z.string().regex(/^[a-z]{3}$/),
  capture_method: z.enum(['manual', 'automatic']).default('automatic'),
  confirm: z.literal('true'),
  description: z.string().max(1000).optional(),
  metadata: metadataSchema,
  payment_method_data: z.object({
    type: z.literal('card'),
    card: z.object({
      number: z.string(),
      exp_month: z.coerce.number().int(),
      exp_year: z.coerce.number().int(),
      cvc: z.string(),
    }),
  }),
});
const captureSchema = z.object({ amount_to_capture: z.coerce.number().int().positive().optional() });
const refundSchema = z.object({
  payment_intent: z.string().min(1),
  amount: z.coerce.number().int().positive().optional(),
  metadata: metadataSchema,
});

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body ?? {});
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw invalid(`Invalid ${issue.path.join('.')}: ${issue.message}`, 'parameter_invalid', issue.path.join('.'));
  }
  return result.data;
}

/**
 * A card processor's test mode on loopback, speaking a subset of Stripe's PaymentIntents API: form-encoded
 * requests with a secret key, Idempotency-Key on every POST, authorise (capture_method=manual) then capture or
 * cancel, refunds, and search by metadata. It approves, declines or fails per the test cards in test-cards.ts.
 */
export function createCardSimulator(db: Db, options: { secretKey: string; now?: () => Date }) {
  const now = options.now ?? (() => new Date());
  const failedOnce = new Set<string>();
  const app = express();
  app.disable('x-powered-by');
  app.use(express.urlencoded({ extended: true, limit: '20kb' }));
  app.use((req, res, next) => {
    const given = Buffer.from(/^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '');
    const expected = Buffer.from(options.secretKey);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      res.status(401).json({ error: { type: 'invalid_request_error', message: 'Invalid API Key provided.' } });
      return;
    }
    next();
  });

  /** Runs a POST once per Idempotency-Key: the first answer is kept and replayed; other parameters are refused. */
  const post = (path: string, handler: (tx: Queryable, req: Request, key: string) => Promise<Answer>) => {
    app.post(path, async (req: Request, res: Response) => {
      const key = req.header('idempotency-key') ?? newId('auto');
      const fingerprint = createHmac('sha256', options.secretKey)
        .update(`${req.path}\n${JSON.stringify(req.body ?? {})}`)
        .digest('base64url');
      const replay = async (): Promise<Answer> => {
        const kept = await findAnswer(db, key);
        if (!kept) {
          throw new Refusal(409, {
            error: { type: 'idempotency_error', message: 'A request with this key is in progress.' },
          });
        }
        if (kept.fingerprint !== fingerprint) {
          throw invalid(
            'Keys for idempotent requests can only be used with the same parameters they were first used with.',
            'idempotency_key_in_use',
          );
        }
        return { status: kept.status, body: kept.body };
      };
      let answer: Answer;
      try {
        answer = (await findAnswer(db, key))
          ? await replay()
          : await db.transaction(async (tx) => {
              let result: Answer;
              try {
                result = await handler(tx, req, key);
              } catch (err) {
                if (!(err instanceof Refusal) || !err.keep) throw err;
                result = { status: err.status, body: err.body };
              }
              if (!(await keepAnswer(tx, key, fingerprint, result.status, result.body))) {
                throw new Refusal(409, null, false);
              }
              return result;
            });
      } catch (err) {
        if (err instanceof Refusal && err.body === null) answer = await replay().catch(asAnswer);
        else answer = asAnswer(err);
      }
      res.status(answer.status).json(answer.body);
    });
  };
  const asAnswer = (err: unknown): Answer => {
    if (err instanceof Refusal) return { status: err.status, body: err.body };
    return { status: 500, body: { error: { type: 'api_error', message: 'An unexpected error occurred.' } } };
  };

  post('/v1/payment_intents', async (tx, req, key) => {
    const input = parse(createIntentSchema, req.body);
    const card = {
      number: input.payment_method_data.card.number.replace(/\s/g, ''),
      expMonth: input.payment_method_data.card.exp_month,
      expYear: input.payment_method_data.card.exp_year,
      cvc: input.payment_method_data.card.cvc,
    };
    const outcome = outcomeFor(card, now());
    if (outcome.kind === 'unavailable' && (!outcome.once || !failedOnce.has(key))) {
      failedOnce.add(key);
      throw new Refusal(outcome.once ? 500 : 503, {
        error: { type: 'api_error', message: 'The card network did not answer.' },
      });
    }
    if (outcome.kind === 'decline') {
      throw new Refusal(402, {
        error: {
          type: 'card_error',
          code: outcome.code,
          ...(outcome.declineCode ? { decline_code: outcome.declineCode } : {}),
          message: outcome.message,
          param: 'payment_method_data[card][number]',
        },
      });
    }
    const manual = input.capture_method === 'manual';
    const row = await insertIntent(tx, {
      id: newId('pi'),
      amount: input.amount,
      currency: input.currency,
      status: manual ? 'requires_capture' : 'succeeded',
      capture_method: input.capture_method,
      amount_received: manual ? 0 : input.amount,
      amount_refunded: 0,
      brand: cardBrand(card.number),
      last4: card.number.slice(-4),
      exp_month: card.expMonth,
      exp_year: card.expYear,
      description: input.description ?? null,
      metadata: input.metadata,
    });
    return { status: 200, body: intentJson(row) };
  });

  post('/v1/payment_intents/:id/capture', async (tx, req) => {
    const input = parse(captureSchema, req.body);
    const id = String(req.params.id);
    const intent = await lockIntent(tx, id);
    if (!intent) throw missing(id);
    if (intent.status !== 'requires_capture') {
      throw invalid(
        `This PaymentIntent could not be captured because it has a status of ${intent.status}.`,
        'payment_intent_unexpected_state',
      );
    }
    const amount = input.amount_to_capture ?? intent.amount;
    if (amount > intent.amount) {
      throw invalid('amount_to_capture is more than the amount authorised.', 'amount_too_large');
    }
    return {
      status: 200,
      body: intentJson(await updateIntent(tx, id, { status: 'succeeded', amount_received: amount })),
    };
  });

  post('/v1/payment_intents/:id/cancel', async (tx, req) => {
    const id = String(req.params.id);
    const intent = await lockIntent(tx, id);
    if (!intent) throw missing(id);
    if (intent.status !== 'requires_capture') {
      throw invalid(
        `You cannot cancel this PaymentIntent because it has a status of ${intent.status}.`,
        'payment_intent_unexpected_state',
      );
    }
    return { status: 200, body: intentJson(await updateIntent(tx, id, { status: 'canceled' })) };
  });

  post('/v1/refunds', async (tx, req) => {
    const input = parse(refundSchema, req.body);
    const intent = await lockIntent(tx, input.payment_intent);
    if (!intent) throw missing(input.payment_intent);
    const refundable = intent.amount_received - intent.amount_refunded;
    if (intent.status !== 'succeeded' || refundable <= 0) {
      throw invalid('This payment has no captured amount left to refund.', 'charge_already_refunded');
    }
    const amount = input.amount ?? refundable;
    if (amount > refundable) {
      throw invalid(`Refund amount is greater than what is left (${refundable}).`, 'amount_too_large');
    }
    await updateIntent(tx, intent.id, { amount_refunded: intent.amount_refunded + amount });
    const refund = await insertRefund(tx, {
      id: newId('re'),
      paymentIntent: intent.id,
      amount,
      metadata: input.metadata,
    });
    return {
      status: 200,
      body: {
        id: refund.id,
        object: 'refund',
        amount,
        currency: intent.currency,
        payment_intent: intent.id,
        status: refund.status,
      },
    };
  });

  app.get('/v1/payment_intents/search', async (req, res) => {
    const match = /^metadata\['([a-z_]+)'\]:'([^']*)'$/.exec(
      typeof req.query.query === 'string' ? req.query.query : '',
    );
    if (!match) {
      res
        .status(400)
        .json({ error: { type: 'invalid_request_error', message: "Supported: query=metadata['key']:'value'" } });
      return;
    }
    const rows = await intentsWithMetadata(db, match[1]!, match[2]!);
    res.json({ object: 'search_result', data: rows.map(intentJson), has_more: false });
  });

  app.get('/v1/payment_intents/:id', async (req, res) => {
    const row = await findIntent(db, req.params.id);
    if (!row) {
      const refusal = missing(req.params.id);
      res.status(refusal.status).json(refusal.body);
      return;
    }
    res.json(intentJson(row));
  });

  return app;
}
