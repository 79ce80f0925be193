-- A result's lines (one per indicator) apart from its summary: computing and ranking a city's results read the
-- summary alone, the breakdown reads the lines.
alter table unit_result rename column calculation to summary;
alter table unit_result add column lines jsonb;
update unit_result set lines = summary -> 'lines', summary = summary - 'lines';
alter table unit_result alter column lines set not null;
