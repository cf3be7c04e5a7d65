/* Cities of the busy airports outside the Americas, in the format of cities-americas.data.ts. */
export const EUROPE_AFRICA_MIDDLE_EAST = `
LON|London|51.5074,-0.1278|1.6|first|-|Westminster;Covent Garden;Kensington;Shoreditch;Canary Wharf;Mayfair;Southwark;Paddington|Strand;Oxford Street;Piccadilly;Kensington High Street;Shoreditch High Street;Park Lane
PAR|Paris|48.8566,2.3522|1.5|first|-|Opéra;Le Marais;Saint-Germain-des-Prés;Montmartre;Champs-Élysées;Bastille;Latin Quarter|Rue de Rivoli;Boulevard Haussmann;Rue Saint-Honoré;Boulevard Saint-Germain;Avenue des Champs-Élysées;Rue de la Roquette
IST|Istanbul|41.0082,28.9784|0.6|no|-|Sultanahmet;Beyoğlu;Taksim;Beşiktaş;Kadıköy;Şişli;Galata|İstiklal Caddesi;Cumhuriyet Caddesi;Halaskargazi Caddesi;Bağdat Caddesi;Divan Yolu Caddesi;Barbaros Bulvarı
AMS|Amsterdam|52.3676,4.9041|1.45|last|-|Centrum;Jordaan;De Pijp;Oud-Zuid;Oost;Noord|Damrak;Prinsengracht;Keizersgracht;Herengracht;Rokin;Ferdinand Bolstraat
FRA|Frankfurt|50.1109,8.6821|1.1|last|-|Innenstadt;Sachsenhausen;Westend;Bahnhofsviertel;Bockenheim;Europaviertel|Kaiserstraße;Zeil;Mainzer Landstraße;Bockenheimer Landstraße;Schweizer Straße;Hanauer Landstraße
MAD|Madrid|40.4168,-3.7038|1.0|last|-|Sol;Malasaña;Salamanca;Chueca;La Latina;Chamberí;Retiro|Gran Vía;Calle de Alcalá;Paseo de la Castellana;Calle Mayor;Calle de Serrano;Calle de Atocha
BCN|Barcelona|41.3874,2.1686|1.15|last|resort|Eixample;Gothic Quarter;El Born;Gràcia;Barceloneta;Poblenou|Passeig de Gràcia;La Rambla;Avinguda Diagonal;Carrer de Balmes;Via Laietana;Rambla de Catalunya
ROM|Rome|41.9028,12.4964|1.2|comma|-|Centro Storico;Trastevere;Monti;Prati;Termini;Testaccio|Via del Corso;Via Nazionale;Via Veneto;Via Cavour;Via Cola di Rienzo;Viale di Trastevere
MUC|Munich|48.1351,11.5820|1.2|last|-|Altstadt;Maxvorstadt;Schwabing;Haidhausen;Ludwigsvorstadt;Glockenbachviertel|Maximilianstraße;Leopoldstraße;Sendlinger Straße;Bayerstraße;Prinzregentenstraße;Theresienstraße
DUB|Dublin|53.3498,-6.2603|1.3|first|-|Temple Bar;Ballsbridge;Smithfield;Docklands;Ranelagh;Portobello|O'Connell Street;Grafton Street;Dame Street;Baggot Street;Camden Street;Pembroke Road
LIS|Lisbon|38.7223,-9.1393|0.95|comma|-|Baixa;Alfama;Bairro Alto;Chiado;Avenida da Liberdade;Belém;Parque das Nações|Avenida da Liberdade;Rua Augusta;Rua Garrett;Rua do Ouro;Avenida Almirante Reis;Rua da Prata
ZRH|Zurich|47.3769,8.5417|1.75|last|-|Altstadt;Enge;Zürich West;Seefeld;Oerlikon;Niederdorf|Bahnhofstrasse;Limmatquai;Seefeldstrasse;Langstrasse;Niederdorfstrasse;Badenerstrasse
CPH|Copenhagen|55.6761,12.5683|1.35|last|-|Indre By;Nyhavn;Vesterbro;Nørrebro;Østerbro;Christianshavn|Vesterbrogade;Bredgade;Nørregade;Store Kongensgade;Istedgade;Amagertorv
VIE|Vienna|48.2082,16.3738|1.05|last|-|Innere Stadt;Leopoldstadt;Mariahilf;Neubau;Wieden;Landstraße|Kärntner Straße;Mariahilfer Straße;Ringstraße;Praterstraße;Wiedner Hauptstraße;Graben
MIL|Milan|45.4642,9.1900|1.3|comma|-|Duomo;Brera;Navigli;Porta Nuova;Centrale;Porta Romana|Via Montenapoleone;Corso Buenos Aires;Via Torino;Corso Como;Via Dante;Corso di Porta Romana
STO|Stockholm|59.3293,18.0686|1.25|last|-|Norrmalm;Gamla Stan;Södermalm;Östermalm;Vasastan;Kungsholmen|Drottninggatan;Kungsgatan;Birger Jarlsgatan;Sveavägen;Götgatan;Strandvägen
OSL|Oslo|59.9139,10.7522|1.35|last|-|Sentrum;Grünerløkka;Frogner;Aker Brygge;Bjørvika;Majorstuen|Karl Johans gate;Storgata;Bogstadveien;Thorvald Meyers gate;Dronning Eufemias gate;Kirkegata
ATH|Athens|37.9838,23.7275|0.8|last|-|Syntagma;Plaka;Monastiraki;Kolonaki;Koukaki;Psyrri|Ermou;Stadiou;Panepistimiou;Athinas;Voukourestiou;Vasilissis Sofias
BER|Berlin|52.5200,13.4050|1.0|last|-|Mitte;Kreuzberg;Prenzlauer Berg;Charlottenburg;Friedrichshain;Schöneberg|Friedrichstraße;Kurfürstendamm;Unter den Linden;Torstraße;Oranienstraße;Karl-Marx-Allee
HEL|Helsinki|60.1699,24.9384|1.15|last|-|Kluuvi;Kamppi;Punavuori;Kallio;Töölö;Katajanokka|Mannerheimintie;Aleksanterinkatu;Bulevardi;Pohjoisesplanadi;Fredrikinkatu;Hämeentie
PRG|Prague|50.0755,14.4378|0.75|last|-|Old Town;Malá Strana;New Town;Vinohrady;Žižkov;Karlín|Národní;Na Příkopě;Karlova;Vinohradská;Dlouhá;Václavské náměstí
DXB|Dubai|25.2048,55.2708|1.3|first|resort|Downtown Dubai;Dubai Marina;Deira;Jumeirah;Business Bay;Bur Dubai;Palm Jumeirah|Sheikh Zayed Road;Al Wasl Road;Jumeirah Beach Road;Al Rigga Road;Al Sufouh Road;Financial Centre Road
DOH|Doha|25.2854,51.5310|1.1|first|-|West Bay;The Pearl;Msheireb;Al Sadd;Lusail;Old Airport|Corniche Street;Al Corniche;Majlis Al Taawon Street;Salwa Road;Al Waab Street;Lusail Expressway
JNB|Johannesburg|-26.1076,28.0567|0.6|first|-|Sandton;Rosebank;Melrose;Braamfontein;Maboneng;Fourways|Rivonia Road;Oxford Road;Jan Smuts Avenue;William Nicol Drive;Grayston Drive;Main Street
`;

