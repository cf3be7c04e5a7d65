// Recent searches live in localStorage: only what was searched for (places, dates, party), never a token or a name.
export interface RecentSearch {
  kind: 'flights' | 'hotels' | 'cars';
  /** What the traveler reads, e.g. "BOS → DEN, Fri, Dec 4". */
  label: string;
  /** The results page with its criteria, e.g. "/flights?origin=BOS&destination=DEN&date=…". */
  path: string;
}

const KEY = 'tripwise.recentSearches';
const MAX = 5;

export function recentSearches(): RecentSearch[] {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    return Array.isArray(stored)
      ? (stored as RecentSearch[]).filter((s) => typeof s.path === 'string' && s.path.startsWith(`/${s.kind}?`))
      : [];
  } catch {
    return [];
  }
}

export function rememberSearch(search: RecentSearch): void {
  const others = recentSearches().filter((s) => s.path !== search.path);
  try {
    localStorage.setItem(KEY, JSON.stringify([search, ...others].slice(0, MAX)));
  } catch {
    // Storage full or disabled (private mode): searching still works, it is just not remembered.
  }
}
