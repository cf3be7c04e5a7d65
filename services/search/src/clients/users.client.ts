export interface UserBrief {
  id: string;
  email: string | null;
  name: string | null;
}

/** Who these users are (for admins' pages that name owners); anyone auth cannot tell is shown by id alone. */
export type UserDirectory = (ids: string[]) => Promise<Map<string, UserBrief>>;

/** Asks auth (`/internal/users/lookup`, services' credential); if auth does not answer, pages show ids only. */
export function usersClient(options: { url: () => string; serviceToken: string; timeoutMs?: number }): UserDirectory {
  return async (ids) => {
    const unique = [...new Set(ids)].slice(0, 100);
    const found = new Map<string, UserBrief>(unique.map((id) => [id, { id, email: null, name: null }]));
    if (unique.length === 0) return found;
    try {
      const res = await fetch(`${options.url()}/internal/users/lookup`, {
        method: 'POST',
        headers: { authorization: `Bearer ${options.serviceToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({ ids: unique }),
        signal: AbortSignal.timeout(options.timeoutMs ?? 2_000),
      });
      if (!res.ok) return found;
      const { items } = (await res.json()) as { items: { id: string; email: string; name: string }[] };
      for (const u of items) found.set(u.id, { id: u.id, email: u.email, name: u.name || null });
    } catch {
      // auth unreachable: the page still works, with owners by id
    }
    return found;
  };
}

/** For a service started without auth (tests of search alone): owners by id. */
export const idsOnly: UserDirectory = async (ids) => new Map(ids.map((id) => [id, { id, email: null, name: null }]));