export const ASIA_PACIFIC = `
TYO|Tokyo|35.6812,139.7671|1.3|jp|-|Marunouchi;Shinjuku;Ginza;Shibuya;Asakusa;Roppongi;Ueno|-
DEL|Delhi|28.6315,77.2167|0.45|first|-|Connaught Place;Aerocity;Paharganj;Karol Bagh;Saket;Chanakyapuri|Janpath;Barakhamba Road;Kasturba Gandhi Marg;Sardar Patel Marg;Mathura Road;Ring Road
CAN|Guangzhou|23.1291,113.2644|0.55|first|-|Tianhe;Yuexiu;Haizhu;Liwan;Baiyun;Panyu|Tianhe Road;Huanshi East Road;Zhongshan Road;Beijing Road;Jiefang Road;Huangpu Avenue
SHA|Shanghai|31.2304,121.4737|0.85|first|-|People's Square;The Bund;Jing'an;Xintiandi;Lujiazui;Former French Concession;Hongqiao|Nanjing Road;Huaihai Road;Yan'an Road;Century Avenue;Zhongshan East Road;Hengshan Road
SIN|Singapore|1.2903,103.8520|1.45|first|-|Marina Bay;Orchard;Chinatown;Clarke Quay;Bugis;Little India;Sentosa|Orchard Road;Beach Road;Bras Basah Road;Raffles Boulevard;South Bridge Road;Victoria Street
SEL|Seoul|37.5665,126.9780|0.95|first|-|Myeongdong;Gangnam;Hongdae;Itaewon;Jongno;Insadong;Yeouido|Sejong-daero;Teheran-ro;Itaewon-ro;Toegye-ro;Jong-ro;Gangnam-daero
BKK|Bangkok|13.7563,100.5018|0.5|first|resort|Sukhumvit;Silom;Riverside;Siam;Khao San;Sathorn;Chinatown|Sukhumvit Road;Silom Road;Rama IV Road;Ploenchit Road;Charoen Krung Road;Ratchadamri Road
BJS|Beijing|39.9042,116.4074|0.8|first|-|Wangfujing;Chaoyang;Sanlitun;Dongcheng;Xicheng;Haidian;Qianmen|Chang'an Avenue;Wangfujing Street;Jianguomen Outer Street;Dongsanhuan Road;Gongti North Road;Qianmen Street
BOM|Mumbai|19.0760,72.8777|0.55|first|-|Colaba;Bandra;Juhu;Fort;Andheri;Lower Parel;Powai|Marine Drive;Linking Road;Juhu Tara Road;Senapati Bapat Marg;Colaba Causeway;Hill Road
HKG|Hong Kong|22.2850,114.1580|1.35|first|-|Central;Tsim Sha Tsui;Causeway Bay;Wan Chai;Mong Kok;Sheung Wan|Queen's Road Central;Nathan Road;Hennessy Road;Des Voeux Road;Canton Road;Lockhart Road
KUL|Kuala Lumpur|3.1390,101.6869|0.5|first|-|Bukit Bintang;KLCC;Chinatown;Bangsar;Mont Kiara;Brickfields|Jalan Bukit Bintang;Jalan Ampang;Jalan Sultan Ismail;Jalan Raja Chulan;Jalan Petaling;Jalan Tun Razak
SYD|Sydney|-33.8688,151.2093|1.3|first|-|CBD;The Rocks;Darling Harbour;Surry Hills;Bondi;Darlinghurst;Pyrmont|George Street;Pitt Street;Macquarie Street;Oxford Street;Campbell Parade;Harris Street
JKT|Jakarta|-6.2088,106.8456|0.45|no|-|Menteng;Kuningan;Sudirman;Kemang;Kota Tua;Senayan|Jalan M.H. Thamrin;Jalan Jenderal Sudirman;Jalan H.R. Rasuna Said;Jalan Gatot Subroto;Jalan Kemang Raya;Jalan Asia Afrika
MNL|Manila|14.5547,121.0244|0.5|first|-|Makati;Bonifacio Global City;Ermita;Malate;Ortigas;Pasay|Ayala Avenue;Roxas Boulevard;Paseo de Roxas;Makati Avenue;5th Avenue;Ortigas Avenue
TPE|Taipei|25.0330,121.5654|0.85|first|-|Xinyi;Zhongshan;Da'an;Ximending;Songshan;Beitou|Zhongxiao East Road;Xinyi Road;Nanjing East Road;Zhongshan North Road;Dunhua South Road;Renai Road
MEL|Melbourne|-37.8136,144.9631|1.15|first|-|CBD;Southbank;St Kilda;Fitzroy;Docklands;Carlton;South Yarra|Collins Street;Flinders Street;Swanston Street;Bourke Street;Chapel Street;Fitzroy Street
AKL|Auckland|-36.8485,174.7633|1.05|first|-|CBD;Viaduct Harbour;Ponsonby;Parnell;Newmarket;Mount Eden|Queen Street;Quay Street;Ponsonby Road;Parnell Road;Broadway;Customs Street
`;
