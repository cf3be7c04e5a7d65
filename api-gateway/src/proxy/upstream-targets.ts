/**
 * The instances of one service (several in compose or Kubernetes, e.g. two AI agents): requests and sockets go to
 * each in turn, and an instance that could not be reached is passed over for `downMs`, so a client whose instance
 * went away lands on another one at its next try (it then resumes where it was).
 */
export interface UpstreamTargets {
  readonly all: readonly string[];
  /** The next instance to use. */
  pick(): string;
  /** An instance refused or dropped a connection: skip it for a while (unless it is the only one). */
  failed(target: string): void;
}

export function upstreamTargets(urls: readonly string[], options: { downMs?: number; now?: () => number } = {}) {
  if (urls.length === 0) throw new Error('an upstream needs at least one URL');
  const downMs = options.downMs ?? 5_000;
  const now = options.now ?? Date.now;
  const downUntil = new Map<string, number>();
  let next = 0;
  const targets: UpstreamTargets = {
    all: urls,
    pick() {
      for (let i = 0; i < urls.length; i++) {
        const at = (next + i) % urls.length;
        if ((downUntil.get(urls[at]!) ?? 0) <= now()) {
          next = (at + 1) % urls.length;
          return urls[at]!;
        }
      }
      // Every instance looks down: try them in turn anyway (one may be back).
      const at = next;
      next = (next + 1) % urls.length;
      return urls[at]!;
    },
    failed(target) {
      if (urls.length > 1) downUntil.set(target, now() + downMs);
    },
  };
  return targets;
}
