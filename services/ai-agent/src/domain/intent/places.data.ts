/**
 * Hand-kept knowledge the airport list does not carry: metropolitan area codes, the primary airport of cities
 * that share a name, the nicknames travellers use, and well-known cities without an airport of their own.
 */

/** The airport meant by a city name that several airports or countries share. */
export const PRIMARY_AIRPORTS: Readonly<Record<string, string>> = {
  portland: 'PDX',
  melbourne: 'MEL',
  sydney: 'SYD',
  perth: 'PER',
  dublin: 'DUB',
  athens: 'ATH',
  lima: 'LIM',
  santiago: 'SCL',
  'san jose': 'SJC',
  barcelona: 'BCN',
  venice: 'VCE',
  florence: 'FLR',
  naples: 'NAP',
  manchester: 'MAN',
  birmingham: 'BHX',
  columbus: 'CMH',
  vancouver: 'YVR',
  dallas: 'DFW',
  'san antonio': 'SAT',
  'santa barbara': 'SBA',
  'san juan': 'SJU',
  'saint petersburg': 'LED',
  'kuala lumpur': 'KUL',
  nairobi: 'NBO',
  bangkok: 'BKK',
  taipei: 'TPE',
  'las vegas': 'LAS',
  orlando: 'MCO',
  seattle: 'SEA',
};

/** Nicknames and short forms matched whatever their case. Keys are normalised (lower case, no dots). */
export const ALIASES: Readonly<Record<string, string>> = {
  nyc: 'New York',
  'new york city': 'New York',
  'the big apple': 'New York',
  manhattan: 'New York',
  brooklyn: 'New York',
  'san fran': 'San Francisco',
  frisco: 'San Francisco',
  'bay area': 'San Francisco',
  vegas: 'Las Vegas',
  'sin city': 'Las Vegas',
  'washington dc': 'Washington',
  'district of columbia': 'Washington',
  philly: 'Philadelphia',
  chitown: 'Chicago',
  'chi town': 'Chicago',
  'the windy city': 'Chicago',
  nola: 'New Orleans',
  'the big easy': 'New Orleans',
  cdmx: 'Mexico City',
  'ciudad de mexico': 'Mexico City',
  bombay: 'Mumbai',
  calcutta: 'Kolkata',
  saigon: 'Ho Chi Minh City',
  peking: 'Beijing',
  'new delhi': 'Delhi',
  'twin cities': 'Minneapolis',
  rio: 'Rio De Janeiro',
  'saint paul': 'Minneapolis',
  milano: 'Milan',
  roma: 'Rome',
  'sao paulo': 'Sao Paulo',
  bali: 'Denpasar',
  maui: 'Kahului',
  'orange county': 'Santa Ana',
  raleigh: 'Raleigh-durham',
  'dallas fort worth': 'Dallas',
  'los cabos': 'San Jose Del Cabo',
  cabo: 'San Jose Del Cabo',
};

/** Short forms only trusted as written, because in lower case they are ordinary words ("la", "sf" rarely, "ny"). */
export const CASED_ALIASES: Readonly<Record<string, string>> = {
  LA: 'Los Angeles',
  'L.A.': 'Los Angeles',
  SF: 'San Francisco',
  SD: 'San Diego',
  NY: 'New York',
  DC: 'Washington',
  'D.C.': 'Washington',
  KL: 'Kuala Lumpur',
  HK: 'Hong Kong',
  NOLA: 'New Orleans',
  ATX: 'Austin',
};

/** Well-known cities with no airport of their own in the list, with the airport travellers use. */
export const CITIES_WITHOUT_AIRPORT: readonly { city: string; code: string }[] = [
  { city: 'Anaheim', code: 'SNA' },
  { city: 'Irvine', code: 'SNA' },
  { city: 'Pasadena', code: 'BUR' },
  { city: 'Hollywood', code: 'BUR' },
  { city: 'Beverly Hills', code: 'LAX' },
  { city: 'Sunnyvale', code: 'SJC' },
  { city: 'Cupertino', code: 'SJC' },
  { city: 'Santa Clara', code: 'SJC' },
  { city: 'Walnut Creek', code: 'OAK' },
  { city: 'Berkeley', code: 'OAK' },
  { city: 'Tempe', code: 'PHX' },
  { city: 'Kyoto', code: 'OSA' },
  { city: 'Cambridge', code: 'BOS' },
  { city: 'Miami Beach', code: 'MIA' },
];

/** 3-letter capitalised words that are airport codes but far more often something else. */
export const NOT_AIRPORT_CODES = new Set(
  (
    'THE AND FOR YOU ARE BUT NOT ALL ANY CAN HAS HAD HER HIS HOW ITS LET MAY NEW NOW OLD OUR OUT OWN SAY ' +
    'SHE TOO USE WAY WHO WHY YES YET AIR BUS CAR SUV VAN USD EUR GBP CAD AUD JPY CHF INR MXN FYI ASAP OMG LOL ' +
    'PLS THX BTW ETA EST PST CST MST GMT UTC AMA CEO ONE TWO SIX TEN DAY BIG BAD TOP FUN HOT MAX MIN PER VIA ' +
    'OFF OKAY HEY HIM GET GOT SEE TRY PAY BUY RUN SET END WIN'
  ).split(' '),
);

/**
 * City names in the airport list that are also everyday words; they count as places only when written with a
 * capital letter in the middle of a sentence ("fly to Nice"), never in lower case ("nice hotel").
 */
export const COMMON_WORD_CITIES = new Set(
  (
    'nice split mobile page hope normal best sale male bath reading deer eagle orange union independence ' +
    'enterprise liberal eureka alliance victoria mount pleasant borger alice david douglas gary howard jackson ' +
    'natal flint regina rivera flores casper imo yap rota santo salto erie midland ontario limon melo mahe taba ' +
    'colonia loreto praya bay island lake city port ocean beach grand valley river spring springs wells ' +
    'chester march may june august sunday monday friday marathon rocky hay dawson bishop sterling vernal ' +
    'wales shell cut bank worland prince george long lake wolf point cordova cold ketchikan kalskag mountain ' +
    'home grande prairie mesa lawrence laurel delta alpine price will can say cook mission hill hood ' +
    'homer kingston sunny nome hub'
  ).split(' '),
);

/** What may follow a city to say which one: a US state, a Canadian province, a country. */
export const REGION_COUNTRIES: Readonly<Record<string, string>> = {
  england: 'United Kingdom',
  scotland: 'United Kingdom',
  wales: 'United Kingdom',
  uk: 'United Kingdom',
  'united kingdom': 'United Kingdom',
  usa: 'United States',
  us: 'United States',
  'united states': 'United States',
  america: 'United States',
  ontario: 'Canada',
  quebec: 'Canada',
  'british columbia': 'Canada',
  alberta: 'Canada',
  bc: 'Canada',
  on: 'Canada',
  qc: 'Canada',
  ab: 'Canada',
  mb: 'Canada',
  ns: 'Canada',
};

export const US_STATES =
  'al ak az ar ca co ct de fl ga hi id il in ia ks ky la me md ma mi mn ms mo mt ne nv nh nj nm ny nc nd oh ok or pa ri sc sd tn tx ut vt va wa wv wi wy dc ' +
  'alabama alaska arizona arkansas california colorado connecticut delaware florida georgia hawaii idaho illinois indiana iowa ' +
  'kansas kentucky louisiana maine maryland massachusetts michigan minnesota mississippi missouri montana nebraska nevada ' +
  'ohio oklahoma oregon pennsylvania tennessee texas utah vermont virginia washington wisconsin wyoming';
