-- A deleted source keeps its row, versions, runs and withdrawn records (the history); it is listed no more and takes no
-- run. Its id can be given a mapping again through the API, as a new version.
alter table source add column deleted_at timestamptz;
alter table source_version add column deleted boolean not null default false;
