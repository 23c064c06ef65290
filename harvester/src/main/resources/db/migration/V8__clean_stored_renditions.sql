-- One-off jobs the harvester runs at start-up until they are done, for data a release must fix (not schema).
create table maintenance_task (
    name       text primary key,
    created_at timestamptz not null default now(),
    done_at    timestamptz
);

-- HTML renditions stored before every rendition was cleaned by the mapping engine may carry active HTML (a JSON API
-- could supply its own "#html" fields): clean them once, as new revisions published like any change.
insert into maintenance_task (name) values ('clean-html-renditions');
