-- 述职评议 sessions. The definition (scale, ballot types, categories, quotas) is one document, frozen at OPEN.
create table evaluation_session (
    id         uuid          primary key,
    org_code   varchar(64)   not null,
    org_path   varchar(1000) not null,
    title      varchar(200)  not null,
    held_on    date          not null,
    state      varchar(10)   not null,
    definition jsonb         not null,
    version    bigint        not null,
    created_at timestamptz   not null
);
create index evaluation_session_path on evaluation_session (org_path varchar_pattern_ops);

-- Who may still vote. Turnout is read from here and never from the ballots: a credential row knows
-- whether it was used, not what was voted; a ballot row knows what was voted, not by whom.
create table voting_credential (
    id          uuid         primary key,
    session_id  uuid         not null references evaluation_session (id),
    ballot_type varchar(20)  not null,
    code_hash   char(64)     unique,
    account     varchar(200),
    spent       boolean      not null default false,
    unique (session_id, account),
    check ((code_hash is null) <> (account is null))
);

create table paper_turnout (
    session_id  uuid        not null references evaluation_session (id),
    ballot_type varchar(20) not null,
    ballots     integer     not null,
    primary key (session_id, ballot_type)
);

-- The ballot box: session, type, verdict and marks only. No voter, no credential, no time; ids are random,
-- and closing the session rewrites the box in random order under new ids (see docs/ballot-secrecy.md).
-- line_hash is the SHA-256 of the ballot's canonical line (docs/recount.md), a function of its content.
create table ballot (
    id          uuid         primary key,
    session_id  uuid         not null references evaluation_session (id),
    ballot_type varchar(20)  not null,
    status      varchar(5)   not null,
    void_reason varchar(500),
    marks       jsonb        not null,
    line_hash   bytea        not null
);
create index ballot_session on ballot (session_id);

-- Computed once at sealing; the trigger makes it immutable even to the service itself.
create table sealed_result (
    session_id uuid        primary key references evaluation_session (id),
    digest     char(64)    not null,
    tally      jsonb       not null,
    sealed_at  timestamptz not null
);
create function refuse_sealed_change() returns trigger language plpgsql as $$
begin
    raise exception 'sealed results are immutable';
end $$;
create trigger sealed_result_immutable before update or delete on sealed_result
    for each row execute function refuse_sealed_change();
