-- Hibernate's default names for the entity BareRow and its pooled sequence
create sequence barerow_seq increment by 50;
create table barerow (id bigint primary key, created timestamptz not null);
