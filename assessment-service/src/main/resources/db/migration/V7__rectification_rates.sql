-- The rectification component is a rate over the unit's items of the year: the tally keeps how many there were.
alter table rectification_tally add column items integer not null default 0;
