-- The unit an item was issued on behalf of: it and the units above it check the item, the responsible unit answers
-- (docs/domain.md §7). Items issued before it was recorded are checked by the unit one level above theirs.
alter table rectification_item add column issuing_path varchar(500);
update rectification_item set issuing_path = coalesce(nullif(regexp_replace(org_path, '/[^/]+$', ''), ''), org_path);
alter table rectification_item alter column issuing_path set not null;
