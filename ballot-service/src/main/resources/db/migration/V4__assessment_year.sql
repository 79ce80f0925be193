-- The assessment year a session's results are for, set by its organizer: a January meeting about last year counts
-- for last year. Sessions from before default to the year they were held.
alter table evaluation_session add column assessment_year integer;
update evaluation_session set assessment_year = extract(year from held_on);
alter table evaluation_session alter column assessment_year set not null;

