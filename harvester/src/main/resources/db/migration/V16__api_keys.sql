-- Keys operators issue: an operator's (everything) or an agency's (its own sources only). Only a key's SHA-256 is
-- kept: a key is 256 random bits, so a fast hash cannot be reversed or guessed; the key itself is shown once.
create table api_key (
    id bigserial primary key,
    name text not null,
    role text not null check (role in ('OPERATOR', 'AGENCY')),
    agency_code text,
    key_hash text not null unique,
    key_prefix text not null,
    created_by text not null,
    created_at timestamptz not null,
    last_used_at timestamptz,
    revoked_at timestamptz,
    revoked_by text,
    check (role = 'OPERATOR' or agency_code is not null)
);

-- The hosts an operator allowed an agency's sources to harvest: an agency key creates or changes a source only on
-- these (its baseUrl's host).
create table agency_grant (
    agency_code text primary key,
    hosts jsonb not null default '[]',
    changed_by text not null,
    changed_at timestamptz not null,
    reason text
);

-- Who asked for a run (a key's holder, or the schedule) and who cancelled it; who reviewed it is reviewed_by.
alter table harvest_run add column requested_by text;
alter table harvest_run add column cancelled_by text;

-- The agency whose key made a version (null for operators and files): an agency's mapping publishes as that agency.
alter table source_version add column changed_by_agency text;
