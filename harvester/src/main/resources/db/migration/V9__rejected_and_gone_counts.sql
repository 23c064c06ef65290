-- A run's records the source served but that failed extraction, mapping or validation (rejected: never published, no
-- obstacle to withdrawals) and those listed whose page answered 404/410 (gone), apart from fetch errors (errored).
alter table harvest_run add column rejected integer not null default 0;
alter table harvest_run add column gone integer not null default 0;
