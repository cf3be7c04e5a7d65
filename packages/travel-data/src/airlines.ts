export interface Airline {
  code: string;
  name: string;
  /** Where its network is centred; the generated schedule gives it routes from there. */
  hubs: readonly string[];
}

/** Real carriers and their main hubs (IATA codes). */
export const AIRLINES: readonly Airline[] = [
  { code: 'AA', name: 'American Airlines', hubs: ['DFW', 'CLT', 'MIA', 'ORD', 'PHL', 'PHX', 'LAX', 'JFK', 'DCA'] },
  { code: 'DL', name: 'Delta Air Lines', hubs: ['ATL', 'DTW', 'MSP', 'SLC', 'SEA', 'JFK', 'LAX', 'BOS', 'LGA'] },
  { code: 'UA', name: 'United Airlines', hubs: ['ORD', 'DEN', 'IAH', 'EWR', 'SFO', 'IAD', 'LAX'] },
  {
    code: 'WN',
    name: 'Southwest Airlines',
    hubs: [
      'DAL',
      'MDW',
      'DEN',
      'LAS',
      'BWI',
      'PHX',
      'HOU',
      'OAK',
      'MCO',
      'AUS',
      'BNA',
      'STL',
      'SAN',
      'LAX',
      'ATL',
      'TPA',
      'SMF',
      'SJC',
      'MSY',
      'FLL',
    ],
  },
  { code: 'B6', name: 'JetBlue', hubs: ['JFK', 'BOS', 'FLL', 'MCO', 'SJU'] },
  { code: 'AS', name: 'Alaska Airlines', hubs: ['SEA', 'PDX', 'SFO', 'SAN', 'ANC'] },
  { code: 'NK', name: 'Spirit Airlines', hubs: ['FLL', 'LAS', 'MCO', 'DTW'] },
  { code: 'F9', name: 'Frontier Airlines', hubs: ['DEN', 'LAS', 'MCO', 'PHL'] },
  { code: 'AC', name: 'Air Canada', hubs: ['YYZ', 'YVR', 'YUL'] },
  { code: 'AM', name: 'Aeromexico', hubs: ['MEX'] },
  { code: 'BA', name: 'British Airways', hubs: ['LHR', 'LGW'] },
  { code: 'VS', name: 'Virgin Atlantic', hubs: ['LHR'] },
  { code: 'AF', name: 'Air France', hubs: ['CDG', 'ORY'] },
  { code: 'KL', name: 'KLM', hubs: ['AMS'] },
  { code: 'LH', name: 'Lufthansa', hubs: ['FRA', 'MUC'] },
  { code: 'LX', name: 'Swiss', hubs: ['ZRH'] },
  { code: 'OS', name: 'Austrian Airlines', hubs: ['VIE'] },
  { code: 'IB', name: 'Iberia', hubs: ['MAD'] },
  { code: 'VY', name: 'Vueling', hubs: ['BCN'] },
  { code: 'AZ', name: 'ITA Airways', hubs: ['FCO'] },
  { code: 'TP', name: 'TAP Air Portugal', hubs: ['LIS'] },
  { code: 'EI', name: 'Aer Lingus', hubs: ['DUB'] },
  { code: 'SK', name: 'SAS', hubs: ['CPH', 'ARN', 'OSL'] },
  { code: 'AY', name: 'Finnair', hubs: ['HEL'] },
  { code: 'TK', name: 'Turkish Airlines', hubs: ['IST'] },
  { code: 'EK', name: 'Emirates', hubs: ['DXB'] },
  { code: 'QR', name: 'Qatar Airways', hubs: ['DOH'] },
  { code: 'SQ', name: 'Singapore Airlines', hubs: ['SIN'] },
  { code: 'CX', name: 'Cathay Pacific', hubs: ['HKG'] },
  { code: 'NH', name: 'ANA', hubs: ['HND', 'NRT'] },
  { code: 'JL', name: 'Japan Airlines', hubs: ['HND', 'NRT'] },
  { code: 'KE', name: 'Korean Air', hubs: ['ICN'] },
  { code: 'QF', name: 'Qantas', hubs: ['SYD', 'MEL'] },
  { code: 'NZ', name: 'Air New Zealand', hubs: ['AKL'] },
  { code: 'LA', name: 'LATAM', hubs: ['GRU', 'SCL', 'LIM'] },
  { code: 'AV', name: 'Avianca', hubs: ['BOG'] },
  { code: 'CA', name: 'Air China', hubs: ['PEK'] },
  { code: 'MU', name: 'China Eastern', hubs: ['PVG'] },
  { code: 'CZ', name: 'China Southern', hubs: ['CAN'] },
  { code: 'AI', name: 'Air India', hubs: ['DEL', 'BOM'] },
  { code: 'TG', name: 'Thai Airways', hubs: ['BKK'] },
  { code: 'MH', name: 'Malaysia Airlines', hubs: ['KUL'] },
  { code: 'PR', name: 'Philippine Airlines', hubs: ['MNL'] },
  { code: 'GA', name: 'Garuda Indonesia', hubs: ['CGK'] },
  { code: 'CI', name: 'China Airlines', hubs: ['TPE'] },
  { code: 'SA', name: 'South African Airways', hubs: ['JNB'] },
  { code: 'AR', name: 'Aerolineas Argentinas', hubs: ['EZE'] },
  { code: 'HA', name: 'Hawaiian Airlines', hubs: ['HNL'] },
];

const BY_CODE = new Map(AIRLINES.map((a) => [a.code, a]));

export function airlineByCode(code: string): Airline | undefined {
  return BY_CODE.get(code);
}
