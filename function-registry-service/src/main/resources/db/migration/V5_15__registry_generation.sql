-- The database's generation: set once, when the registry first starts on this database, and carried
-- on every change it publishes (RegistryChangeHeaders.GENERATION), so that views can tell a reset
-- database from a replayed one (RegistryGenerations).
CREATE TABLE registry_generation (
    generation BIGINT NOT NULL PRIMARY KEY
);
