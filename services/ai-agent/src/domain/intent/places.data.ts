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
  'big apple': 'New York',
  'the city that never sleeps': 'New York',
  gotham: 'New York',
  'big smoke': 'London',
  'the big smoke': 'London',
  beantown: 'Boston',
  'bean town': 'Boston',
  'motor city': 'Detroit',
  'the motor city': 'Detroit',
  motown: 'Detroit',
  'mile high city': 'Denver',
  'the mile high city': 'Denver',
  'emerald city': 'Seattle',
  'the emerald city': 'Seattle',
  'city of angels': 'Los Angeles',
  'the city of angels': 'Los Angeles',
  tinseltown: 'Los Angeles',
  'the magic city': 'Miami',
  hotlanta: 'Atlanta',
  'the a': 'Atlanta',
  'music city': 'Nashville',
  nashvegas: 'Nashville',
  'space city': 'Houston',
  'h town': 'Houston',
  'big d': 'Dallas',
  'the big d': 'Dallas',
  'steel city': 'Pittsburgh',
  'the steel city': 'Pittsburgh',
  'city of brotherly love': 'Philadelphia',
  'the city of brotherly love': 'Philadelphia',
  'crescent city': 'New Orleans',
  'the crescent city': 'New Orleans',
  'the city by the bay': 'San Francisco',
  'queen city': 'Charlotte',
  'alamo city': 'San Antonio',
  'rose city': 'Portland',
  bmore: 'Baltimore',
  'charm city': 'Baltimore',
  'the eternal city': 'Rome',
  'city of light': 'Paris',
  'the city of light': 'Paris',
  'city of lights': 'Paris',
  'windy city': 'Chicago',
  'the 6ix': 'Toronto',
  't dot': 'Toronto',
  'the big pineapple': 'Honolulu',
  'silicon valley': 'San Jose',
};

/**
 * Airports travellers call by a name that is not their city's, where the name alone would point elsewhere (Logan is
 * also a town in Utah) or the airport list spells it otherwise. Names derived from the list cover the rest.
 */
export const AIRPORT_NICKNAMES: Readonly<Record<string, string>> = {
  logan: 'BOS',
  'logan airport': 'BOS',
  midway: 'MDW',
  'john wayne': 'SNA',
  'bob hope': 'BUR',
  seatac: 'SEA',
  'sea tac': 'SEA',
  hartsfield: 'ATL',
  'bush intercontinental': 'IAH',
  'reagan national': 'DCA',
  'newark liberty': 'EWR',
  'charles de gaulle': 'CDG',
  'o hare': 'ORD',
  "o'hare": 'ORD',
  'de gaulle': 'CDG',
  fiumicino: 'FCO',
  malpensa: 'MXP',
  barajas: 'MAD',
  'el prat': 'BCN',
  stansted: 'STN',
  luton: 'LTN',
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

/** Three-letter English words that are also airport codes, never read as codes when typed in lower case. */
export const LOWER_CASE_WORDS = new Set(
  (
    'the and for you are but not all any can has had her his how its let may new now old our out own say she too use ' +
    'way who why yes yet air bus car van see get got put run set try ask eat far few fly go fun big bad top hot job key ' +
    'law lot low man map met net oil pay sea sky sun tax ten two one six day dad mom son boy age ago art bag bed bet ' +
    'box cat cut dog due end eye fit gas guy hat hit ice ill kid lay leg lie mad mix odd off pet pin pop pro red sad ' +
    'sat saw sit tea tie tip toe ton war wet win won yet zip arm ear fan fee fix fox gap hop hug inn jam lab lap lip ' +
    'mud nap nod oak pan pen pie pig pit pot rat raw rib rid rob rod row rub rug sip sob spa tan tap toy tub van vet ' +
    'web wig yak zoo den lit cab ski gym pub bar via per min max fri sun mon tue wed thu sat jan feb mar apr ' +
    'jun jul aug sep oct nov dec est pst utc hrs ave bay hub lax'
  )
    .split(' ')
    .filter((word) => word !== 'lax'),
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
