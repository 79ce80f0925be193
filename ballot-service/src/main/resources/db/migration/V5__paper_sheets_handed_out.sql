-- Paper sheets are handed out per ballot type before a session opens, and tellers enter the filled-in ballots after
-- voting closes and before sealing, never more of a type than its sheets handed out. Sessions from before count the
-- paper ballots they hold as their sheets: they take no more.
alter table paper_turnout add column sheets integer;
update paper_turnout set sheets = ballots;
alter table paper_turnout alter column sheets set not null;
alter table paper_turnout add constraint paper_within_sheets check (ballots between 0 and sheets);
