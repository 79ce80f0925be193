-- Duty records 履责纪实: what a leader did, in the post they held that day, kept for the year's count and 述职.
create table duty_record (
    id               uuid          primary key,
    person_id        uuid          not null references person (id),
    appointment_id   uuid          not null references appointment (id),
    unit_code        varchar(64)   not null references org_unit (code),
    org_path         varchar(1000) not null,
    post             varchar(30)   not null,
    kind             varchar(40)   not null,
    kind_name        varchar(40)   not null,
    happened_on      date          not null,
    participants     integer       check (participants is null or participants >= 0),
    summary          varchar(2000) not null,
    late             boolean       not null,
    late_reason      varchar(2000),
    editable_until   date          not null,
    withdrawn_reason varchar(2000),
    recorded_by      varchar(100)  not null,
    recorded_at      timestamptz   not null,
    version          bigint        not null
);
-- a year's count per unit, kind and post; a person's year; scope
create index duty_record_unit_day on duty_record (unit_code, happened_on);
create index duty_record_person_day on duty_record (person_id, happened_on);
create index duty_record_path on duty_record (org_path varchar_pattern_ops);

create table duty_record_evidence (
    id          uuid         primary key,
    record_id   uuid         not null references duty_record (id),
    file_name   varchar(255) not null,
    media_type  varchar(50)  not null,
    size        bigint       not null,
    sha256      char(64)     not null,
    content     bytea        not null,
    uploaded_by varchar(100) not null,
    uploaded_at timestamptz  not null
);
create index duty_record_evidence_record on duty_record_evidence (record_id);
