import type { InputHTMLAttributes } from 'react';
import { Field } from '../../ui/field.tsx';
import { brandOf, spacedCardNumber } from './card-rules.ts';
import type { FormErrors, FormValues, Needs } from './checkout-form.ts';

interface Props {
  needs: Needs;
  values: FormValues;
  /** Errors to show now (fields the traveler has left, or all after a submit), with the server's. */
  errors: FormErrors;
  onChange: (name: string, value: string) => void;
  onBlur: (name: string) => void;
}

/** Traveler, contact, card and billing inputs, each labelled and tied to its own error. */
export function CheckoutFields({ needs, values, errors, onChange, onBlur }: Props) {
  const input = (
    name: string,
    label: string,
    extra: InputHTMLAttributes<HTMLInputElement> & { hint?: string | undefined } = {},
  ) => (
    <Field
      label={label}
      name={name}
      value={values[name] ?? ''}
      error={errors[name]}
      onChange={(e) => onChange(name, e.target.value)}
      onBlur={() => onBlur(name)}
      {...extra}
    />
  );
  const brand = brandOf(values.cardNumber ?? '');
  return (
    <>
      {Array.from({ length: needs.passengers }, (_, i) => (
        <fieldset key={i} className="card">
          <legend>{needs.passengers > 1 ? `Passenger ${i + 1}` : 'Passenger'}</legend>
          <p className="hint">As on their passport or ID.</p>
          <div className="row">
            {input(`p${i}.firstName`, 'First name', { autoComplete: i === 0 ? 'given-name' : 'off' })}
            {input(`p${i}.lastName`, 'Last name', { autoComplete: i === 0 ? 'family-name' : 'off' })}
            {input(`p${i}.dateOfBirth`, 'Date of birth', { type: 'date', autoComplete: i === 0 ? 'bday' : 'off' })}
          </div>
        </fieldset>
      ))}
      {needs.leadGuest && (
        <fieldset className="card">
          <legend>Lead guest</legend>
          <p className="hint">Who checks in at the hotel.</p>
          <div className="row">
            {input('lead.firstName', 'First name', { autoComplete: 'given-name' })}
            {input('lead.lastName', 'Last name', { autoComplete: 'family-name' })}
          </div>
        </fieldset>
      )}
      {needs.driver && (
        <fieldset className="card">
          <legend>Driver</legend>
          <div className="row">
            {input('driver.firstName', 'First name', { autoComplete: 'given-name' })}
            {input('driver.lastName', 'Last name', { autoComplete: 'family-name' })}
          </div>
          <div className="row">
            {input('driver.dateOfBirth', 'Date of birth', { type: 'date', autoComplete: 'bday' })}
            {input('driver.licenseNumber', "Driver's licence number", { autoComplete: 'off' })}
          </div>
        </fieldset>
      )}
      <fieldset className="card">
        <legend>Contact</legend>
        <div className="row">
          {input('email', 'Email', { type: 'email', autoComplete: 'email' })}
          {input('phone', 'Phone', {
            type: 'tel',
            autoComplete: 'tel',
            hint: 'With country code, e.g. +1 617 555 0100',
          })}
        </div>
      </fieldset>
      <fieldset className="card">
        <legend>Card</legend>
        {input('cardNumber', 'Card number', {
          inputMode: 'numeric',
          autoComplete: 'cc-number',
          hint: brand ?? undefined,
          onChange: (e) => onChange('cardNumber', spacedCardNumber(e.target.value)),
        })}
        <div className="row">
          {input('cardExpiry', 'Expiry (MM/YY)', {
            inputMode: 'numeric',
            autoComplete: 'cc-exp',
            placeholder: 'MM/YY',
          })}
          {input('cardCvc', 'Security code (CVC)', { inputMode: 'numeric', autoComplete: 'cc-csc', maxLength: 4 })}
        </div>
        {input('cardName', 'Name on card', { autoComplete: 'cc-name' })}
      </fieldset>
      <fieldset className="card">
        <legend>Billing address</legend>
        {input('line1', 'Address', { autoComplete: 'address-line1' })}
        {input('line2', 'Apartment, suite (optional)', { autoComplete: 'address-line2' })}
        <div className="row">
          {input('city', 'City', { autoComplete: 'address-level2' })}
          {input('state', 'State', { autoComplete: 'address-level1', hint: 'US: e.g. MA' })}
          {input('postalCode', 'ZIP or postal code', { autoComplete: 'postal-code' })}
          {input('country', 'Country code', { autoComplete: 'country', maxLength: 2, hint: 'Two letters, e.g. US' })}
        </div>
      </fieldset>
    </>
  );
}
