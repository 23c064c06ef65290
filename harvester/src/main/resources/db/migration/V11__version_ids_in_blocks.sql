-- The harvester takes service version ids 50 at a time (Hibernate's pooled optimizer), so the versions of a run are
-- inserted in JDBC batches. Rows inserted by SQL still take the column's default: one nextval each, within no block.
alter table service_version alter column id set increment by 50;
