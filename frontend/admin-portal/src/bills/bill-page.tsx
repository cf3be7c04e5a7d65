import { useQuery } from '@tanstack/react-query';
import { api, ApiError } from '@tripwise/web-session';
import { Link, useParams } from 'react-router';
import { formatInstant, formatMoney, type Money } from '../ui/format.ts';
import { usePageTitle } from '../ui/page-title.ts';
import { ErrorState, Loading } from '../ui/states.tsx';
import { TableFrame } from '../ui/table-frame.tsx';
import type { Bill } from './bill-types.ts';

interface BookingBilling {
  id: string;
  status: string;
  billing: { billingNumber: string; kind: string; amount: Money; billedAt: string }[];
}

/** The booking's other records (a refund of this payment, the payment a refund returns). */
function Related({ bill }: { bill: Bill }) {
  const booking = useQuery({
    queryKey: ['booking', bill.bookingId],
    queryFn: ({ signal }) => api<BookingBilling>(`/api/bookings/${bill.bookingId}`, { signal }),
  });
  if (booking.isPending) return <Loading label="Loading the booking's records" rows={1} />;
  if (booking.isError) {
    return <ErrorState error={booking.error} retry={() => void booking.refetch()} what="The booking's records" />;
  }
  const others = booking.data.billing.filter((b) => b.billingNumber !== bill.billingNumber);
  return (
    <section className="no-print" aria-labelledby="related-title">
      <h2 id="related-title">Other records of this booking</h2>
      <p>
        Booking <code>{booking.data.id}</code> is {booking.data.status}.
      </p>
      {others.length === 0 ? (
        <p className="muted">None: no refund or other payment.</p>
      ) : (
        <ul>
          {others.map((b) => (
            <li key={b.billingNumber}>
              <Link to={`/bills/${b.billingNumber}`}>{b.billingNumber}</Link>: {b.kind} of {formatMoney(b.amount)},{' '}
              {formatInstant(b.billedAt)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Receipt({ bill }: { bill: Bill }) {
  const to = bill.invoice.billTo;
  const address = to?.address;
  const money = (amount: number) => formatMoney({ amount, currency: bill.amount.currency });
  return (
    <article className="card receipt" aria-labelledby="receipt-title">
      <h2 id="receipt-title">
        Tripwise {bill.kind === 'refund' ? 'refund receipt' : 'receipt'} {bill.billingNumber}
      </h2>
      <dl className="facts">
        <dt>Date</dt>
        <dd>{formatInstant(bill.billedAt)}</dd>
        <dt>Billed to</dt>
        <dd>
          {to?.name ?? '—'}
          {to?.email && <> · {to.email}</>}
          {address && (
            <>
              <br />
              {[address.line1, address.line2, address.city, address.state, address.postalCode, address.country]
                .filter(Boolean)
                .join(', ')}
            </>
          )}
        </dd>
        <dt>Paid with</dt>
        <dd>{bill.method}</dd>
        <dt>Status</dt>
        <dd data-testid="bill-status">{bill.status}</dd>
        <dt>Booking</dt>
        <dd>
          {bill.bookingType}, <code>{bill.bookingId}</code>
        </dd>
        <dt>Traveler</dt>
        <dd>
          <Link to={`/users/${bill.userId}`}>{bill.userId}</Link>
        </dd>
        {bill.transaction && (
          <>
            <dt>Card transaction</dt>
            <dd>
              {bill.transaction.status}, <code>{bill.transaction.processorId}</code>, captured{' '}
              {formatInstant(bill.transaction.capturedAt)}
              {bill.transaction.refundedAt && <>, refunded {formatInstant(bill.transaction.refundedAt)}</>}
            </dd>
          </>
        )}
        {bill.refunds && bill.refunds.length > 0 && (
          <>
            <dt>Refunds</dt>
            <dd>
              {bill.refunds.map((r) => (
                <span key={r.billingNumber}>
                  <Link to={`/bills/${r.billingNumber}`}>{r.billingNumber}</Link> {formatMoney(r.amount)} (
                  {formatInstant(r.billedAt)}){' '}
                </span>
              ))}
            </dd>
          </>
        )}
        {bill.refundOf && (
          <>
            <dt>Refund of</dt>
            <dd>
              <Link to={`/bills/${bill.refundOf}`}>{bill.refundOf}</Link>
            </dd>
          </>
        )}
      </dl>
      <TableFrame label="Receipt lines">
        <table>
          <thead>
            <tr>
              <th scope="col">Item</th>
              <th scope="col">Dates</th>
              <th scope="col" className="num">
                Qty
              </th>
              <th scope="col" className="num">
                Unit price
              </th>
              <th scope="col" className="num">
                Amount
              </th>
            </tr>
          </thead>
          <tbody>
            {bill.invoice.lines.map((line, i) => (
              <tr key={i}>
                <th scope="row">{line.description}</th>
                <td>{line.dates}</td>
                <td className="num">
                  {line.quantity}
                  {line.units > 1 ? ` × ${line.units}` : ''}
                </td>
                <td className="num">{money(line.unitPrice)}</td>
                <td className="num">{money(line.amount)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={4}>
                Subtotal
              </th>
              <td className="num">{formatMoney(bill.subtotal)}</td>
            </tr>
            {[...bill.taxes, ...bill.fees].map((line) => (
              <tr key={line.label}>
                <th scope="row" colSpan={4}>
                  {line.label}
                </th>
                <td className="num">{formatMoney(line.amount)}</td>
              </tr>
            ))}
            <tr>
              <th scope="row" colSpan={4}>
                {bill.kind === 'refund' ? 'Refunded' : 'Total paid'}
              </th>
              <td className="num">
                <strong data-testid="bill-amount">{formatMoney(bill.amount)}</strong>
              </td>
            </tr>
          </tfoot>
        </table>
      </TableFrame>
    </article>
  );
}

/** One bill: the receipt (printable: the portal around it does not print) and the booking's other records. */
export function BillPage() {
  const { billingNumber = '' } = useParams();
  usePageTitle(`Bill ${billingNumber}`);
  const bill = useQuery({
    queryKey: ['bill', billingNumber],
    queryFn: ({ signal }) => api<Bill>(`/api/billing/${encodeURIComponent(billingNumber)}`, { signal }),
  });
  if (bill.isPending) return <Loading label="Loading the bill" />;
  if (bill.isError) {
    if (bill.error instanceof ApiError && (bill.error.status === 404 || bill.error.status === 400)) {
      return (
        <section className="empty-state" role="alert">
          <h1>Bill not found</h1>
          <p>
            There is no bill {billingNumber}. <Link to="/bills">Search the bills</Link>
          </p>
        </section>
      );
    }
    return <ErrorState error={bill.error} retry={() => void bill.refetch()} what="The bill" />;
  }
  const month = bill.data.billingNumber.slice(3, 9);
  return (
    <>
      <p className="no-print">
        <Link to={`/bills?month=${month.slice(0, 4)}-${month.slice(4)}`}>← Bills</Link>
      </p>
      <div className="page-head">
        <h1>Bill {bill.data.billingNumber}</h1>
        <button type="button" className="secondary no-print" onClick={() => window.print()}>
          Print receipt
        </button>
      </div>
      <Receipt bill={bill.data} />
      <Related bill={bill.data} />
    </>
  );
}
