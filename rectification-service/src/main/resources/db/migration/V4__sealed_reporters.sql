-- A clue's reporter is stored sealed (party.rectification.clues.ReporterSeal): longer than the plain name.
alter table clue alter column reporter type text;
