-- Local replica of assessment-service's person registry, fed by the compacted topic org.persons.
create table person_replica (
    id            uuid         primary key,
    name          varchar(100) not null,
    account       varchar(100),
    version       bigint       not null,
    replicated_at timestamptz  not null
);
-- A person's posts as last announced, replaced whole with each newer state.
create table person_post_replica (
    appointment   uuid         primary key,
    person_id     uuid         not null references person_replica (id),
    unit_code     varchar(64)  not null,
    org_path      varchar(1000) not null,
    post          varchar(40)  not null,
    post_label    varchar(100) not null,
    term_start    date         not null,
    term_end      date
);
create index person_post_replica_person on person_post_replica (person_id);
create index person_post_replica_unit on person_post_replica (unit_code);
