// The profile form's text values, the patch they make, and the checks the browser can make before sending. State,
// ZIP and phone use the very schemas the server uses; everything else the server checks, and its answer is shown
// next to the field it names.
import { phoneSchema, stateSchema, zipSchema, type Preferences, type ProfilePatch } from '@tripwise/contracts';
import type { Account } from './account-api.ts';
import { asSentence } from './error-text.ts';

export const PROFILE_TEXT_FIELDS = [
  'firstName',
  'lastName',
  'address',
  'city',
  'state',
  'zip',
  'phone',
  'profileImageUrl',
] as const;
export const PREFERENCE_FIELDS = ['homeAirport', 'cabin', 'seat', 'currency', 'hotelStarsMin', 'carType'] as const;

type TextField = (typeof PROFILE_TEXT_FIELDS)[number];
type PreferenceField = (typeof PREFERENCE_FIELDS)[number];
export type ProfileDraft = Record<TextField | PreferenceField, string> & { dealAlerts: boolean };

export function draftOf(account: Account): ProfileDraft {
  const prefs: Preferences = account.preferences ?? {};
  const text = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');
  return {
    ...(Object.fromEntries(PROFILE_TEXT_FIELDS.map((f) => [f, text(account[f])])) as Record<TextField, string>),
    ...(Object.fromEntries(PREFERENCE_FIELDS.map((f) => [f, text(prefs[f])])) as Record<PreferenceField, string>),
    dealAlerts: prefs.dealAlerts ?? false,
  };
}

/** Blank clears a profile attribute or a preference (null); the server merges preferences into what is saved. */
export function patchOf(draft: ProfileDraft): ProfilePatch {
  const patch: Record<string, unknown> = {};
  for (const field of PROFILE_TEXT_FIELDS) patch[field] = draft[field].trim() || null;
  const preferences: Record<string, unknown> = { dealAlerts: draft.dealAlerts };
  for (const field of PREFERENCE_FIELDS) {
    const value = draft[field].trim();
    preferences[field] = value ? (field === 'hotelStarsMin' ? Number(value) : value) : null;
  }
  patch.preferences = preferences;
  return patch;
}

const CHECKED = { state: stateSchema, zip: zipSchema, phone: phoneSchema } as const;

/** Problems the browser can see, by field, worded as the server would word them. */
export function draftProblems(draft: ProfileDraft): Partial<Record<keyof ProfileDraft, string>> {
  const problems: Partial<Record<keyof ProfileDraft, string>> = {};
  for (const [field, schema] of Object.entries(CHECKED) as [
    keyof typeof CHECKED,
    (typeof CHECKED)[keyof typeof CHECKED],
  ][]) {
    const value = draft[field].trim();
    if (!value) continue;
    const result = schema.safeParse(value);
    if (!result.success) problems[field] = asSentence(result.error.issues[0]?.message ?? 'a valid value');
  }
  return problems;
}
