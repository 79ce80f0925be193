-- One subject's deliveries to one subscriber go in the order of their events (Deliverer, decision 025).
alter table delivery add column subject varchar(200);
alter table delivery add column sequence bigint;
create index delivery_pending_by_subject on delivery (subscription_id, subject, sequence) where state = 'PENDING';
