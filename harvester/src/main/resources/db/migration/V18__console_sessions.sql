-- Console sign-ins: a key exchanged for a session cookie. Only the SHA-256 of the session id is kept (the id is 256
-- random bits); the CSRF token is checked on every change the console makes. A session of an issued key ends with the
-- key (revoked_at is checked on every request); every session ends at expires_at (an hour idle, eight at most).
create table console_session (
    id_hash text primary key,
    key_id bigint references api_key (id),
    role text not null check (role in ('OPERATOR', 'AGENCY')),
    agency_code text,
    name text not null,
    csrf_token text not null,
    created_at timestamptz not null,
    expires_at timestamptz not null
);
create index console_session_expiry on console_session (expires_at);
