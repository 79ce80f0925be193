-- The ledger filtered by state and source (the console's state buttons with a source): its page and its count
-- (decision 027) read this index alone instead of a fifth of a city's items to find their 10,001.
create index rectification_item_state_source on rectification_item (state, source, deadline);
