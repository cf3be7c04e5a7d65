import { useSyncExternalStore } from 'react';

/** Prices per traveler (per night, per day) or for the whole party and stay, as KAYAK's toggle: remembered here. */
export type PriceMode = 'each' | 'total';

const KEY = 'tripwise:price-mode';
const listeners = new Set<() => void>();

function read(): PriceMode {
  try {
    return localStorage.getItem(KEY) === 'total' ? 'total' : 'each';
  } catch {
    return 'each';
  }
}

function write(mode: PriceMode): void {
  try {
    localStorage.setItem(KEY, mode);
  } catch {
    // private mode: the choice lasts as long as the page
  }
  current = mode;
  for (const listener of listeners) listener();
}

let current: PriceMode | undefined;

export function usePriceMode(): PriceMode {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => (current ??= read()),
  );
}

/** "Show prices: per person | total", with the words of the page ("per night", "for 3 nights"). */
export function PriceModeToggle({ each, total }: { each: string; total: string }) {
  const mode = usePriceMode();
  return (
    <div className="segmented" role="group" aria-label="Show prices">
      <span className="muted small">Show prices</span>
      {(
        [
          ['each', each],
          ['total', total],
        ] as const
      ).map(([value, text]) => (
        <button
          key={value}
          type="button"
          className={mode === value ? '' : 'secondary'}
          aria-pressed={mode === value}
          onClick={() => write(value)}
        >
          {text}
        </button>
      ))}
    </div>
  );
}
