// Written reviews for the generated hotels, so a hotel listed with "(261 reviews)" shows some of them. Each is made
// from the hotel's id and rating alone (no randomness to carry), around the hotel's own rating, so a 9.1 hotel reads
// mostly glowing and a 6.0 one mixed. They are demo data, as the generated hotels are.

/** Written reviews per generated hotel (at most its review count): a page of them, not all its ratings. */
export const DEMO_REVIEWS_PER_HOTEL = 3;

export interface DemoReview {
  rating: number;
  title: string;
  body: string;
  author: string;
  /** Days before the seeding that it was written. */
  daysAgo: number;
}

const GOOD = [
  ['Would stay again', 'Spotless room, quiet at night and the staff remembered our names by the second day.'],
  ['Great location', 'Everything we wanted to see was a short walk away, and the bed was very comfortable.'],
  ['Excellent stay', 'Check-in took two minutes, the room was ready early and breakfast had plenty of choice.'],
  ['Better than expected', 'Bigger room than the photos suggest, fast Wi-Fi, and a helpful front desk.'],
] as const;
const MIXED = [
  ['Fine for a short stay', 'The room was clean but small, and the street noise carried until late.'],
  ['Good value', 'Nothing fancy and the bathroom is dated, but the price was fair for the area.'],
  ['Mixed feelings', 'Friendly staff and a good location, let down by a slow elevator and thin walls.'],
] as const;
const POOR = [
  ['Needs work', 'The room smelled of smoke and the air conditioning rattled all night.'],
  ['Disappointing', 'Check-in took forty minutes and the room was not what we booked.'],
] as const;
const AUTHORS = ['Maria G.', 'James T.', 'Aiko S.', 'Daniel K.', 'Priya R.', 'Lucas M.', 'Fatima A.', 'Chen W.'];
/** Each review's distance from the hotel's own rating, in points, so they spread around it. */
const OFFSETS = [0.4, -0.8, 1.1];

/** The hotel's written demo reviews, newest first. */
export function demoReviewsOf(hotel: { id: number; ratingTenths: number; reviewCount: number }): DemoReview[] {
  const count = Math.min(DEMO_REVIEWS_PER_HOTEL, hotel.reviewCount);
  return Array.from({ length: count }, (_, n) => {
    const rating = Math.min(10, Math.max(1, Math.round(hotel.ratingTenths / 10 + OFFSETS[n]!)));
    const bank = rating >= 8 ? GOOD : rating >= 6 ? MIXED : POOR;
    const [title, body] = bank[(hotel.id + n * 5) % bank.length]!;
    return {
      rating,
      title,
      body,
      author: AUTHORS[(hotel.id * 3 + n) % AUTHORS.length]!,
      daysAgo: 4 + n * 23 + (hotel.id % 9),
    };
  });
}
