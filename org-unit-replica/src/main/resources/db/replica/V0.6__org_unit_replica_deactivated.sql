-- Whether the unit is out of use, as announced on org.units.
alter table org_unit_replica add column deactivated boolean not null default false;
