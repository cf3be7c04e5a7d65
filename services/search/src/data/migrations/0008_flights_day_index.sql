-- With the cache on, the search service holds each searched day's flights in memory and reads a day whole when
-- it changes: by this index, not by a scan of every flight of the year.
CREATE INDEX flights_day_idx ON flights (depart_date) WHERE status = 'active';
