-- Shared by every service (platform-common): the answers to POSTs sent with an Idempotency-Key, so a client
-- that retries (after a timeout, a 503, a lost connection) gets the first answer instead of a second change.
create table idempotent_request (
    actor        varchar(200)  not null,
    request_key  varchar(200)  not null,
    method       varchar(10)   not null,
    path         varchar(2000) not null,
    status       integer,
    media_type   varchar(200),
    response     text,
    created_at   timestamptz   not null,
    primary key (actor, request_key)
);
create index idempotent_request_created on idempotent_request (created_at);
