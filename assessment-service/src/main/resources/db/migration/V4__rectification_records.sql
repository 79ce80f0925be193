-- Each rectification item once, as its latest event left it. A unit's record of the year is counted from these, so
-- a close, reopen and close again counts once, and a withdrawn item nowhere. Tallies counted before this table keep
-- their figures until the unit's next item event recounts them.
create table rectification_record (
    item_id   uuid        primary key,
    org_code  varchar(64) not null,
    year      int         not null,
    closed    boolean     not null default false,
    on_time   boolean,
    overdue   boolean     not null default false,
    reopened  boolean     not null default false,
    withdrawn boolean     not null default false
);
create index rectification_record_unit on rectification_record (org_code, year);
