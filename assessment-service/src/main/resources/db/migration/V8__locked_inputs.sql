-- What a locked result's total was computed from (routine checks, opinion, the counted session, the rectification
-- figures, what stood unreviewed), kept at the lock so the breakdown never reads later inputs.
alter table unit_result add column locked_inputs jsonb;
