-- Hotels around a point (a map search): the latitude band around it is read by index, not the whole table.
CREATE INDEX hotels_latitude_idx ON hotels (latitude) WHERE status = 'active';
