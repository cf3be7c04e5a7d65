import { ApiError } from '@tripwise/web-session';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { asSentence, errorText } from '../ui/error-text.ts';
import type { Checked, FieldErrors } from './form-model.ts';

/**
 * The state of a listing form: the draft, its field errors (from the shared schema before sending, or from the
 * API's problem+json after), and the submit that checks first. After a refused submit the first invalid input
 * takes the focus, so keyboard and screen-reader users land on what to fix.
 */
export function useListingForm<Draft, Body>(
  initial: Draft,
  check: (draft: Draft) => Checked<Body>,
  send: (body: Body) => Promise<unknown>,
) {
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const form = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (attempt > 0) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [attempt]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = check(draft);
    if (!checked.ok) {
      setErrors(checked.errors);
      setFormError(`Please correct the ${Object.keys(checked.errors).length === 1 ? 'field' : 'fields'} marked below.`);
      setAttempt((n) => n + 1);
      return;
    }
    setErrors({});
    setFormError(null);
    setPending(true);
    try {
      await send(checked.body);
    } catch (err) {
      if (err instanceof ApiError && err.fieldErrors.length > 0) {
        setErrors(Object.fromEntries(err.fieldErrors.map((e) => [e.field, e.message])));
        setFormError('Please correct the fields marked below.');
        setAttempt((n) => n + 1);
      } else {
        setFormError(errorText(err));
      }
    } finally {
      setPending(false);
    }
  };

  return {
    draft,
    setDraft,
    /** A setter for one top-level field of the draft. */
    set:
      <K extends keyof Draft>(key: K) =>
      (value: Draft[K]) =>
        setDraft((d) => ({ ...d, [key]: value })),
    /** The message for one field, as a sentence. */
    error: (field: string) => (errors[field] ? asSentence(errors[field]) : undefined),
    errors,
    formError,
    pending,
    submit,
    form,
  };
}
