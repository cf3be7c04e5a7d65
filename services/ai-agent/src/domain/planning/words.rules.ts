// Search's codes as a traveler reads them: the concierge never shows a raw enum ("full_size").
const CAR_CLASS_WORDS: Record<string, string> = {
  full_size: 'full-size car',
  suv: 'SUV',
  van: 'van',
  pickup: 'pickup truck',
  economy: 'economy car',
  compact: 'compact car',
  standard: 'standard car',
  luxury: 'luxury car',
};

/** "full_size" → "full-size car", "suv" → "SUV", "convertible" → "convertible". */
export const carClassName = (carClass: string): string => CAR_CLASS_WORDS[carClass] ?? carClass.replace(/_/g, ' ');

/** "premium_economy" → "premium economy". */
export const cabinName = (cabin: string): string => cabin.replace(/_/g, ' ');

/** "an SUV", "an economy car", "a compact car". */
export const withArticle = (words: string): string => `${/^([aeiou]|SUV)/i.test(words) ? 'an' : 'a'} ${words}`;
