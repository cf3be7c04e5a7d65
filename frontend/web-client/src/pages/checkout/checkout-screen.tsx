import { useState, type FormEvent, type ReactNode } from 'react';
import { ApiError, messageOf } from '../../api/api-error.ts';
import { useSession } from '../../session/use-session.ts';
import { FormError } from '../../ui/field.tsx';
import { CheckoutFields } from './checkout-fields.tsx';
import { SERVER_FIELD, validate, type FormErrors, type FormValues, type Needs } from './checkout-form.ts';
import { Confirmation } from './confirmation.tsx';
import { cardDeclinedText } from './declined.ts';
import { useBookingAttempt } from './use-booking-attempt.ts';

interface Props {
  needs: Needs;
  /** Where the booking goes: POST /api/bookings, or an AI bundle's book route. */
  path: string;
  buildBody: (values: FormValues) => unknown;
  summary: ReactNode;
  /** How to explain a 409 (sold out or price changed) and what to offer instead; the form stays as filled in. */
  conflict: (error: ApiError, bookWith: (build: (values: FormValues) => unknown) => void) => ReactNode;
}

function initialValues(
  needs: Needs,
  user: { email: string; firstName?: string | null; lastName?: string | null } | null,
): FormValues {
  const first = user?.firstName ?? '';
  const last = user?.lastName ?? '';
  const values: FormValues = { email: user?.email ?? '', country: 'US' };
  if (needs.passengers > 0) Object.assign(values, { 'p0.firstName': first, 'p0.lastName': last });
  if (needs.leadGuest) Object.assign(values, { 'lead.firstName': first, 'lead.lastName': last });
  if (needs.driver) Object.assign(values, { 'driver.firstName': first, 'driver.lastName': last });
  return values;
}

/** Server-named field errors placed next to their inputs (a declined card shows at the card number). */
function serverErrors(error: unknown): FormErrors {
  if (!(error instanceof ApiError)) return {};
  const found: FormErrors = {};
  for (const [input, field] of Object.entries(SERVER_FIELD)) {
    const message = error.forField(field);
    if (message) found[input] = message;
  }
  if (error.status === 402) {
    found.cardNumber = `Declined: ${error.forField('payment.card') ?? 'the bank refused this card'}. Try another card.`;
  }
  return found;
}

/**
 * The checkout form and what follows it: inline checks as each field is left, one booking attempt per submit
 * (the button is disabled while it runs), then the confirmation, or the problem explained next to what fixes it.
 */
export function CheckoutScreen({ needs, path, buildBody, summary, conflict }: Props) {
  const session = useSession();
  const [values, setValues] = useState(() =>
    initialValues(needs, session.status === 'signed-in' ? session.user : null),
  );
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [showAll, setShowAll] = useState(false);
  const attempt = useBookingAttempt(path);

  if (attempt.data) return <Confirmation booking={attempt.data} />;

  const checks = validate(needs, values);
  const fromServer = serverErrors(attempt.error);
  const shown: FormErrors = {};
  for (const [name, message] of Object.entries(checks)) if (showAll || touched.has(name)) shown[name] = message;
  Object.assign(shown, fromServer);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setShowAll(true);
    if (Object.keys(checks).length > 0) {
      // Focus the first field to fix, once React has marked it invalid.
      requestAnimationFrame(() => document.querySelector<HTMLElement>('.checkout-form [aria-invalid="true"]')?.focus());
      return;
    }
    attempt.book(buildBody(values));
  };
  const error = attempt.error;
  const isConflict = error instanceof ApiError && error.status === 409;
  const problem =
    !error || isConflict
      ? null
      : error instanceof ApiError && error.status === 402
        ? cardDeclinedText(error.forField('payment.card') ?? error.detail)
        : messageOf(error);

  return (
    <div className="checkout">
      <form className="checkout-form" onSubmit={submit} noValidate aria-label="Traveler and payment details">
        <CheckoutFields
          needs={needs}
          values={values}
          errors={shown}
          onChange={(name, value) => {
            setValues((v) => ({ ...v, [name]: value }));
            if (attempt.error) attempt.reset();
          }}
          onBlur={(name) => setTouched((t) => (t.has(name) ? t : new Set(t).add(name)))}
        />
        {isConflict && <div role="alert">{conflict(error, (build) => attempt.book(build(values)))}</div>}
        <FormError message={problem} />
        {showAll && Object.keys(checks).length > 0 && (
          <FormError message="Some details need fixing: see the highlighted fields." />
        )}
        <button type="submit" className="book-button" disabled={attempt.isPending} aria-describedby="book-note">
          {attempt.isPending ? 'Booking…' : 'Book and pay'}
        </button>
        <p id="book-note" className="muted small">
          Your card is charged once the booking is confirmed. Card details go to the payment processor only.
        </p>
      </form>
      <aside>{summary}</aside>
    </div>
  );
}
