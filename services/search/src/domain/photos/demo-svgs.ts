// Pictures drawn for the demo listings (no text: a server may have no fonts). Each is a 1600×1067 SVG scene in one
// of a few palettes, so neighbouring listings do not all look alike.

const W = 1600;
const H = 1067;
const svg = (body: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">${body}</svg>`;

const SKIES = [
  ['#8ec5fc', '#e0c3fc'],
  ['#f6d365', '#fda085'],
  ['#a1c4fd', '#c2e9fb'],
  ['#fbc2eb', '#a6c1ee'],
  ['#84fab0', '#8fd3f4'],
  ['#ffecd2', '#fcb69f'],
] as const;
const FACADES = ['#e9e4d8', '#c9b79c', '#d8d2c4', '#b7c4cf', '#e6d3c3', '#cfd8dc'] as const;

/** A hotel from the street: sky, a facade with rows of lit windows, an entrance and trees. */
export function hotelExterior(variant: number): string {
  const [top, bottom] = SKIES[variant % SKIES.length]!;
  const facade = FACADES[variant % FACADES.length]!;
  const floors = 5 + (variant % 3);
  const left = 380;
  const width = 840;
  const floorH = 96;
  const topY = 900 - floors * floorH;
  const windows: string[] = [];
  for (let f = 0; f < floors; f++) {
    for (let c = 0; c < 7; c++) {
      const lit = (f * 7 + c + variant) % 5 === 0;
      windows.push(
        `<rect x="${left + 40 + c * 112}" y="${topY + 24 + f * floorH}" width="72" height="56" rx="4" fill="${lit ? '#ffe8a3' : '#5b7083'}" opacity="0.9"/>`,
      );
    }
  }
  const trees = [150, 1340, 1480]
    .map(
      (x, i) =>
        `<circle cx="${x}" cy="${800 - i * 10}" r="${90 - i * 8}" fill="#3f7d4e"/><rect x="${x - 12}" y="${820 - i * 10}" width="24" height="100" fill="#6b4f2f"/>`,
    )
    .join('');
  return svg(`
    <defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${top}"/><stop offset="1" stop-color="${bottom}"/></linearGradient></defs>
    <rect width="${W}" height="${H}" fill="url(#sky)"/>
    <circle cx="${1250 - variant * 90}" cy="180" r="70" fill="#fff6d5" opacity="0.8"/>
    <rect x="${left}" y="${topY}" width="${width}" height="${900 - topY}" fill="${facade}"/>
    <rect x="${left - 20}" y="${topY - 30}" width="${width + 40}" height="34" fill="#6d6a66"/>
    ${windows.join('')}
    <rect x="${left + width / 2 - 90}" y="790" width="180" height="110" fill="#3d4a57"/>
    <rect x="${left + width / 2 - 140}" y="770" width="280" height="24" fill="#8a2d2d"/>
    ${trees}
    <rect y="900" width="${W}" height="${H - 900}" fill="#9aa3a8"/>
    <rect y="960" width="${W}" height="12" fill="#f1f1f1" opacity="0.6"/>`);
}

const WALLS = ['#efe6da', '#dfe8ef', '#f3e3e3', '#e3efe6'] as const;
const LINENS = ['#ffffff', '#f7f3ea', '#eef4fb', '#fbf0f0'] as const;
const THROWS = ['#2f5d8a', '#8a3b2f', '#3d6b4f', '#6b4f8a'] as const;

/** A guest room: a wall with a window, a made bed with pillows and a throw, a lamp and a side table. */
export function hotelRoom(variant: number): string {
  const wall = WALLS[variant % WALLS.length]!;
  const linen = LINENS[variant % LINENS.length]!;
  const accent = THROWS[variant % THROWS.length]!;
  return svg(`
    <rect width="${W}" height="${H}" fill="${wall}"/>
    <rect y="760" width="${W}" height="${H - 760}" fill="#b89b7a"/>
    <rect x="980" y="150" width="460" height="380" fill="#bfe3ff" stroke="#ffffff" stroke-width="18"/>
    <rect x="1200" y="150" width="18" height="380" fill="#ffffff"/>
    <rect x="900" y="130" width="60" height="460" fill="${accent}" opacity="0.8"/>
    <rect x="1460" y="130" width="60" height="460" fill="${accent}" opacity="0.8"/>
    <rect x="230" y="360" width="620" height="180" rx="16" fill="#6e5640"/>
    <rect x="200" y="520" width="680" height="260" rx="24" fill="${linen}"/>
    <rect x="260" y="470" width="240" height="90" rx="40" fill="#ffffff" stroke="#ddd" stroke-width="4"/>
    <rect x="560" y="470" width="240" height="90" rx="40" fill="#ffffff" stroke="#ddd" stroke-width="4"/>
    <rect x="200" y="650" width="680" height="90" fill="${accent}"/>
    <rect x="40" y="600" width="130" height="170" fill="#7a5f45"/>
    <polygon points="60,470 150,470 130,400 80,400" fill="#f8e7b0"/>
    <rect x="100" y="470" width="10" height="130" fill="#444"/>`);
}

const PAINTS = ['#c0392b', '#2c3e50', '#f1f1f1', '#2471a3', '#7d8c8d', '#1e8449'] as const;

/** A rental car by the road, in one of a few paints. */
export function rentalCar(variant: number): string {
  const [top, bottom] = SKIES[(variant + 2) % SKIES.length]!;
  const paint = PAINTS[variant % PAINTS.length]!;
  return svg(`
    <defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${top}"/><stop offset="1" stop-color="${bottom}"/></linearGradient></defs>
    <rect width="${W}" height="${H}" fill="url(#sky)"/>
    <polygon points="0,620 300,430 600,600 900,400 1250,610 1600,470 1600,700 0,700" fill="#8fae9b" opacity="0.8"/>
    <rect y="700" width="${W}" height="${H - 700}" fill="#5d6166"/>
    <rect y="900" width="${W}" height="14" fill="#f4d03f"/>
    <path d="M320 780 L420 620 Q470 560 560 555 L1010 555 Q1100 560 1170 630 L1280 700 Q1330 715 1330 780 L1330 830 L320 830 Z" fill="${paint}" stroke="#222" stroke-width="6"/>
    <path d="M470 630 Q500 585 570 585 L760 585 L760 690 L430 690 Z" fill="#cfe6f5" stroke="#222" stroke-width="4"/>
    <path d="M790 585 L1000 585 Q1060 590 1110 690 L790 690 Z" fill="#cfe6f5" stroke="#222" stroke-width="4"/>
    <circle cx="510" cy="840" r="78" fill="#222"/><circle cx="510" cy="840" r="36" fill="#bbb"/>
    <circle cx="1140" cy="840" r="78" fill="#222"/><circle cx="1140" cy="840" r="36" fill="#bbb"/>
    <rect x="1280" y="730" width="50" height="26" rx="6" fill="#ffe9a8"/>`);
}

export const DEMO_SCENES = {
  exterior: { count: SKIES.length, draw: hotelExterior },
  room: { count: WALLS.length, draw: hotelRoom },
  car: { count: PAINTS.length, draw: rentalCar },
} as const;
