import { plural } from '../ui/format.ts';

/** How many seats, rooms or cars are left, said as a warning once few are. */
export function UnitsLeft({ count, noun, fewAt }: { count: number; noun: string; fewAt: number }) {
  return count <= fewAt ? (
    <span className="bad">Only {plural(count, noun)} left</span>
  ) : (
    <span className="muted">
      {count} {noun}s left
    </span>
  );
}
