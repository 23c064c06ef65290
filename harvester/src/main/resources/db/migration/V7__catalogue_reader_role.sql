-- The catalogue API's database role: it reads what the API serves and can change nothing (the API connects as it,
-- never as this schema's owner). Created without a password, so nobody logs in as it until the deployment gives it
-- one from its own configuration, at every start (docker-compose.yml's database-roles step, the local stack):
--   ALTER ROLE onewindow_reader WITH LOGIN PASSWORD '…';
-- Creating a role needs CREATEROLE; where the owner lacks it, create onewindow_reader beforehand: this only grants.
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'onewindow_reader') THEN
        CREATE ROLE onewindow_reader NOLOGIN;
    END IF;
    EXECUTE format('GRANT USAGE ON SCHEMA %I TO onewindow_reader', current_schema());
END
$$;

-- Only the tables the API reads: the records (provenance of a detail) and their versions (the change feed). Not runs,
-- errors, sources' definitions or the scheduler's tables; no default privileges either, so a table added later is
-- not readable by the public API unless the migration that adds it grants it.
GRANT SELECT ON service_record, service_version TO onewindow_reader;
