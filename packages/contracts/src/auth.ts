import { CABINS, CAR_CLASSES } from './vocabulary.ts';
import { z } from 'zod';
import { phoneSchema, stateSchema, zipSchema } from './contact.ts';

/** Emails compare without regard to case or surrounding spaces. */
export const emailSchema = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email({ error: 'a valid email address' }))
  .transform((email) => email.toLowerCase());

/** Length is checked here; the service also refuses common passwords and ones containing the email. */
export const newPasswordSchema = z
  .string()
  .min(8, { error: 'at least 8 characters' })
  .max(128, { error: 'at most 128 characters' });

/** Existing passwords are only length-capped, so an old shorter one can still sign in. */
export const passwordInputSchema = z.string().min(1, { error: 'required' }).max(256);

export const SELF_SERVICE_ROLES = ['traveler', 'owner'] as const;

export const registerRequestSchema = z.strictObject({
  email: emailSchema,
  password: newPasswordSchema,
  role: z.enum(SELF_SERVICE_ROLES).default('traveler'),
  firstName: z.string().trim().min(1).max(100).optional(),
  lastName: z.string().trim().min(1).max(100).optional(),
});

export const loginRequestSchema = z.strictObject({ email: emailSchema, password: passwordInputSchema });

/** A TOTP code (6 digits) or a backup code (10 characters, dashes and spaces ignored). */
export const secondFactorCodeSchema = z
  .string()
  .trim()
  .transform((code) => code.replace(/[\s-]/g, '').toUpperCase())
  .pipe(z.string().regex(/^(\d{6}|[A-Z2-7]{10})$/, { error: 'a 6-digit code or a 10-character backup code' }));

export const mfaLoginRequestSchema = z.strictObject({
  challengeId: z.string().min(1).max(200),
  code: secondFactorCodeSchema,
});

const preferenceFields = {
  homeAirport: z.string().regex(/^[A-Z]{3}$/, { error: 'an airport code such as BOS' }),
  cabin: z.enum(CABINS),
  seat: z.enum(['aisle', 'window', 'no_preference']),
  currency: z.string().regex(/^[A-Z]{3}$/, { error: 'an ISO 4217 currency code such as USD' }),
  hotelStarsMin: z.number().int().min(1).max(5),
  carType: z.enum(CAR_CLASSES),
  dealAlerts: z.boolean(),
};

const nullable = <T extends z.ZodType>(schema: T) => schema.nullable().optional();

/** The saved preferences: each one is set or absent. */
export const preferencesSchema = z.strictObject(preferenceFields).partial();

type PreferenceFields = typeof preferenceFields;

/** A change of preferences: the ones named are set, a null removes one, the others stay as they are. */
export const preferencesPatchSchema = z.strictObject(
  Object.fromEntries(Object.entries(preferenceFields).map(([name, schema]) => [name, nullable(schema)])) as unknown as {
    [K in keyof PreferenceFields]: z.ZodOptional<z.ZodNullable<PreferenceFields[K]>>;
  },
);

/** Every profile attribute can be changed; null clears it. Email, role and password have their own flows. */
export const profilePatchSchema = z.strictObject({
  firstName: nullable(z.string().trim().min(1).max(100)),
  lastName: nullable(z.string().trim().min(1).max(100)),
  address: nullable(z.string().trim().min(1).max(200)),
  city: nullable(z.string().trim().min(1).max(100)),
  state: nullable(stateSchema),
  zip: nullable(zipSchema),
  phone: nullable(phoneSchema),
  profileImageUrl: nullable(z.url({ protocol: /^https$/, error: 'an https URL' }).max(2048)),
  preferences: preferencesPatchSchema.optional(),
});

export type RegisterRequest = z.infer<typeof registerRequestSchema>;
export type ProfilePatch = z.infer<typeof profilePatchSchema>;
export type Preferences = z.infer<typeof preferencesSchema>;
