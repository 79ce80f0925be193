-- The 述职评议 component of the assessment: sealed tallies received from ballot-service (ballot.results).
create table evaluation_result (
    session_id     uuid          not null,
    subject        varchar(64)   not null,
    session_title  varchar(200)  not null,
    held_on        date          not null,
    session_path   varchar(1000) not null,
    subject_path   varchar(1000),
    category       varchar(40)   not null,
    name           varchar(200)  not null,
    weighted_total numeric(9, 4),
    rank           integer,
    by_type        jsonb         not null,
    digest         char(64)      not null,
    primary key (session_id, subject)
);
create index evaluation_result_subject on evaluation_result (subject);
