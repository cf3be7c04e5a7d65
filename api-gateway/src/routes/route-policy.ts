import type { Role } from '@tripwise/platform/auth';

/** Who may call a route: anyone, any signed-in user, owners (and admins), or admins only. */
export type Access = 'public' | 'user' | 'owner' | 'admin';

interface PolicyRule {
  methods?: readonly string[];
  /** Anchored: the whole path must match. */
  path: RegExp;
  access: Access;
}

const READ = ['GET', 'HEAD'] as const;
const HEALTH = /^\/api\/[a-z]+\/(health|ready)$/;

/**
 * The one table of who may call what, first match wins. Services check again (defence in depth); this is where
 * a stranger is turned away before any service spends a cycle on them. Anything under /api not listed needs a
 * signed-in user: a new route is closed until someone opens it here.
 */
export const ROUTE_POLICIES: readonly PolicyRule[] = [
  { path: HEALTH, access: 'public' },
  { methods: READ, path: /^\/api\/docs(\/.*)?$/, access: 'public' },
  {
    methods: ['POST'],
    path: /^\/api\/auth\/(register|login|login\/mfa|refresh|logout|password\/forgot|password\/reset|email\/verify|email\/resend)$/,
    access: 'public',
  },
  { methods: READ, path: /^\/api\/auth\/\.well-known\/jwks\.json$/, access: 'public' },
  { path: /^\/api\/auth\/admin(\/.*)?$/, access: 'admin' },
  { path: /^\/api\/auth(\/.*)?$/, access: 'user' },
  { methods: READ, path: /^\/api\/search(\/.*)?$/, access: 'public' },
  { path: /^\/api\/listings\/(review-queue|admin)(\/.*)?$/, access: 'admin' },
  { path: /^\/api\/listings\/[a-z]+\/\d+\/decision$/, access: 'admin' },
  { path: /^\/api\/listings(\/.*)?$/, access: 'owner' },
  { path: /^\/api\/billing(\/.*)?$/, access: 'admin' },
  { path: /^\/api\/analytics(\/.*)?$/, access: 'owner' },
  { path: /^\/api\/bookings\/admin(\/.*)?$/, access: 'admin' },
  { path: /^\/api\/bookings(\/.*)?$/, access: 'user' },
  { methods: READ, path: /^\/api\/ai\/deals$/, access: 'public' },
  { path: /^\/api\/ai(\/.*)?$/, access: 'user' },
  // Analytics: any browser may send its batch (no personal data in it); reports are for owners, traces for admins.
  { methods: ['POST'], path: /^\/api\/insights\/events$/, access: 'public' },
  { path: /^\/api\/insights\/admin(\/.*)?$/, access: 'admin' },
  { path: /^\/api\/insights(\/.*)?$/, access: 'owner' },
  { path: /^\/api(\/.*)?$/, access: 'user' },
];

function firstRuleFor(method: string, path: string): Access {
  const rule = ROUTE_POLICIES.find((r) => (!r.methods || r.methods.includes(method)) && r.path.test(path));
  return rule?.access ?? 'public'; // outside /api: the SPAs and the gateway's own probes
}

/**
 * What an admin signed in without a second factor may still call (besides public routes): seeing who they are,
 * signing out everywhere and setting the second factor up. Admin powers need it; an admin without it has no others.
 */
const SECOND_FACTOR_SETUP: readonly { method: string; path: string }[] = [
  { method: 'GET', path: '/api/auth/me' },
  { method: 'POST', path: '/api/auth/logout-all' },
  { method: 'POST', path: '/api/auth/2fa/setup' },
  { method: 'POST', path: '/api/auth/2fa/enable' },
];

/** True for the few routes an admin without a second factor may call; `path` as `fullPath` spells it. */
export function isSecondFactorSetup(method: string, path: string): boolean {
  return SECOND_FACTOR_SETUP.some((r) => r.method === method.toUpperCase() && r.path === path);
}

const STRICTNESS: Record<Access, number> = { public: 0, user: 1, owner: 2, admin: 3 };

function decodedOrSame(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path; // refused as malformed before any route is chosen; nothing to decode here
  }
}

/**
 * Answers already worked out, by method and path: the same few paths come again and again. Bounded in count and in
 * the length of a path kept, so no stream of made-up paths can make it large.
 */
const decided = new Map<string, Access>();
const LONGEST_KEPT_PATH = 256;

/**
 * Who may call `method path`. Express matches routes without regard to case (`/api/auth/ADMIN/users` reaches the
 * admin route), so the policy reads the path lower-cased; and of the path as sent and as decoded, the stricter
 * answer wins, so no spelling of a path is more open here than where it lands.
 */
export function accessFor(method: string, path: string): Access {
  const key = `${method} ${path}`;
  const known = decided.get(key);
  if (known !== undefined) return known;
  const access = strictestAccess(method, path);
  if (path.length > LONGEST_KEPT_PATH) return access;
  // Paths carry ids, so the set of them has no end: starting over when full costs one scan per path.
  if (decided.size >= 10_000) decided.clear();
  decided.set(key, access);
  return access;
}

function strictestAccess(method: string, path: string): Access {
  const spellings = [path.toLowerCase(), decodedOrSame(path).toLowerCase()];
  return spellings
    .map((spelling) => firstRuleFor(method.toUpperCase(), spelling))
    .reduce((strictest, access) => (STRICTNESS[access] > STRICTNESS[strictest] ? access : strictest));
}

const RANK: Record<Role, number> = { traveler: 1, owner: 2, admin: 3 };
const NEEDED: Record<Exclude<Access, 'public'>, number> = { user: 1, owner: 2, admin: 3 };

/** Admins may do what owners may, owners what travelers may. */
export function roleSatisfies(role: Role, access: Exclude<Access, 'public'>): boolean {
  return RANK[role] >= NEEDED[access];
}
