import type { KvStore } from '@tripwise/platform/kv';
import type { CapabilityStatus } from './capabilities.ts';

/** A stretch of time a capability was not operational; `endedAt` absent while it goes on. */
export interface Incident {
  capability: string;
  status: Exclude<CapabilityStatus, 'operational'>;
  startedAt: string;
  endedAt?: string;
}

const KEY = 'gateway:status:incidents';
const KEEP = 20;
const KEEP_MS = 7 * 86_400_000;

/**
 * The incident log, shared by every gateway instance through the key-value store: a status change opens an
 * incident (closing the one before), a return to operational closes it. The newest first, the last week's only.
 */
export function incidentLog(kv: KvStore, now: () => Date = () => new Date()) {
  const read = async (): Promise<Incident[]> => JSON.parse((await kv.get(KEY)) ?? '[]') as Incident[];
  return {
    read,
    async record(statuses: Record<string, CapabilityStatus>): Promise<Incident[]> {
      const at = now().toISOString();
      let incidents = await read();
      let changed = false;
      for (const [capability, status] of Object.entries(statuses)) {
        const open = incidents.find((i) => i.capability === capability && !i.endedAt);
        if (open?.status === status || (!open && status === 'operational')) continue;
        if (open) open.endedAt = at;
        if (status !== 'operational') incidents.unshift({ capability, status, startedAt: at });
        changed = true;
      }
      if (!changed) return incidents;
      const cutoff = now().getTime() - KEEP_MS;
      incidents = incidents.filter((i) => !i.endedAt || new Date(i.endedAt).getTime() >= cutoff).slice(0, KEEP);
      await kv.set(KEY, JSON.stringify(incidents), { ttlMs: KEEP_MS });
      return incidents;
    },
  };
}
