-- A hotel search works out the free rooms of every hotel in the city (thousands in the largest), one index lookup
-- per hotel: carrying what availability needs in the index answers each lookup from the index alone, without
-- a visit to the table's pages. It replaces the plain index on hotel_id, which still serves the foreign key.
CREATE INDEX room_types_hotel_rooms_idx ON room_types (hotel_id) INCLUDE (id, capacity, units, nightly_price_minor);
DROP INDEX room_types_hotel_idx;
