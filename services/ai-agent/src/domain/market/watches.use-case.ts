import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { cabinSchema } from '@tripwise/contracts';
import type { Identity } from '@tripwise/platform/auth';
import type { Db } from '@tripwise/platform/db';
import { badRequest, conflict, notFound } from '@tripwise/platform/errors';
import { findBundle } from '../../data/sessions.repository.ts';
import {
  countActiveWatchesLocked,
  insertAlert,
  insertWatch,
  markDelivered,
  pendingAlerts,
  updateWatch,
  watchesOnKeys,
  type WatchRow,
} from '../../data/watches.repository.ts';
import type { EmitToUser } from '../jobs/job-events.ts';
import { flightsOf, type Bundle } from '../planning/bundle.types.ts';
import { routeKey, unitKey, type PriceEvent } from './price-event.ts';
import { crossing, observedPrice, type WatchState } from './watch.rules.ts';
import { countWatchAlert } from '../../agent.metrics.ts';

/** Each traveler watches at most this many prices at once (every price event is matched against them). */
export const MAX_WATCHES = 25;

const code = z.string().regex(/^[A-Z]{3}$/, { error: 'an airport code such as BOS' });
const cabin = cabinSchema;
export const watchInputSchema = z
  .strictObject({
    target: z.discriminatedUnion('type', [
      z.strictObject({
        type: z.literal('listing'),
        kind: z.enum(['flight', 'room', 'car']),
        listingId: z.string().regex(/^\d{1,18}$/),
        cabin: cabin.optional(),
      }),
      z.strictObject({
        type: z.literal('route'),
        origin: code,
        destination: code,
        date: z.iso.date(),
        cabin: cabin.default('economy'),
      }),
      z.strictObject({ type: z.literal('bundle'), bundleId: z.uuid() }),
    ]),
    priceBelow: z.strictObject({ amount: z.number().int().positive(), currency: z.literal('USD') }).optional(),
    inventoryBelow: z.number().int().min(1).max(100).optional(),
    /** What the traveler calls it ("Aspen Lodge, King room"): shown on their list of watches and in its alerts. */
    label: z.string().trim().min(1).max(120).optional(),
  })
  .refine((w) => w.priceBelow !== undefined || w.inventoryBelow !== undefined, {
    path: ['priceBelow'],
    message: 'give priceBelow, inventoryBelow or both',
  });
export type WatchInput = z.infer<typeof watchInputSchema>;

/** A bundle's parts whose prices move: each flight leg's seats, the car's days; the hotel as it was quoted. */
function componentsOf(bundle: Bundle): WatchState['components'] {
  const parts: NonNullable<WatchState['components']> = [];
  if (bundle.flight) {
    for (const leg of flightsOf(bundle.flight)) {
      parts.push({
        key: `flight:${leg.id}:${bundle.cabin ?? 'economy'}`,
        unitPrice: leg.price.amount,
        multiplier: leg.party,
      });
    }
  }
  if (bundle.hotel) {
    const roomTypeId = (bundle.hotel as { roomTypeId?: string }).roomTypeId;
    parts.push(
      roomTypeId
        ? {
            key: `room:${roomTypeId}:`,
            unitPrice: bundle.hotel.nightlyPrice.amount,
            multiplier: bundle.hotel.totalPrice.amount / bundle.hotel.nightlyPrice.amount,
          }
        : { key: 'fixed:hotel', unitPrice: bundle.hotel.totalPrice.amount, multiplier: 1 },
    );
  }
  if (bundle.car) {
    parts.push({
      key: `car:${bundle.car.id}:`,
      unitPrice: bundle.car.dailyPrice.amount,
      multiplier: bundle.car.totalPrice.amount / bundle.car.dailyPrice.amount,
    });
  }
  return parts;
}

export function watchView(row: WatchRow) {
  return {
    id: row.id,
    target: row.target,
    priceBelow: row.price_below === null ? null : { amount: row.price_below, currency: 'USD' },
    inventoryBelow: row.inventory_below,
    armed: row.armed,
    lastPrice: row.state.lastPrice ?? null,
    createdAt: row.created_at.toISOString(),
  };
}

