/*
 * Cities of the busy airports in the Americas, one per line:
 * code | name | centre latitude,longitude | price level (1 = an average US city) | address style | resort? |
 * neighbourhoods (the first is the centre) | main streets
 */
export const AMERICAS = `
ATL|Atlanta|33.7537,-84.3863|1.0|first|-|Downtown;Midtown;Buckhead;Old Fourth Ward;Inman Park;West Midtown|Peachtree Street NE;Spring Street NW;Piedmont Avenue NE;Marietta Street NW;North Avenue;Ponce de Leon Avenue
DFW|Dallas-Fort Worth|32.8140,-96.9489|0.9|first|-|Las Colinas;Irving;Arlington;Grapevine;Euless;Fort Worth Downtown|State Highway 114;John Carpenter Freeway;Main Street;Stemmons Freeway;Airport Freeway;Houston Street
DAL|Dallas|32.7767,-96.7970|0.95|first|-|Downtown;Uptown;Deep Ellum;Bishop Arts;Oak Lawn;Love Field|Main Street;Elm Street;McKinney Avenue;Commerce Street;Cedar Springs Road;Ross Avenue
DEN|Denver|39.7392,-104.9903|1.0|first|-|Downtown;LoDo;RiNo;Capitol Hill;Cherry Creek;Highlands|16th Street;Larimer Street;Colfax Avenue;Wynkoop Street;Broadway;Speer Boulevard
LAX|Los Angeles|34.0522,-118.2437|1.35|first|-|Downtown;Hollywood;Santa Monica;West Hollywood;Westwood;Venice;Koreatown|Wilshire Boulevard;Sunset Boulevard;Figueroa Street;Hollywood Boulevard;Ocean Avenue;Santa Monica Boulevard
CHI|Chicago|41.8781,-87.6298|1.2|first|-|The Loop;River North;Magnificent Mile;West Loop;Lincoln Park;Wicker Park|Michigan Avenue;State Street;Wacker Drive;Clark Street;Randolph Street;Lake Shore Drive
NYC|New York|40.7580,-73.9855|1.7|first|-|Midtown;Lower Manhattan;SoHo;Chelsea;Upper West Side;Williamsburg;Long Island City|Broadway;Park Avenue;Lexington Avenue;Madison Avenue;West 44th Street;Bowery
LAS|Las Vegas|36.1147,-115.1728|0.95|first|resort|The Strip;Downtown;Fremont Street;Paradise;Summerlin;Henderson|Las Vegas Boulevard South;Flamingo Road;Tropicana Avenue;Fremont Street;Paradise Road;Koval Lane
MCO|Orlando|28.5383,-81.3792|0.9|first|resort|Downtown;International Drive;Lake Buena Vista;Kissimmee;Winter Park;Lake Nona|International Drive;Orange Avenue;Vineland Avenue;Sand Lake Road;Buena Vista Drive;Irlo Bronson Highway
MIA|Miami|25.7617,-80.1918|1.3|first|resort|Downtown;Brickell;Miami Beach;Wynwood;Coconut Grove;Little Havana|Biscayne Boulevard;Brickell Avenue;Collins Avenue;Ocean Drive;Calle Ocho;Bayshore Drive
CLT|Charlotte|35.2271,-80.8431|0.9|first|-|Uptown;South End;NoDa;Plaza Midwood;SouthPark;Ballantyne|Tryon Street;Trade Street;College Street;Morehead Street;Providence Road;Camden Road
SEA|Seattle|47.6062,-122.3321|1.25|first|-|Downtown;Belltown;Capitol Hill;South Lake Union;Pioneer Square;Queen Anne|Pike Street;1st Avenue;4th Avenue;Westlake Avenue;Broadway;Denny Way
PHX|Phoenix|33.4484,-112.0740|0.9|first|resort|Downtown;Midtown;Arcadia;Scottsdale;Tempe;Biltmore|Central Avenue;Camelback Road;Washington Street;Indian School Road;Mill Avenue;Scottsdale Road
SFO|San Francisco|37.7749,-122.4194|1.55|first|-|Union Square;SoMa;Fisherman's Wharf;Nob Hill;Mission District;Financial District|Market Street;Geary Street;Powell Street;Mission Street;Columbus Avenue;Howard Street
HOU|Houston|29.7604,-95.3698|0.9|first|-|Downtown;Midtown;Galleria;Montrose;The Heights;Medical Center|Main Street;Westheimer Road;Travis Street;Post Oak Boulevard;Fannin Street;Smith Street
BOS|Boston|42.3601,-71.0589|1.45|first|-|Back Bay;Downtown;Seaport;Beacon Hill;North End;Cambridge|Boylston Street;Newbury Street;Tremont Street;Atlantic Avenue;Summer Street;Massachusetts Avenue
FLL|Fort Lauderdale|26.1224,-80.1373|1.05|first|resort|Las Olas;Fort Lauderdale Beach;Downtown;Victoria Park;Wilton Manors;Dania Beach|Las Olas Boulevard;Atlantic Boulevard;Federal Highway;Seabreeze Boulevard;Andrews Avenue;Sunrise Boulevard
MSP|Minneapolis|44.9778,-93.2650|0.95|first|-|Downtown;North Loop;Uptown;Northeast;Loring Park;Bloomington|Nicollet Mall;Hennepin Avenue;Washington Avenue;Marquette Avenue;Lake Street;University Avenue
DTT|Detroit|42.3314,-83.0458|0.85|first|-|Downtown;Midtown;Corktown;Greektown;Dearborn;Royal Oak|Woodward Avenue;Jefferson Avenue;Michigan Avenue;Gratiot Avenue;Cass Avenue;Grand River Avenue
PHL|Philadelphia|39.9526,-75.1652|1.05|first|-|Center City;Old City;Rittenhouse Square;University City;Fishtown;South Philadelphia|Market Street;Chestnut Street;Walnut Street;Broad Street;Arch Street;Spruce Street
SLC|Salt Lake City|40.7608,-111.8910|0.9|first|-|Downtown;Sugar House;The Avenues;Capitol Hill;The Gateway;University|Main Street;State Street;South Temple;West Temple;400 South;Highland Drive
WAS|Washington|38.9072,-77.0369|1.35|first|-|Downtown;Dupont Circle;Georgetown;Capitol Hill;Foggy Bottom;Arlington|Pennsylvania Avenue NW;Massachusetts Avenue NW;K Street NW;M Street NW;Connecticut Avenue NW;New York Avenue NW
SAN|San Diego|32.7157,-117.1611|1.2|first|resort|Gaslamp Quarter;Little Italy;La Jolla;Mission Valley;Old Town;Pacific Beach|Broadway;Harbor Drive;5th Avenue;India Street;Prospect Street;Garnet Avenue
TPA|Tampa|27.9506,-82.4572|0.9|first|-|Downtown;Ybor City;Westshore;Channel District;Hyde Park;South Tampa|Kennedy Boulevard;Bayshore Boulevard;Franklin Street;7th Avenue;Dale Mabry Highway;Channelside Drive
BNA|Nashville|36.1627,-86.7816|1.1|first|-|Downtown;The Gulch;Midtown;Music Row;East Nashville;Germantown|Broadway;Church Street;Demonbreun Street;West End Avenue;Division Street;Rosa L Parks Boulevard
AUS|Austin|30.2672,-97.7431|1.1|first|-|Downtown;South Congress;East Austin;Rainey Street;The Domain;Zilker|Congress Avenue;6th Street;Lamar Boulevard;Cesar Chavez Street;Red River Street;Guadalupe Street
HNL|Honolulu|21.2793,-157.8292|1.4|first|resort|Waikiki;Ala Moana;Downtown;Kakaako;Chinatown;Diamond Head|Kalakaua Avenue;Kuhio Avenue;Ala Moana Boulevard;King Street;Kapahulu Avenue;Beretania Street
PDX|Portland|45.5152,-122.6784|1.0|first|-|Downtown;Pearl District;Old Town;Lloyd District;Hawthorne;Alberta Arts|Burnside Street;Broadway;Naito Parkway;Hawthorne Boulevard;Alberta Street;Morrison Street
STL|St. Louis|38.6270,-90.1994|0.8|first|-|Downtown;Central West End;Soulard;The Hill;Clayton;Lafayette Square|Market Street;Washington Avenue;Lindell Boulevard;Euclid Avenue;Olive Street;Kingshighway Boulevard
RDU|Raleigh-Durham|35.7796,-78.6382|0.85|first|-|Downtown Raleigh;Durham;Research Triangle Park;North Hills;Cary;Glenwood South|Fayetteville Street;Glenwood Avenue;Hillsborough Street;Main Street;Capital Boulevard;Six Forks Road
SJC|San Jose|37.3382,-121.8863|1.25|first|-|Downtown;Santana Row;North San Jose;Willow Glen;Japantown;Santa Clara|Santa Clara Street;First Street;San Carlos Street;Stevens Creek Boulevard;The Alameda;Winchester Boulevard
MSY|New Orleans|29.9511,-90.0715|1.05|first|-|French Quarter;Central Business District;Garden District;Warehouse District;Marigny;Uptown|Canal Street;Bourbon Street;St. Charles Avenue;Poydras Street;Magazine Street;Decatur Street
SMF|Sacramento|38.5816,-121.4944|0.85|first|-|Downtown;Midtown;Old Sacramento;East Sacramento;Natomas;Land Park|J Street;Capitol Mall;K Street;L Street;Front Street;Folsom Boulevard
OAK|Oakland|37.8044,-122.2712|1.0|first|-|Downtown;Jack London Square;Lake Merritt;Rockridge;Temescal;Uptown|Broadway;Telegraph Avenue;Grand Avenue;College Avenue;Embarcadero West;Franklin Street
MCI|Kansas City|39.0997,-94.5786|0.8|first|-|Downtown;Country Club Plaza;Crossroads;Power & Light District;Westport;River Market|Main Street;Grand Boulevard;Broadway Boulevard;Ward Parkway;Baltimore Avenue;Walnut Street
SAT|San Antonio|29.4241,-98.4936|0.8|first|-|River Walk;Downtown;Pearl District;Alamo Heights;Medical Center;Stone Oak|Commerce Street;Houston Street;Broadway;Alamo Plaza;Market Street;Loop 410
CLE|Cleveland|41.4993,-81.6944|0.75|first|-|Downtown;Ohio City;University Circle;Tremont;Playhouse Square;The Flats|Euclid Avenue;Superior Avenue;Lorain Avenue;Prospect Avenue;West 25th Street;Carnegie Avenue
IND|Indianapolis|39.7684,-86.1581|0.8|first|-|Downtown;Mass Ave;Fountain Square;Broad Ripple;Wholesale District;Castleton|Meridian Street;Washington Street;Massachusetts Avenue;Illinois Street;Capitol Avenue;Keystone Avenue
PIT|Pittsburgh|40.4406,-79.9959|0.85|first|-|Downtown;Strip District;Shadyside;Oakland;Lawrenceville;North Shore|Liberty Avenue;Penn Avenue;Smithfield Street;Forbes Avenue;Grant Street;Walnut Street
CMH|Columbus|39.9612,-82.9988|0.8|first|-|Downtown;Short North;German Village;Arena District;Easton;Brewery District|High Street;Broad Street;Nationwide Boulevard;Front Street;Third Street;Gay Street
YTO|Toronto|43.6532,-79.3832|1.15|first|-|Downtown;Entertainment District;Yorkville;Distillery District;Financial District;Liberty Village|King Street West;Queen Street West;Yonge Street;Front Street West;Bloor Street West;Bay Street
YVR|Vancouver|49.2827,-123.1207|1.2|first|-|Downtown;Gastown;Yaletown;Coal Harbour;Kitsilano;Richmond|Robson Street;Granville Street;Burrard Street;Hastings Street;Davie Street;West Georgia Street
YMQ|Montreal|45.5017,-73.5673|1.0|first|-|Centre-Ville;Vieux-Montréal;Plateau-Mont-Royal;Griffintown;Quartier Latin;Mile End|Rue Sainte-Catherine;Boulevard René-Lévesque;Rue Saint-Paul;Rue Sherbrooke;Boulevard Saint-Laurent;Rue Peel
MEX|Mexico City|19.4326,-99.1332|0.65|last|-|Centro Histórico;Polanco;Roma Norte;Condesa;Reforma;Coyoacán|Paseo de la Reforma;Avenida Presidente Masaryk;Calle Madero;Avenida Álvaro Obregón;Avenida Insurgentes Sur;Calle Ámsterdam
CUN|Cancun|21.1619,-86.8515|1.0|last|resort|Zona Hotelera;Centro;Puerto Cancún;Playa Mujeres;Puerto Juárez;Malecón Tajamar|Boulevard Kukulcán;Avenida Tulum;Avenida Bonampak;Avenida Cobá;Avenida Nichupté;Avenida Yaxchilán
SAO|Sao Paulo|-23.5614,-46.6559|0.6|comma|-|Jardins;Paulista;Vila Madalena;Itaim Bibi;Pinheiros;Centro|Avenida Paulista;Rua Oscar Freire;Rua Augusta;Avenida Brigadeiro Faria Lima;Rua Haddock Lobo;Alameda Santos
BOG|Bogota|4.6533,-74.0836|0.5|last|-|Chapinero;La Candelaria;Zona Rosa;Usaquén;Chicó;Parque 93|Carrera 7;Avenida Jiménez;Calle 93;Carrera 11;Calle 85;Avenida Chile
LIM|Lima|-12.0464,-77.0428|0.55|last|-|Miraflores;San Isidro;Barranco;Centro Histórico;Surco;San Borja|Avenida José Larco;Avenida Pardo;Avenida Javier Prado;Jirón de la Unión;Avenida Petit Thouars;Malecón de la Reserva
SCL|Santiago|-33.4489,-70.6693|0.6|last|-|Providencia;Las Condes;Bellavista;Lastarria;Vitacura;Centro|Avenida Providencia;Avenida Apoquindo;Avenida Libertador Bernardo O'Higgins;Avenida Vitacura;Calle Merced;Avenida Andrés Bello
BUE|Buenos Aires|-34.6037,-58.3816|0.55|last|-|Palermo;Recoleta;San Telmo;Puerto Madero;Microcentro;Belgrano|Avenida Santa Fe;Avenida Corrientes;Avenida de Mayo;Calle Florida;Avenida Alvear;Avenida del Libertador
`;
