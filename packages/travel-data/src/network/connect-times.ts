/*
 * Minimum connecting times: how long a connection at an airport must give a traveler (and the bags) between two
 * flights sold on one ticket. Airlines publish them per airport and terminal pair (the industry's MCT tables); the
 * values here are round figures in the range published for each airport, the larger where changing terminals or
 * clearing immigration takes long. `international`: either flight crosses a border.
 */
const MCT: Record<string, { domestic: number; international: number }> = {
  ATL: { domestic: 40, international: 75 },
  CLT: { domestic: 35, international: 60 },
  DFW: { domestic: 45, international: 75 },
  DEN: { domestic: 40, international: 75 },
  ORD: { domestic: 50, international: 90 },
  IAH: { domestic: 45, international: 75 },
  EWR: { domestic: 45, international: 90 },
  JFK: { domestic: 60, international: 120 },
  LGA: { domestic: 45, international: 60 },
  LAX: { domestic: 60, international: 120 },
  SFO: { domestic: 45, international: 90 },
  MIA: { domestic: 50, international: 90 },
  LHR: { domestic: 60, international: 90 },
  CDG: { domestic: 60, international: 90 },
  FRA: { domestic: 45, international: 45 },
  AMS: { domestic: 40, international: 50 },
  DXB: { domestic: 75, international: 75 },
  DOH: { domestic: 60, international: 60 },
  IST: { domestic: 60, international: 60 },
  SIN: { domestic: 60, international: 60 },
  HND: { domestic: 60, international: 90 },
  NRT: { domestic: 60, international: 90 },
  ICN: { domestic: 60, international: 60 },
};
const DEFAULT_MCT = { domestic: 45, international: 90 };

export function minimumConnectMinutes(airport: string, international: boolean): number {
  const mct = MCT[airport] ?? DEFAULT_MCT;
  return international ? mct.international : mct.domestic;
}
