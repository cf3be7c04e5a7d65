// Words for the API's codes (amenities, car classes, cabins), so the page never shows snake_case.
const words = (code: string) => code.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());

const SPECIAL: Record<string, string> = {
  wifi: 'Wi-Fi',
  pet_friendly: 'Pet-friendly',
  free_cancellation: 'Free cancellation',
  near_transit: 'Near transit',
  full_size: 'Full-size',
  suv: 'SUV',
  premium_economy: 'Premium economy',
};

export const labelOf = (code: string): string => SPECIAL[code] ?? words(code);

export const stars = (n: number) => `${'★'.repeat(n)}${'☆'.repeat(Math.max(0, 5 - n))}`;
