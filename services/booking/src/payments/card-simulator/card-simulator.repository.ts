import type { Queryable } from '@tripwise/platform/db';

export interface IntentRow {
  id: string;
  amount: number;
  currency: string;
  status: 'requires_capture' | 'succeeded' | 'canceled';
  capture_method: 'manual' | 'automatic';
  amount_received: number;
  amount_refunded: number;
  brand: string;
  last4: string;
  exp_month: number;
  exp_year: number;
  description: string | null;
  metadata: Record<string, string>;
  created_at: Date;
}

const INTENT_COLUMNS = `id, amount, currency, status, capture_method, amount_received, amount_refunded, brand, last4,
  exp_month, exp_year, description, metadata, created_at`;

export async function insertIntent(tx: Queryable, intent: Omit<IntentRow, 'created_at'>): Promise<IntentRow> {
  const { rows } = await tx.query<IntentRow>(
    `INSERT INTO sim_payment_intents (id, amount, currency, status, capture_method, amount_received, amount_refunded,
       brand, last4, exp_month, exp_year, description, metadata)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING ${INTENT_COLUMNS}`,
    [
      intent.id,
      intent.amount,
      intent.currency,
      intent.status,
      intent.capture_method,
      intent.amount_received,
      intent.amount_refunded,
      intent.brand,
      intent.last4,
      intent.exp_month,
      intent.exp_year,
      intent.description,
      JSON.stringify(intent.metadata),
    ],
  );
  return rows[0]!;
}

/** The intent, locked for the rest of the transaction (captures, cancels and refunds change it). */
export async function lockIntent(tx: Queryable, id: string): Promise<IntentRow | undefined> {
  const { rows } = await tx.query<IntentRow>(
    `SELECT ${INTENT_COLUMNS} FROM sim_payment_intents WHERE id = $1 FOR UPDATE`,
    [id],
  );
  return rows[0];
}

export async function findIntent(db: Queryable, id: string): Promise<IntentRow | undefined> {
  const { rows } = await db.query<IntentRow>(`SELECT ${INTENT_COLUMNS} FROM sim_payment_intents WHERE id = $1`, [id]);
  return rows[0];
}

export async function intentsWithMetadata(db: Queryable, key: string, value: string): Promise<IntentRow[]> {
  const { rows } = await db.query<IntentRow>(
    `SELECT ${INTENT_COLUMNS} FROM sim_payment_intents WHERE metadata ->> $1 = $2 ORDER BY created_at`,
    [key, value],
  );
  return rows;
}

export async function updateIntent(
  tx: Queryable,
  id: string,
  change: Partial<Pick<IntentRow, 'status' | 'amount_received' | 'amount_refunded'>>,
): Promise<IntentRow> {
  const { rows } = await tx.query<IntentRow>(
    `UPDATE sim_payment_intents SET status = coalesce($2, status), amount_received = coalesce($3, amount_received),
       amount_refunded = coalesce($4, amount_refunded) WHERE id = $1 RETURNING ${INTENT_COLUMNS}`,
    [id, change.status ?? null, change.amount_received ?? null, change.amount_refunded ?? null],
  );
  return rows[0]!;
}

export async function insertRefund(
  tx: Queryable,
  refund: { id: string; paymentIntent: string; amount: number; metadata: Record<string, string> },
) {
  const { rows } = await tx.query<{ id: string; amount: number; status: string; created_at: Date }>(
    `INSERT INTO sim_refunds (id, payment_intent, amount, status, metadata) VALUES ($1, $2, $3, 'succeeded', $4)
     RETURNING id, amount, status, created_at`,
    [refund.id, refund.paymentIntent, refund.amount, JSON.stringify(refund.metadata)],
  );
  return rows[0]!;
}

export async function findAnswer(db: Queryable, key: string) {
  const { rows } = await db.query<{ fingerprint: string; status: number; body: unknown }>(
    'SELECT fingerprint, status, body FROM sim_idempotency WHERE key = $1',
    [key],
  );
  return rows[0];
}

/** Keeps the answer to a key; false when another request with the same key got there first. */
export async function keepAnswer(tx: Queryable, key: string, fingerprint: string, status: number, body: unknown) {
  const { rowCount } = await tx.query(
    `INSERT INTO sim_idempotency (key, fingerprint, status, body) VALUES ($1, $2, $3, $4) ON CONFLICT (key) DO NOTHING
     RETURNING key`,
    [key, fingerprint, status, JSON.stringify(body)],
  );
  return rowCount > 0;
}
