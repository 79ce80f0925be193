-- A moved unit's paths are rewritten where they were copied (party.rectification.intake.MovedUnits): the items it
-- issued are found by their issuing path.
create index rectification_item_issuing on rectification_item (issuing_path);
