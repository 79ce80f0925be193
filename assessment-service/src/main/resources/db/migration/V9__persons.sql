-- Leaders and the posts they hold (定向到人): a person keeps every appointment, each with its term.
create table person (
    id         uuid         primary key,
    name       varchar(100) not null,
    account    varchar(100) unique,
    version    bigint       not null,
    created_at timestamptz  not null,
    updated_at timestamptz  not null
);

create table appointment (
    id             uuid          primary key,
    person_id      uuid          not null references person (id),
    unit_code      varchar(64)   not null references org_unit (code),
    org_path       varchar(1000) not null,
    post           varchar(30)   not null,
    business_areas varchar(500),
    party_duties   varchar(1000),
    term_start     date          not null,
    term_end       date,
    created_at     timestamptz   not null,
    check (term_end is null or term_end >= term_start)
);
create index appointment_person on appointment (person_id);
create index appointment_unit on appointment (unit_code, post);
create index appointment_path on appointment (org_path varchar_pattern_ops);
