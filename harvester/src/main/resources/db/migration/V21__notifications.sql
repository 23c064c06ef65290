-- What operators are told: a run held for review, a source turning red (or green again), publishing lagging (or
-- caught up). Kept for the console, and POSTed to the webhook when one is configured, retried until delivered.
create table notification (
    id              bigserial primary key,
    event           varchar(40)  not null,
    source_id       varchar(200),
    run_id          bigint,
    summary         text         not null,
    payload         text         not null,
    created_at      timestamptz  not null,
    delivery        varchar(20)  not null,
    attempts        integer      not null default 0,
    next_attempt_at timestamptz,
    delivered_at    timestamptz,
    last_error      text
);
create index notification_due on notification (next_attempt_at) where delivery = 'PENDING';
create index notification_newest on notification (created_at desc);

-- The last state of each watched signal (source:<id> red or green, publish-lag lagging or ok): only a change of state
-- notifies, once, whichever harvester instance sees it first.
create table signal_state (
    subject    varchar(250) primary key,
    state      varchar(20)  not null,
    changed_at timestamptz  not null
);
