// The checkout form's values (plain strings, as typed) and the checks run before anything is sent.
import { cardNumberError, cvcError, digitsOf, expiryError, parseExpiry } from './card-rules.ts';

export interface Needs {
  passengers: number;
  leadGuest: boolean;
  driver: boolean;
}

export type FormValues = Record<string, string>;
export type FormErrors = Record<string, string | undefined>;

const NAME = /^\p{L}[\p{L}\p{M}' .-]*$/u;
const nameError = (v: string | undefined) =>
  !v?.trim() ? 'Required.' : NAME.test(v.trim()) ? undefined : 'Use letters, spaces, apostrophes, dots and hyphens.';
const dobError = (v: string | undefined) =>
  !v
    ? 'Enter the date of birth.'
    : v >= new Date().toISOString().slice(0, 10)
      ? 'A date of birth is in the past.'
      : undefined;

/** Field names of the people the items need: passengers p0…, the lead guest, the driver. */
export function personFields(needs: Needs): string[] {
  const fields: string[] = [];
  for (let i = 0; i < needs.passengers; i++) fields.push(`p${i}.firstName`, `p${i}.lastName`, `p${i}.dateOfBirth`);
  if (needs.leadGuest) fields.push('lead.firstName', 'lead.lastName');
  if (needs.driver) fields.push('driver.firstName', 'driver.lastName', 'driver.dateOfBirth', 'driver.licenseNumber');
  return fields;
}

export function fieldError(name: string, values: FormValues): string | undefined {
  const v = values[name] ?? '';
  if (name.endsWith('firstName') || name.endsWith('lastName')) return nameError(v);
  if (name.endsWith('dateOfBirth')) return dobError(v);
  switch (name) {
    case 'driver.licenseNumber':
      return /^[A-Za-z0-9-]{4,20}$/.test(v.trim())
        ? undefined
        : 'A licence number has 4 to 20 letters, digits or dashes.';
    case 'email':
      return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.trim())
        ? undefined
        : 'Enter an email address such as ada@example.com.';
    case 'phone':
      return digitsOf(v).replace(/[().+]/g, '').length >= 8
        ? undefined
        : 'Enter a phone number with its country code, e.g. +1 617 555 0100.';
    case 'cardNumber':
      return cardNumberError(v);
    case 'cardExpiry':
      return expiryError(v);
    case 'cardCvc':
      return cvcError(v, values.cardNumber ?? '');
    case 'cardName':
    case 'line1':
    case 'city':
      return v.trim() ? undefined : 'Required.';
    case 'state':
      return (values.country ?? 'US').toUpperCase() !== 'US' || v.trim() ? undefined : 'Enter the state (e.g. MA).';
    case 'postalCode':
      if ((values.country ?? 'US').toUpperCase() === 'US') {
        return /^\d{5}(-\d{4})?$/.test(v.trim()) ? undefined : 'A ZIP code: 12345 or 12345-6789.';
      }
      return v.trim() ? undefined : 'Required.';
    case 'country':
      return /^[A-Za-z]{2}$/.test(v.trim()) ? undefined : 'A two-letter country code such as US.';
    default:
      return undefined;
  }
}

export const PAYMENT_FIELDS = [
  'email',
  'phone',
  'cardNumber',
  'cardExpiry',
  'cardCvc',
  'cardName',
  'line1',
  'city',
  'state',
  'postalCode',
  'country',
];

export function validate(needs: Needs, values: FormValues): FormErrors {
  const errors: FormErrors = {};
  for (const name of [...personFields(needs), ...PAYMENT_FIELDS]) {
    const error = fieldError(name, values);
    if (error) errors[name] = error;
  }
  return errors;
}

export const passengersOf = (needs: Needs, v: FormValues) =>
  Array.from({ length: needs.passengers }, (_, i) => ({
    firstName: v[`p${i}.firstName`]!.trim(),
    lastName: v[`p${i}.lastName`]!.trim(),
    dateOfBirth: v[`p${i}.dateOfBirth`]!,
  }));

export const leadGuestOf = (v: FormValues) => ({
  firstName: v['lead.firstName']!.trim(),
  lastName: v['lead.lastName']!.trim(),
});

export const driverOf = (v: FormValues) => ({
  firstName: v['driver.firstName']!.trim(),
  lastName: v['driver.lastName']!.trim(),
  dateOfBirth: v['driver.dateOfBirth']!,
  licenseNumber: v['driver.licenseNumber']!.trim(),
});

export function contactAndPaymentOf(v: FormValues) {
  const expiry = parseExpiry(v.cardExpiry ?? '')!;
  const line2 = v.line2?.trim();
  return {
    contact: { email: v.email!.trim(), phone: v.phone!.trim() },
    payment: {
      card: {
        number: digitsOf(v.cardNumber!),
        expMonth: expiry.month,
        expYear: expiry.year,
        cvc: v.cardCvc!,
        holderName: v.cardName!.trim(),
      },
      billingAddress: {
        line1: v.line1!.trim(),
        ...(line2 ? { line2 } : {}),
        city: v.city!.trim(),
        state: v.state?.trim() || undefined,
        postalCode: v.postalCode!.trim(),
        country: v.country!.trim().toUpperCase(),
      },
    },
  };
}

/** Which server field name (from a 400's `errors`) belongs to which input. */
export const SERVER_FIELD: Record<string, string> = {
  cardNumber: 'card.number',
  cardExpiry: 'card.expYear',
  cardCvc: 'card.cvc',
  cardName: 'card.holderName',
  email: 'contact.email',
  phone: 'contact.phone',
  line1: 'billingAddress.line1',
  city: 'billingAddress.city',
  state: 'billingAddress.state',
  postalCode: 'billingAddress.postalCode',
  country: 'billingAddress.country',
  'driver.dateOfBirth': 'driver.dateOfBirth',
  'driver.licenseNumber': 'driver.licenseNumber',
};
