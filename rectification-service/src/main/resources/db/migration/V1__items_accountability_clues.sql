-- Rectification items 整改事项 and their workflow (party.rectification.items).
create sequence item_number;

create table rectification_item (
    id                 uuid          primary key,
    number             varchar(20)   not null unique,
    source             varchar(30)   not null,
    timing_class       varchar(20)   not null,
    problem            text          not null,
    public_summary     varchar(500),
    org_code           varchar(64)   not null,
    org_path           varchar(1000) not null,
    responsible_leader varchar(100),
    supervising_unit   varchar(64),
    measures           text,
    milestones         jsonb         not null default '[]',
    report             text,
    found_on           date          not null,
    deadline           date          not null,
    state              varchar(20)   not null,
    issued_by          varchar(100)  not null,
    issued_at          timestamptz   not null,
    overdue_raised_for date,
    escalated_to       varchar(1000),
    closed_on          date,
    on_time            boolean,
    follow_up_due      date,
    reopen_count       integer       not null default 0,
    version            bigint        not null
);
-- the ledger: a scope subtree (prefix match) ordered by deadline
create index rectification_item_path on rectification_item (org_path text_pattern_ops, deadline);
create index rectification_item_deadline on rectification_item (deadline, number);
create index rectification_item_state on rectification_item (state, deadline);
create index rectification_item_source on rectification_item (source, deadline);
-- the deadline scan touches only open items whose overdue is not raised for their current deadline
create index rectification_item_overdue_due on rectification_item (deadline)
    where state not in ('CLOSED', 'FOLLOW_UP_DUE', 'SUSTAINED') and overdue_raised_for is distinct from deadline;
create index rectification_item_follow_up on rectification_item (follow_up_due) where state = 'CLOSED';
create index rectification_item_escalated on rectification_item (escalated_to) where escalated_to is not null;
create index rectification_item_public on rectification_item (issued_at) where public_summary is not null;

create function refuse_change() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only', tg_table_name;
end $$;

-- ids come from a sequence in steps of 50, so a scan's history rows go to PostgreSQL in JDBC batches
create sequence item_history_seq increment by 50;
create table item_history (
    id         bigint        primary key,
    item_id    uuid          not null references rectification_item (id),
    at         timestamptz   not null,
    actor      varchar(100)  not null,
    action     varchar(30)   not null,
    from_state varchar(20),
    to_state   varchar(20),
    note       text
);
create index item_history_item on item_history (item_id, id);
create trigger item_history_append_only before update or delete on item_history
    for each row execute function refuse_change();

create table evidence (
    id          uuid          primary key,
    item_id     uuid          not null references rectification_item (id),
    file_name   varchar(255),
    media_type  varchar(50)   not null,
    size        bigint        not null,
    sha256      char(64)      not null,
    content     bytea         not null,
    uploaded_by varchar(100)  not null,
    uploaded_at timestamptz   not null
);
create index evidence_item on evidence (item_id);

-- 追责 decisions, recorded by the discipline commission; never edited.
create table accountability_decision (
    id            uuid          primary key,
    item_id       uuid          not null references rectification_item (id),
    org_code      varchar(64)   not null,
    org_path      varchar(1000) not null,
    person        varchar(100)  not null,
    post          varchar(200),
    disposition   varchar(20)   not null,
    justification text,
    decided_by    varchar(100)  not null,
    decided_at    timestamptz   not null
);
create index accountability_decision_item on accountability_decision (item_id);
create trigger accountability_decision_append_only before update or delete on accountability_decision
    for each row execute function refuse_change();

-- 问题线索: read only through the discipline commission's API (party.rectification.clues).
create table clue (
    id            uuid          primary key,
    org_code      varchar(64)   not null,
    org_path      varchar(1000) not null,
    summary       varchar(500)  not null,
    details       text          not null,
    reporter      varchar(500),
    registered_by varchar(100)  not null,
    registered_at timestamptz   not null,
    status        varchar(20)   not null,
    disposition   varchar(20),
    version       bigint        not null
);
create index clue_path on clue (org_path text_pattern_ops);

create table clue_handling (
    id          bigint        generated always as identity primary key,
    clue_id     uuid          not null references clue (id),
    at          timestamptz   not null,
    actor       varchar(100)  not null,
    status      varchar(20)   not null,
    disposition varchar(20),
    note        text
);
create index clue_handling_clue on clue_handling (clue_id, id);
create trigger clue_handling_append_only before update or delete on clue_handling
    for each row execute function refuse_change();
