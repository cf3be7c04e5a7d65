import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api } from '../api/http.ts';
import { Field, FormError } from '../ui/field.tsx';
import type { Account } from './account-api.ts';
import { fieldError, formLevelMessage } from './error-text.ts';
import {
  draftOf,
  draftProblems,
  patchOf,
  PREFERENCE_FIELDS,
  PROFILE_TEXT_FIELDS,
  type ProfileDraft,
} from './profile-draft.ts';
import { PreferenceFields } from './preference-fields.tsx';
import { useAccountChanged } from './use-account.ts';

const ALL_FIELDS = [...PROFILE_TEXT_FIELDS, ...PREFERENCE_FIELDS, 'dealAlerts'] as const;

/** Every profile attribute the account keeps; the saved values come back normalised (MA, +16175550100). */
export function ProfileForm({ account }: { account: Account }) {
  const [draft, setDraft] = useState<ProfileDraft>(() => draftOf(account));
  const [problems, setProblems] = useState<Partial<Record<keyof ProfileDraft, string>>>({});
  const changed = useAccountChanged();
  const save = useMutation({
    mutationFn: (body: ReturnType<typeof patchOf>) => api<Account>('/api/auth/me', { method: 'PATCH', body }),
    onSuccess: (saved) => {
      changed(saved);
      setDraft(draftOf(saved));
    },
  });
  const set = (field: keyof ProfileDraft, value: string | boolean) => {
    setDraft((d) => ({ ...d, [field]: value }));
    setProblems((p) => ({ ...p, [field]: undefined }));
    if (save.isSuccess) save.reset();
  };
  const check = (field: keyof ProfileDraft) => setProblems((p) => ({ ...p, [field]: draftProblems(draft)[field] }));
  const errorOf = (field: keyof ProfileDraft) => problems[field] ?? fieldError(save.error, field);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = draftProblems(draft);
    setProblems(found);
    if (Object.keys(found).length === 0) save.mutate(patchOf(draft));
  };
  const text = (field: (typeof PROFILE_TEXT_FIELDS)[number]) => ({
    value: draft[field],
    onChange: (e: { target: { value: string } }) => set(field, e.target.value),
    onBlur: () => check(field),
    error: errorOf(field),
  });

  return (
    <form onSubmit={submit} noValidate aria-labelledby="profile-title" className="card">
      <h2 id="profile-title">Profile</h2>
      <div className="row">
        <Field label="First name" autoComplete="given-name" maxLength={100} {...text('firstName')} />
        <Field label="Last name" autoComplete="family-name" maxLength={100} {...text('lastName')} />
      </div>
      <Field label="Street address" autoComplete="street-address" maxLength={200} {...text('address')} />
      <div className="row">
        <Field label="City" autoComplete="address-level2" maxLength={100} {...text('city')} />
        <Field label="State" autoComplete="address-level1" hint="MA or Massachusetts" {...text('state')} />
        <Field
          label="ZIP code"
          autoComplete="postal-code"
          inputMode="numeric"
          hint="12345 or 12345-6789"
          {...text('zip')}
        />
      </div>
      <Field
        label="Phone"
        type="tel"
        autoComplete="tel"
        hint="With the country code for numbers outside the US, e.g. +44 20 7946 0000"
        {...text('phone')}
      />
      <div className="profile-photo">
        {account.profileImageUrl && <img src={account.profileImageUrl} alt="Your current profile photo" />}
        <Field
          label="Profile photo URL"
          type="url"
          hint="A link to an image, starting with https://"
          {...text('profileImageUrl')}
        />
      </div>
      <PreferenceFields draft={draft} set={set} errorOf={errorOf} />
      <FormError message={formLevelMessage(save.error, ALL_FIELDS)} />
      {save.isSuccess && (
        <p role="status" className="good">
          Profile saved.
        </p>
      )}
      <button type="submit" disabled={save.isPending}>
        {save.isPending ? 'Saving…' : 'Save profile'}
      </button>
    </form>
  );
}
