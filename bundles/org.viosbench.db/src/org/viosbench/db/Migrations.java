package org.viosbench.db;

import java.util.List;

/**
 * The versioned schema of the VIOS database: migration {@code n} takes a database from version
 * {@code n-1} to {@code n}. Each runs in one transaction (Derby's DDL is transactional), so a
 * failed migration leaves the previous version intact.
 */
final class Migrations {

    /** One step: its version and its SQL statements. */
    record Migration(int version, String description, List<String> statements) {
    }

    static final List<Migration> ALL = List.of(
            new Migration(1, "cluster, CECs, VIOSes, LPARs, virtual SCSI mappings", List.of(
                    """
                    CREATE TABLE cluster (
                      id INT NOT NULL PRIMARY KEY CHECK (id = 1),
                      name VARCHAR(64) NOT NULL,
                      heartbeat_ms INT NOT NULL CHECK (heartbeat_ms > 0),
                      failure_timeout_ms INT NOT NULL CHECK (failure_timeout_ms > 0))""",
                    """
                    CREATE TABLE cec (
                      serial VARCHAR(32) NOT NULL PRIMARY KEY,
                      name VARCHAR(64) NOT NULL CONSTRAINT cec_name_unique UNIQUE,
                      cluster_id INT NOT NULL REFERENCES cluster (id))""",
                    """
                    CREATE TABLE vios (
                      id BIGINT NOT NULL PRIMARY KEY CHECK (id BETWEEN 0 AND 4294967295),
                      name VARCHAR(64) NOT NULL CONSTRAINT vios_name_unique UNIQUE,
                      cec_serial VARCHAR(32) NOT NULL CONSTRAINT vios_cec REFERENCES cec (serial),
                      cluster_id INT NOT NULL REFERENCES cluster (id),
                      address VARCHAR(255),
                      state VARCHAR(16) NOT NULL DEFAULT 'UNKNOWN' CHECK (state IN ('UNKNOWN', 'UP', 'SUSPECTED', 'DOWN')),
                      role VARCHAR(16) NOT NULL DEFAULT 'MEMBER' CHECK (role IN ('MEMBER', 'DB_PRIMARY')),
                      last_heartbeat TIMESTAMP)""",
                    """
                    CREATE TABLE lpar (
                      id INT NOT NULL PRIMARY KEY CHECK (id > 0),
                      name VARCHAR(64) NOT NULL CONSTRAINT lpar_name_unique UNIQUE,
                      cec_serial VARCHAR(32) NOT NULL CONSTRAINT lpar_cec REFERENCES cec (serial),
                      os_type VARCHAR(16) NOT NULL CHECK (os_type IN ('AIX', 'IBMI', 'LINUX', 'OTHER')))""",
                    """
                    CREATE TABLE vscsi_mapping (
                      vios_id BIGINT NOT NULL CONSTRAINT mapping_vios REFERENCES vios (id) ON DELETE CASCADE,
                      adapter VARCHAR(32) NOT NULL,
                      lpar_id INT NOT NULL CONSTRAINT mapping_lpar REFERENCES lpar (id) ON DELETE CASCADE,
                      backing_device VARCHAR(128) NOT NULL,
                      PRIMARY KEY (vios_id, adapter))""")),
            new Migration(2, "shared storage pool logical units and the registration log", List.of(
                    """
                    CREATE TABLE ssp_lu (
                      name VARCHAR(64) NOT NULL PRIMARY KEY,
                      size_mb BIGINT NOT NULL CHECK (size_mb > 0),
                      cluster_id INT NOT NULL REFERENCES cluster (id))""",
                    """
                    CREATE TABLE registration_log (
                      seq BIGINT NOT NULL GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                      vios_id BIGINT NOT NULL,
                      logged_at TIMESTAMP NOT NULL,
                      event VARCHAR(32) NOT NULL,
                      detail VARCHAR(1024))""",
                    "CREATE INDEX registration_log_vios ON registration_log (vios_id)")),
            new Migration(3, "trace store: runs and their events, stored as encoded batches", List.of(
                    """
                    CREATE TABLE trace_run (
                      id BIGINT NOT NULL GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                      name VARCHAR(128) NOT NULL,
                      started_at TIMESTAMP NOT NULL)""",
                    """
                    CREATE TABLE trace_batch (
                      run_id BIGINT NOT NULL CONSTRAINT trace_batch_run REFERENCES trace_run (id) ON DELETE CASCADE,
                      first_seq BIGINT NOT NULL,
                      event_count INT NOT NULL CHECK (event_count > 0),
                      data BLOB(64M) NOT NULL,
                      PRIMARY KEY (run_id, first_seq))""")),
            new Migration(4, "the cluster's state and its history", List.of(
                    "ALTER TABLE cluster ADD COLUMN state VARCHAR(16) NOT NULL DEFAULT 'UNKNOWN' CHECK (state IN ('UNKNOWN', 'OK', 'DEGRADED', 'DOWN'))",
                    """
                    CREATE TABLE cluster_state_log (
                      seq BIGINT NOT NULL GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                      logged_at TIMESTAMP NOT NULL,
                      state VARCHAR(16) NOT NULL CHECK (state IN ('UNKNOWN', 'OK', 'DEGRADED', 'DOWN')),
                      detail VARCHAR(1024))""")));

    /** The version this viosbench writes and reads. */
    static final int LATEST = ALL.get(ALL.size() - 1).version();

    private Migrations() {
    }
}
