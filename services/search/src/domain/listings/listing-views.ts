type Row = Record<string, unknown>;
const usd = (amount: unknown) => ({ amount: Number(amount), currency: 'USD' });

/** How an owner or admin sees a listing: every editable field, its status and owner. */
export function listingView(kind: 'hotels' | 'cars' | 'flights', row: Row, rooms: Row[] = []) {
  const base = {
    id: String(row.id),
    status: row.status,
    ownerId: row.owner_id ?? null,
    createdAt: row.created_at ?? null,
    updatedAt: row.updated_at,
    // The last admin decision, with its note to the owner (why it was rejected or suspended).
    review: row.review ?? null,
  };
  if (kind === 'hotels') {
    return {
      ...base,
      name: row.name,
      cityCode: row.city_code,
      city: row.city,
      country: row.country,
      address: row.address,
      neighborhood: row.neighborhood,
      latitude: row.latitude,
      longitude: row.longitude,
      stars: row.stars,
      amenities: row.amenities,
      policies: row.policies,
      description: row.description,
      rooms: rooms.map((r) => ({
        id: String(r.id),
        name: r.name,
        capacity: r.capacity,
        units: r.units,
        nightlyPrice: usd(r.nightly_price_minor),
      })),
    };
  }
  if (kind === 'cars') {
    return {
      ...base,
      company: row.company,
      locationCode: row.location_code,
      city: row.city,
      carClass: row.car_class,
      model: row.model,
      year: row.year,
      transmission: row.transmission,
      seats: row.seats,
      units: row.units,
      dailyPrice: usd(row.daily_price_minor),
      policies: row.policies,
    };
  }
  return {
    ...base,
    airline: row.airline,
    flightNumber: row.flight_number,
    origin: row.origin,
    destination: row.destination,
    via: row.via,
    departAt: row.depart_at,
    arriveAt: row.arrive_at,
    refundable: row.refundable,
  };
}
