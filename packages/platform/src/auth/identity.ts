import { z } from 'zod';

export const ROLES = ['traveler', 'owner', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** The claims every Tripwise access token carries (issued by the auth service). */
export const accessTokenClaimsSchema = z.object({
  sub: z.string().min(1),
  sid: z.string().min(1),
  jti: z.string().min(1),
  role: z.enum(ROLES),
  amr: z.array(z.string()).default([]),
  auth_time: z.number().int().optional(),
  /** Whether the account's email address was confirmed when this token was issued (absent: not confirmed). */
  email_verified: z.boolean().optional(),
  exp: z.number().int(),
});

/** Who is calling, as proven by a verified access token. Never built from anything else. */
export interface Identity {
  userId: string;
  sessionId: string;
  tokenId: string;
  role: Role;
  amr: string[];
  authTime: number | undefined;
  /** The account's email address was confirmed when the token was issued; booking needs it (refresh to update). */
  emailVerified?: boolean;
  /** Seconds since the epoch. */
  expiresAt: number;
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- Express's own augmentation point
  namespace Express {
    interface Request {
      /** Set by requireAuth after the access token was verified. */
      identity?: Identity;
    }
  }
}
