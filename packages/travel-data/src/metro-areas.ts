/** Codes that stand for every airport of a city (IATA metropolitan areas): what a search should use. */
export const METRO_AREAS: readonly { code: string; city: string; airports: readonly string[] }[] = [
  { code: 'NYC', city: 'New York', airports: ['JFK', 'LGA', 'EWR'] },
  { code: 'LON', city: 'London', airports: ['LHR', 'LGW', 'STN', 'LTN', 'LCY', 'SEN'] },
  { code: 'PAR', city: 'Paris', airports: ['CDG', 'ORY', 'BVA'] },
  { code: 'TYO', city: 'Tokyo', airports: ['NRT', 'HND'] },
  { code: 'WAS', city: 'Washington', airports: ['IAD', 'DCA', 'BWI'] },
  { code: 'CHI', city: 'Chicago', airports: ['ORD', 'MDW'] },
  { code: 'MIL', city: 'Milan', airports: ['MXP', 'LIN', 'BGY'] },
  { code: 'ROM', city: 'Rome', airports: ['FCO', 'CIA'] },
  { code: 'SAO', city: 'Sao Paulo', airports: ['GRU', 'CGH', 'VCP'] },
  { code: 'RIO', city: 'Rio De Janeiro', airports: ['GIG', 'SDU'] },
  { code: 'OSA', city: 'Osaka', airports: ['KIX', 'ITM', 'UKB'] },
  { code: 'SEL', city: 'Seoul', airports: ['ICN', 'GMP'] },
  { code: 'MOW', city: 'Moscow', airports: ['SVO', 'DME', 'VKO'] },
  { code: 'STO', city: 'Stockholm', airports: ['ARN', 'BMA', 'NYO'] },
  { code: 'BJS', city: 'Beijing', airports: ['PEK', 'PKX', 'NAY'] },
  { code: 'SHA', city: 'Shanghai', airports: ['PVG', 'SHA'] },
  { code: 'YTO', city: 'Toronto', airports: ['YYZ', 'YTZ'] },
  { code: 'YMQ', city: 'Montreal', airports: ['YUL', 'YMX'] },
  { code: 'BUE', city: 'Buenos Aires', airports: ['EZE', 'AEP'] },
  { code: 'DTT', city: 'Detroit', airports: ['DTW', 'DET'] },
  { code: 'HOU', city: 'Houston', airports: ['IAH', 'HOU'] },
  { code: 'BER', city: 'Berlin', airports: ['BER', 'TXL', 'SXF'] },
  { code: 'JKT', city: 'Jakarta', airports: ['CGK', 'HLP'] },
  { code: 'BUH', city: 'Bucharest', airports: ['OTP', 'BBU'] },
  { code: 'YEA', city: 'Edmonton', airports: ['YEG'] },
  { code: 'REK', city: 'Reykjavik', airports: ['KEF', 'RKV'] },
];

const BY_CODE = new Map(METRO_AREAS.map((metro) => [metro.code, metro]));

/** The airports a code stands for: a metro area's airports, or the airport itself. */
export function airportsOf(code: string): readonly string[] {
  return BY_CODE.get(code)?.airports ?? [code];
}

export function metroArea(code: string): { code: string; city: string; airports: readonly string[] } | undefined {
  return BY_CODE.get(code);
}
