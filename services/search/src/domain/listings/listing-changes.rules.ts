// What of an owner's edit to an approved listing waits for review, and what goes live at once. Travelers read the
// name, the place, the description, the amenities, the policies and the room types' names and sizes: a change of
// those is reviewed first, while the approved version stays live. Prices and unit counts are the owner's to set and
// go live at once (they are price events already).

type View = Record<string, unknown>;
export type ChangeKind = 'hotels' | 'cars';

const REVIEWED: Record<ChangeKind, readonly string[]> = {
  hotels: [
    'name',
    'cityCode',
    'city',
    'country',
    'address',
    'neighborhood',
    'latitude',
    'longitude',
    'stars',
    'amenities',
    'policies',
    'description',
  ],
  cars: ['company', 'locationCode', 'city', 'carClass', 'model', 'year', 'transmission', 'seats', 'policies'],
};

export interface RoomInput {
  id?: string | undefined;
  name: string;
  capacity: number;
  units: number;
  nightlyPrice: number;
}
/** A room type's reviewed part: an existing one renamed or resized (with id), or a new one (without). */
export interface ProposedRoom {
  id?: string | undefined;
  name: string;
  capacity: number;
  units?: number;
  nightlyPrice?: number;
}
export type Proposal = Record<string, unknown> & { rooms?: ProposedRoom[] };
/** What goes live at once: a car's fleet and daily price, or existing room types' counts and nightly prices. */
export type Immediate = {
  units?: unknown;
  dailyPrice?: unknown;
  rooms?: { id: string; units: number; nightlyPrice: number }[];
};

interface LiveRoom {
  id: string;
  name: string;
  capacity: number;
}

const sameValue = (a: unknown, b: unknown): boolean => JSON.stringify(sorted(a)) === JSON.stringify(sorted(b));
function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, sorted(v)]),
    );
  }
  return value;
}

const liveRooms = (live: View) => (live.rooms ?? []) as LiveRoom[];

/**
 * Splits an owner's edit: what is set at once (prices, units), and what travelers would read, to review (as sent:
 * mergeProposals keeps only what differs from the live listing).
 */
export function splitOwnerEdit(
  kind: ChangeKind,
  live: View,
  patch: Record<string, unknown> & { rooms?: RoomInput[] | undefined },
): { immediate: Immediate; proposal: Proposal } {
  const proposal: Proposal = {};
  for (const field of REVIEWED[kind]) {
    // Kept even when equal to what is live: folded into a waiting change, it takes back an earlier proposal.
    if (patch[field] !== undefined) proposal[field] = patch[field];
  }
  if (kind === 'cars') {
    const immediate: Immediate = {};
    if (patch.units !== undefined) immediate.units = patch.units;
    if (patch.dailyPrice !== undefined) immediate.dailyPrice = patch.dailyPrice;
    return { immediate, proposal };
  }
  const rooms = liveRooms(live);
  const immediateRooms: { id: string; units: number; nightlyPrice: number }[] = [];
  const proposedRooms: ProposedRoom[] = [];
  for (const r of patch.rooms ?? []) {
    const current = r.id ? rooms.find((l) => l.id === r.id) : undefined;
    if (r.id && !current) continue; // not a room of this hotel
    if (current) {
      immediateRooms.push({ id: current.id, units: r.units, nightlyPrice: r.nightlyPrice });
      proposedRooms.push({ id: current.id, name: r.name, capacity: r.capacity });
    } else {
      proposedRooms.push({ name: r.name, capacity: r.capacity, units: r.units, nightlyPrice: r.nightlyPrice });
    }
  }
  if (proposedRooms.length > 0) proposal.rooms = proposedRooms;
  return { immediate: immediateRooms.length ? { rooms: immediateRooms } : {}, proposal };
}

/**
 * Folds a further edit into the change already waiting: its fields win; room types are merged by id; the new room
 * types are the latest edit's when it listed rooms (the form sends them all each time). What now equals the live
 * listing again is dropped.
 */
export function mergeProposals(live: View, previous: Proposal, next: Proposal, nextListedRooms: boolean): Proposal {
  const { rooms: previousRooms = [], ...previousFields } = previous;
  const { rooms: nextRooms = [], ...nextFields } = next;
  const merged: Proposal = { ...previousFields, ...nextFields };
  for (const [field, value] of Object.entries(merged)) if (sameValue(value, live[field])) delete merged[field];
  const byId = new Map(previousRooms.filter((r) => r.id).map((r) => [r.id, r]));
  if (nextListedRooms) for (const r of previousRooms) if (r.id) byId.delete(r.id);
  for (const r of nextRooms) if (r.id) byId.set(r.id, r);
  const current = liveRooms(live);
  const existing = [...byId.values()].filter((r) => {
    const l = current.find((c) => c.id === r.id);
    return l && (l.name !== r.name || l.capacity !== r.capacity);
  });
  const added = (nextListedRooms ? nextRooms : previousRooms).filter((r) => !r.id);
  if (existing.length + added.length > 0) merged.rooms = [...existing, ...added];
  return merged;
}

/** The dotted paths a proposal changes, as problem `errors` name fields (`policies.petsAllowed`, `rooms.1.name`). */
export function changedFieldsOf(live: View, proposal: Proposal): string[] {
  const fields: string[] = [];
  for (const [field, value] of Object.entries(proposal)) {
    if (field === 'rooms') continue;
    if (field === 'policies' && value && typeof value === 'object') {
      const before = (live.policies ?? {}) as Record<string, unknown>;
      for (const [key, v] of Object.entries(value)) if (!sameValue(v, before[key])) fields.push(`policies.${key}`);
    } else {
      fields.push(field);
    }
  }
  const rooms = liveRooms(live);
  let added = 0;
  for (const r of proposal.rooms ?? []) {
    const index = rooms.findIndex((l) => l.id === r.id);
    if (index < 0) {
      fields.push(`rooms.${rooms.length + added++}`);
      continue;
    }
    if (rooms[index]!.name !== r.name) fields.push(`rooms.${index}.name`);
    if (rooms[index]!.capacity !== r.capacity) fields.push(`rooms.${index}.capacity`);
  }
  return fields;
}

/** The listing as it would read once the proposal is approved (prices and units as they are now). */
export function applyProposal(live: View, proposal: Proposal): View {
  const { rooms, ...fields } = proposal;
  const view: View = { ...live, ...fields };
  if (!rooms) return view;
  const current = (live.rooms ?? []) as (LiveRoom & Record<string, unknown>)[];
  view.rooms = [
    ...current.map((l) => {
      const r = rooms.find((p) => p.id === l.id);
      return r ? { ...l, name: r.name, capacity: r.capacity } : l;
    }),
    ...rooms
      .filter((r) => !r.id)
      .map((r) => ({
        id: null,
        name: r.name,
        capacity: r.capacity,
        units: r.units ?? 0,
        nightlyPrice: { amount: r.nightlyPrice ?? 0, currency: 'USD' },
      })),
  ];
  return view;
}