/** A watch on a listing's unit, a route on a day, or one of the traveler's bundles. */
export async function createWatch(db: Db, who: Identity, input: WatchInput) {
  const t = input.target;
  let keys: string[];
  let state: WatchState = {};
  if (t.type === 'listing') {
    if (t.kind === 'flight' && !t.cabin) {
      throw badRequest('target.cabin: which cabin of the flight', [
        { in: 'body', field: 'target.cabin', message: 'required for a flight' },
      ]);
    }
    keys = [`${t.kind}:${t.listingId}:${t.kind === 'flight' ? t.cabin : ''}`];
  } else if (t.type === 'route') {
    keys = [`route:${t.origin}:${t.destination}:${t.date}:${t.cabin}`];
  } else {
    const bundle = await findBundle(db, t.bundleId, who.userId);
    if (!bundle) throw notFound('The bundle');
    state = { components: componentsOf(bundle), lastPrice: bundle.total.amount };
    keys = state.components!.map((c) => c.key).filter((k) => !k.startsWith('fixed:'));
  }
  const id = randomUUID();
  // The label travels with the target (a listing's id alone tells the traveler nothing).
  const target = input.label ? { ...t, label: input.label } : t;
  await db.transaction(async (tx) => {
    if ((await countActiveWatchesLocked(tx, who.userId)) >= MAX_WATCHES) {
      throw conflict('too-many-watches', `You watch ${MAX_WATCHES} prices already: remove one to watch another.`);
    }
    await insertWatch(
      tx,
      {
        id,
        userId: who.userId,
        target,
        priceBelow: input.priceBelow?.amount ?? null,
        inventoryBelow: input.inventoryBelow ?? null,
        state,
      },
      keys,
    );
  });
  return {
    id,
    target,
    priceBelow: input.priceBelow ?? null,
    inventoryBelow: input.inventoryBelow ?? null,
    armed: true,
  };
}

const dollars = (minor: number) => `$${Math.round(minor / 100).toLocaleString('en-US')}`;

function describe(watch: WatchRow, event: PriceEvent, price: number, left: number | null): string {
  const what =
    watch.target.type === 'bundle'
      ? 'Your trip bundle'
      : watch.target.type === 'route'
        ? `${String(watch.target.origin)}→${String(watch.target.destination)} on ${String(watch.target.date)}`
        : typeof watch.target.label === 'string'
          ? watch.target.label
          : 'The listing you watch';
  if (watch.price_below !== null && price < watch.price_below) {
    return `${what} is now ${dollars(price)}, below your ${dollars(watch.price_below)}.`;
  }
  return `${what}: only ${left ?? 0} left (you asked below ${watch.inventory_below ?? 0}).`;
}

/**
 * Judges every watch an event concerns, in one transaction (each fires once per crossing), and returns the alerts
 * it raised for delivery.
 */
export async function judgeWatches(db: Db, event: PriceEvent) {
  const keys = [unitKey(event), routeKey(event)].filter((k): k is string => k !== null);
  const left = typeof event.context.left === 'number' && event.kind === 'flight' ? event.context.left : null;
  return db.transaction(async (tx) => {
    const raised: { id: number; userId: string; payload: Record<string, unknown> }[] = [];
    for (const watch of await watchesOnKeys(tx, keys)) {
      const isRoute = watch.key.startsWith('route:');
      // A route watch re-arms only when the flight that set it off rises back.
      if (isRoute && !watch.armed && watch.state.triggeredBy && watch.state.triggeredBy !== unitKey(event)) continue;
      const seen = observedPrice(watch.state, watch.key, event.newPrice);
      const verdict = crossing(
        { priceBelow: watch.price_below, inventoryBelow: watch.inventory_below, armed: watch.armed },
        { price: seen.price, left },
      );
      const state: WatchState = {
        ...seen.state,
        ...(left !== null ? { lastLeft: left } : {}),
        ...(verdict.fire && isRoute ? { triggeredBy: unitKey(event) } : {}),
      };
      await updateWatch(tx, watch.id, verdict.armed, state);
      if (!verdict.fire) continue;
      const payload = {
        watchId: watch.id,
        target: watch.target,
        price: { amount: seen.price, currency: 'USD' },
        ...(left !== null ? { left } : {}),
        listing: { kind: event.kind, listingId: event.listingId, unit: event.unit },
        message: describe(watch, event, seen.price, left),
        at: event.at,
      };
      raised.push({
        id: await insertAlert(tx, { watchId: watch.id, userId: watch.user_id, payload }),
        userId: watch.user_id,
        payload,
      });
    }
    return raised;
  });
}

/** Sends the alerts to whoever is connected now; the rest wait for their next connection (`deliverPending`). */
export async function deliverAlerts(
  deps: { db: Db; emitToUser: EmitToUser; isOnline: (userId: string) => Promise<boolean> },
  alerts: { id: number; userId: string; payload: Record<string, unknown> }[],
) {
  const delivered: number[] = [];
  for (const alert of alerts) {
    countWatchAlert();
    if (!(await deps.isOnline(alert.userId))) continue;
    deps.emitToUser(alert.userId, 'watch:alert', { alertId: alert.id, ...alert.payload });
    delivered.push(alert.id);
  }
  await markDelivered(deps.db, delivered);
}

/** On (re)connection: the alerts raised while the traveler was away, oldest first. */
export async function deliverPending(db: Db, userId: string, send: (payload: Record<string, unknown>) => void) {
  const pending = await pendingAlerts(db, userId);
  for (const alert of pending) send({ alertId: alert.id, ...alert.payload });
  await markDelivered(
    db,
    pending.map((a) => a.id),
  );
}
