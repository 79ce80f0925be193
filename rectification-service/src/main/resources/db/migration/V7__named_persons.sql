-- A responsible leader and a decision's person name someone of the person registry (by id, replicated from
-- org.persons) or, with the id null, someone outside it by name.
alter table rectification_item add column responsible_leader_id uuid;
alter table accountability_decision add column person_id uuid;
