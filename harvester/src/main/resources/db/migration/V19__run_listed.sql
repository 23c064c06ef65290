-- How many records a run's listing (or ping) named so far, written with its progress: records done of listed.
alter table harvest_run add column listed int not null default 0;
