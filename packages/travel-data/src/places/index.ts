// What destinations are like, for Explore and the AI concierge: each city's climate by month and coast, national
// parks and ski areas near it, and the themes those make. Sources in SOURCES.md.
export { ATTRACTIONS, attractionsNear, type Attraction } from './attractions.ts';
export { averageHighC, climateCities, climateOf, type CityClimate } from './climate.ts';
export { THEMES, WARM_FROM_C, themesOf, type Theme, type ThemeReasons } from './themes.ts';
