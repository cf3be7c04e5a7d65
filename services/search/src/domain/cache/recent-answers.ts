/**
 * Answers kept for a few minutes by their question, the least recently asked let go beyond `maxEntries`. For
 * Explore only: it prices a month of trips to every destination, and says (as Google's does) that its prices were
 * found in the last minutes; a search for the trip shows the live price, and booking checks it again.
 */
export function createRecentAnswers<T>(options: { maxAgeMs: number; maxEntries: number; now?: () => number }) {
  const now = options.now ?? Date.now;
  const entries = new Map<string, { at: number; answer: Promise<T> }>();
  return {
    get(key: string, answer: () => Promise<T>): Promise<T> {
      const known = entries.get(key);
      if (known && now() - known.at < options.maxAgeMs) return known.answer;
      const fresh = { at: now(), answer: answer() };
      fresh.answer.catch(() => entries.delete(key));
      entries.delete(key);
      entries.set(key, fresh);
      for (const oldest of entries.keys()) {
        if (entries.size <= options.maxEntries) break;
        entries.delete(oldest);
      }
      return fresh.answer;
    },
  };
}
