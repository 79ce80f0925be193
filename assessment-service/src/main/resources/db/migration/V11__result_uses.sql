-- Results applied 结果运用: each use a committee makes of an announced result (docs/domain.md §9).
create table result_use (
    id               uuid          primary key,
    scheme_id        uuid          not null references scheme (id),
    org_code         varchar(64)   not null references org_unit (code),
    org_path         varchar(1000) not null,
    kind             varchar(30)   not null,
    person_id        uuid          references person (id),
    decision         varchar(2000) not null,
    decided_on       date          not null,
    document_ref     varchar(100),
    withdrawn_reason varchar(2000),
    recorded_by      varchar(100)  not null,
    recorded_at      timestamptz   not null
);
create index result_use_scheme on result_use (scheme_id, org_code);
