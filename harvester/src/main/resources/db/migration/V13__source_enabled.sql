-- A source can be disabled (no schedule, no run) and enabled again without losing anything; each is a version.
alter table source add column enabled boolean not null default true;
alter table source_version add column enabled boolean not null default true;
