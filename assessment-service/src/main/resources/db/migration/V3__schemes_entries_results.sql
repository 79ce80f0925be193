-- Yearly assessment schemes 考核方案 and what feeds their results (party.assessment.schemes, party.assessment.results).
create table scheme (
    id           uuid          primary key,
    year         integer       not null,
    org_code     varchar(64)   not null,
    org_path     varchar(1000) not null,
    title        varchar(200)  not null,
    state        varchar(20)   not null,
    revision     integer       not null,
    supersedes   uuid          references scheme (id),
    definition   jsonb         not null,
    created_by   varchar(100)  not null,
    published_at timestamptz,
    locked_at    timestamptz,
    version      bigint        not null
);
create index scheme_path on scheme (org_path text_pattern_ops, year);

-- One indicator of one unit: its self-assessment, the owning department's review, an objection and its resolution.
create table indicator_entry (
    scheme_id      uuid          not null references scheme (id),
    org_code       varchar(64)   not null,
    indicator_code varchar(64)   not null,
    org_path       varchar(1000) not null,
    self_value     numeric(18, 4),
    self_grade     varchar(20),
    evidence       text,
    self_by        varchar(100),
    self_at        timestamptz,
    review_value   numeric(18, 4),
    review_grade   varchar(20),
    review_comment text,
    reviewed_by    varchar(100),
    reviewed_at    timestamptz,
    objection      text,
    objected_at    timestamptz,
    resolution     text,
    resolved_by    varchar(100),
    resolved_at    timestamptz,
    version        bigint        not null,
    primary key (scheme_id, org_code, indicator_code)
);

-- 平时检查 during the year and 民意调查 satisfaction, per scheme and unit.
create table routine_check (
    id          uuid          primary key,
    scheme_id   uuid          not null references scheme (id),
    org_code    varchar(64)   not null,
    checked_on  date          not null,
    score       numeric(7, 2) not null,
    note        text,
    recorded_by varchar(100)  not null
);
create index routine_check_unit on routine_check (scheme_id, org_code);

create table opinion_score (
    scheme_id    uuid          not null references scheme (id),
    org_code     varchar(64)   not null,
    satisfaction numeric(7, 2) not null,
    source       varchar(200),
    recorded_by  varchar(100)  not null,
    recorded_at  timestamptz   not null,
    primary key (scheme_id, org_code)
);

-- Rectification performance per unit and year, counted from rectification.events.
create table rectification_tally (
    org_code       varchar(64) not null,
    year           integer     not null,
    on_time        integer     not null default 0,
    late           integer     not null default 0,
    overdue        integer     not null default 0,
    reopened       integer     not null default 0,
    accountability integer     not null default 0,
    primary key (org_code, year)
);

-- A unit's result under a scheme: computed (and recomputed as inputs arrive) until the scheme is locked;
-- grade and rank are stored when it locks, before that they are derived from the category's totals.
create table unit_result (
    scheme_id         uuid          not null references scheme (id),
    org_code          varchar(64)   not null,
    org_path          varchar(1000) not null,
    level             varchar(20)   not null,
    category          varchar(40)   not null,
    total             numeric(9, 2) not null,
    adjustment        numeric(9, 2) not null default 0,
    adjustment_reason text,
    calculation       jsonb         not null,
    grade             varchar(20),
    rank              integer,
    computed_at       timestamptz   not null,
    version           bigint        not null,
    primary key (scheme_id, org_code)
);
create index unit_result_category on unit_result (scheme_id, category);

-- Findings already raised to rectification, so a recomputation never raises one twice.
create table raised_finding (
    scheme_id      uuid        not null references scheme (id),
    org_code       varchar(64) not null,
    indicator_code varchar(64) not null,
    raised_at      timestamptz not null,
    primary key (scheme_id, org_code, indicator_code)
);
