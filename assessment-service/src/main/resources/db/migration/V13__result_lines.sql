-- A result's lines (one per indicator) apart from its summary: computing and ranking a city's results read the
-- summary alone, the breakdown reads the lines. The digest tells a recomputation whether the lines changed; the
-- first one after this migration writes them all once more.
alter table unit_result rename column calculation to summary;
alter table unit_result add column lines jsonb;
update unit_result set lines = summary -> 'lines', summary = summary - 'lines';
alter table unit_result alter column lines set not null;
alter table unit_result add column lines_digest varchar(64);
