// Links in our mail carry their token after '#', so it never reaches a server log or a Referer header. The page
// takes it once and removes it from the address bar, so it is not left in the history or a shared screenshot.
const taken = new Map<string, string | null>();

/** The `#token=…` of the current address (remembered per path, so a second render still sees it). */
export function takeFragmentToken(): string | null {
  const path = window.location.pathname;
  const token = new URLSearchParams(window.location.hash.slice(1)).get('token');
  if (token) {
    taken.set(path, token);
    window.history.replaceState(window.history.state, '', `${path}${window.location.search}`);
  }
  return taken.get(path) ?? null;
}
