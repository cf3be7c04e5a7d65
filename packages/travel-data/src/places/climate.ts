/*
 * Each destination city's climate and coast, for themes ("warm", "beach"): the average daily high in January and
 * in July (°C), rounded, after the 1991–2020 climate normals (NOAA for US cities; the national weather services
 * quoted in each city's climate table elsewhere). Other months follow a cosine between the two, which is within a
 * couple of degrees for these cities; the tropical ones barely change. `beach`: sandy beaches within the city or an
 * easy day trip. Keys are the city codes searches use (metro codes where there is one). See SOURCES.md.
 */
const TABLE = `
ATL 11 32|DFW 14 36|DAL 14 36|DEN 7 31|LAX 20 29 beach|CHI 0 29|NYC 4 29|LAS 15 40|MCO 22 33|MIA 24 32 beach
CLT 10 32|SEA 8 25|PHX 19 41|SFO 14 22|HOU 17 34|BOS 2 28|FLL 25 32 beach|MSP -4 28|DTT 0 28|PHL 4 31
SLC 3 34|WAS 6 32|SAN 19 25 beach|TPA 21 33 beach|BNA 9 32|AUS 17 36|HNL 27 31 beach|PDX 8 28|STL 4 32|RDU 10 32
SJC 16 29|MSY 17 33|SMF 12 34|OAK 14 23|MCI 3 32|SAT 17 35|CLE 1 28|IND 2 29|PIT 2 28|CMH 2 29
YTO -1 27|YVR 7 22|YMQ -5 26|MEX 22 23|CUN 28 33 beach|SAO 28 22|BOG 19 18|LIM 26 19 beach|SCL 30 15|BUE 30 15
LON 8 24|PAR 7 25|IST 9 28|AMS 6 22|FRA 4 25|MAD 10 32|BCN 14 28 beach|ROM 12 31|MUC 2 24|DUB 8 20
LIS 15 28 beach|ZRH 3 25|CPH 2 21|VIE 3 26|MIL 6 29|STO -1 22|OSL -2 22|ATH 13 33 beach|BER 3 24|HEL -3 21
PRG 1 24|DXB 24 41 beach|DOH 22 41|JNB 26 17|TYO 10 30|DEL 21 35|CAN 18 33|SHA 8 32|SIN 30 31 beach|SEL 2 29
BKK 32 33|BJS 2 31|BOM 31 31 beach|HKG 19 31 beach|KUL 32 32|SYD 26 17 beach|JKT 30 32|MNL 30 32|TPE 19 33|MEL 26 14 beach
AKL 24 15 beach`;

export interface CityClimate {
  januaryHighC: number;
  julyHighC: number;
  beach: boolean;
}

const CLIMATES = new Map(
  TABLE.trim()
    .split(/[|\n]/)
    .map((entry) => {
      const [code = '', january = '0', july = '0', beach] = entry.trim().split(/\s+/);
      return [code, { januaryHighC: Number(january), julyHighC: Number(july), beach: beach === 'beach' }] as const;
    }),
);

export function climateOf(cityCode: string): CityClimate | undefined {
  return CLIMATES.get(cityCode);
}

export function climateCities(): string[] {
  return [...CLIMATES.keys()];
}

/** The average daily high of a month (1–12), °C, rounded: a cosine from January's value to July's and back. */
export function averageHighC(cityCode: string, month: number): number | undefined {
  const climate = CLIMATES.get(cityCode);
  if (!climate) return undefined;
  const mean = (climate.januaryHighC + climate.julyHighC) / 2;
  const swing = (climate.januaryHighC - climate.julyHighC) / 2;
  // Mid-January is the coldest (or, south of the equator, the warmest) of the year; mid-July the other end.
  return Math.round(mean + swing * Math.cos((2 * Math.PI * (month - 1)) / 12));
}
