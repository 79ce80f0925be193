-- A unit created by mistake is taken out of use rather than deleted: its records keep naming it.
alter table org_unit add column deactivated boolean not null default false;
