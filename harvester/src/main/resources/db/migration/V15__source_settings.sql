-- What an operator sets for a source beyond its mapping file (base URL, delay, schedule, private networks, secrets,
-- review threshold, record timeout), as data: each change a version of its own.
alter table source add column settings jsonb not null default '{}';
alter table source_version add column settings jsonb not null default '{}';
