-- The change feed's order: positions handed out after commit, in the order versions became visible, so a client
-- that polls with the last position it saw never misses a version committed late by a long transaction.
alter table service_version add column feed_position bigint;
create unique index service_version_feed on service_version (feed_position);
