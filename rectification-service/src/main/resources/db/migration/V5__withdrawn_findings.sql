-- The finding an assessment item was raised from, so that withdrawing the finding (a corrected review) withdraws it.
alter table rectification_item add column finding_scheme uuid;
alter table rectification_item add column finding_indicator varchar(64);
create index rectification_item_finding on rectification_item (finding_scheme, org_code, finding_indicator)
    where finding_scheme is not null;
