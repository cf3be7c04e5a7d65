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
  { path: /^\/api(\/.*)?$/, access: 'user' },
];

export function accessFor(method: string, path: string): Access {
  const rule = ROUTE_POLICIES.find((r) => (!r.methods || r.methods.includes(method)) && r.path.test(path));
  return rule?.access ?? 'public'; // outside /api: the SPAs and the gateway's own probes
}

const RANK: Record<Role, number> = { traveler: 1, owner: 2, admin: 3 };
const NEEDED: Record<Exclude<Access, 'public'>, number> = { user: 1, owner: 2, admin: 3 };

/** Admins may do what owners may, owners what travelers may. */
export function roleSatisfies(role: Role, access: Exclude<Access, 'public'>): boolean {
  return RANK[role] >= NEEDED[access];
}
