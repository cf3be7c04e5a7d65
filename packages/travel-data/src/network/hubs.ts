/*
 * Where each airline's network is centred, and how big each base is for it: 1 for its main hub, less for the
 * others (roughly its daily departures there relative to its main hub's, from the airlines' published network
 * facts; see CALIBRATION.md). An airline flies nonstop only from these bases; a base with strength below
 * CONNECTING_HUB is a focus city (point-to-point flying) rather than a hub that banks connections.
 */
export const HUB_STRENGTH: Record<string, Record<string, number>> = {
  DL: { ATL: 1, DTW: 0.45, MSP: 0.42, SLC: 0.32, LGA: 0.28, JFK: 0.26, SEA: 0.2, LAX: 0.2, BOS: 0.18 },
  AA: { DFW: 1, CLT: 0.75, ORD: 0.4, MIA: 0.36, PHL: 0.36, PHX: 0.3, DCA: 0.28, LAX: 0.18, JFK: 0.14 },
  UA: { ORD: 1, DEN: 0.95, IAH: 0.75, EWR: 0.7, SFO: 0.55, IAD: 0.45, LAX: 0.28 },
  WN: {
    DEN: 1,
    LAS: 0.9,
    MDW: 0.85,
    BWI: 0.8,
    PHX: 0.65,
    DAL: 0.65,
    HOU: 0.6,
    MCO: 0.55,
    OAK: 0.4,
    AUS: 0.45,
    BNA: 0.45,
    STL: 0.35,
    SAN: 0.35,
    LAX: 0.3,
    ATL: 0.25,
    TPA: 0.3,
    SMF: 0.25,
    SJC: 0.2,
    MSY: 0.25,
    FLL: 0.2,
  },
  B6: { JFK: 1, BOS: 0.9, FLL: 0.6, MCO: 0.3 },
  AS: { SEA: 1, PDX: 0.35, SFO: 0.22, SAN: 0.18 },
  NK: { FLL: 1, LAS: 0.6, MCO: 0.6, DTW: 0.4 },
  F9: { DEN: 1, LAS: 0.5, MCO: 0.6, PHL: 0.4 },
  AC: { YYZ: 1, YVR: 0.5, YUL: 0.45 },
  BA: { LHR: 1, LGW: 0.3 },
  AF: { CDG: 1, ORY: 0.3 },
  LH: { FRA: 1, MUC: 0.7 },
  SK: { CPH: 1, ARN: 0.7, OSL: 0.7 },
  NH: { HND: 1, NRT: 0.6 },
  JL: { HND: 1, NRT: 0.6 },
  QF: { SYD: 1, MEL: 0.7 },
  LA: { GRU: 1, SCL: 0.7, LIM: 0.7 },
  AI: { DEL: 1, BOM: 0.7 },
};

/** Below this a base is a focus city: flights there are spread over the day, not banked for connections. */
export const CONNECTING_HUB = 0.25;

/** Each airline's bases and strengths: the table above, or 1 for the first hub and 0.6 for any other. */
export function hubStrength(airline: string, hubs: readonly string[], airport: string): number {
  const known = HUB_STRENGTH[airline];
  if (known) return known[airport] ?? 0;
  const at = hubs.indexOf(airport);
  return at < 0 ? 0 : at === 0 ? 1 : 0.6;
}

/**
 * Who sells connections on one ticket with whom: the three alliances as of 2025 (SAS moved to SkyTeam in 2024;
 * Alaska joined oneworld in 2021 and Hawaiian is in its group), and the few partnerships outside them that sell
 * through tickets (Emirates–Qantas, the IAG sisters Vueling and Aer Lingus with British Airways and Iberia, LATAM
 * with Delta). Low-cost carriers sell connections on their own flights only.
 */
export const ALLIANCES: Record<string, readonly string[]> = {
  'Star Alliance': ['UA', 'AC', 'LH', 'LX', 'OS', 'TP', 'NH', 'SQ', 'TK', 'AI', 'CA', 'NZ', 'TG', 'AV', 'SA'],
  oneworld: ['AA', 'BA', 'IB', 'AY', 'QF', 'CX', 'JL', 'QR', 'MH', 'AS', 'HA'],
  SkyTeam: ['DL', 'AF', 'KL', 'KE', 'AM', 'AZ', 'VS', 'MU', 'GA', 'AR', 'SK', 'CI'],
};

const PARTNERS: readonly (readonly [string, string])[] = [
  ['EK', 'QF'],
  ['VY', 'IB'],
  ['VY', 'BA'],
  ['EI', 'BA'],
  ['EI', 'IB'],
  ['LA', 'DL'],
];

const ALLIANCE_OF = new Map(
  Object.entries(ALLIANCES).flatMap(([name, members]) => members.map((code) => [code, name] as const)),
);

export function allianceOf(airline: string): string | undefined {
  return ALLIANCE_OF.get(airline);
}

/** Whether two airlines sell a connection between their flights on one ticket (bags checked through). */
export function sellsThrough(a: string, b: string): boolean {
  if (a === b) return true;
  const alliance = ALLIANCE_OF.get(a);
  if (alliance && alliance === ALLIANCE_OF.get(b)) return true;
  return PARTNERS.some(([x, y]) => (x === a && y === b) || (x === b && y === a));
}
