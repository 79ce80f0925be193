-- An OA system's subscription: where to push which event types of which part of the org tree.
create table subscription (
    id          uuid primary key,
    org_path    varchar(500)  not null, -- the subscriber's scope: events of units outside it are never pushed
    url         varchar(2000) not null,
    event_types jsonb         not null,
    description varchar(200),
    secret      varchar(100)  not null, -- signs deliveries (Standard Webhooks); shown to the subscriber once
    active      boolean       not null,
    created_by  varchar(200)  not null,
    created_at  timestamptz   not null,
    version     bigint        not null
);
create index subscription_active on subscription (active);

-- One event for one subscription, from the moment the event is consumed until it is delivered or parked.
create table delivery (
    id              uuid primary key,
    subscription_id uuid          not null references subscription (id),
    event_id        uuid          not null,
    event_type      varchar(64)   not null,
    org_unit        varchar(500)  not null,
    payload         text          not null,
    state           varchar(16)   not null,
    attempts        int           not null,
    next_attempt_at timestamptz,
    lease_until     timestamptz,  -- a sender holds it until then; a crashed sender's lease runs out
    last_status     int,
    last_error      varchar(300),
    created_at      timestamptz   not null,
    delivered_at    timestamptz,
    version         bigint        not null,
    unique (subscription_id, event_id)
);
create index delivery_due on delivery (next_attempt_at) where state = 'PENDING';
create index delivery_by_state on delivery (state, created_at);
create index delivery_by_subscription on delivery (subscription_id, created_at);
