-- A self-reported figure the organizer accepts as final without a department's score, with the reason on record:
-- a scheme locks only when every indicator of every unit is scored or so accepted.
alter table indicator_entry add column accepted_by varchar(100);
alter table indicator_entry add column accepted_at timestamptz;
alter table indicator_entry add column acceptance_reason text;
