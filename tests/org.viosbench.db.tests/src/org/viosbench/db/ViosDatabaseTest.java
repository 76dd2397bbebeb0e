package org.viosbench.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The VIOS database on real Derby files: migrations, the configuration and its rules. */
class ViosDatabaseTest {

    @TempDir
    Path tmp;

    static ClusterConfig sample() {
        return new ClusterConfig("demo", 100, 1000,
                List.of(new ClusterConfig.Cec("CEC-A", "cec0"), new ClusterConfig.Cec("CEC-B", "cec1")),
                List.of(new ClusterConfig.Vios(0, "vios0", "CEC-A", "127.0.0.1:7400", "DB_PRIMARY"),
                        new ClusterConfig.Vios(1, "vios1", "CEC-A", "127.0.0.1:7401", "MEMBER"),
                        new ClusterConfig.Vios(4294967295L, "vios-max", "CEC-B", null, "MEMBER")),
                List.of(new ClusterConfig.Lpar(11, "lpar11", "CEC-A", "AIX"), new ClusterConfig.Lpar(12, "lpar12", "CEC-B", "LINUX")),
                List.of(new ClusterConfig.Mapping(0, "vhost0", 11, "hdisk4"), new ClusterConfig.Mapping(1, "vhost0", 11, "hdisk4"),
                        new ClusterConfig.Mapping(4294967295L, "vhost3", 12, "lu:data1")),
                List.of(new ClusterConfig.LogicalUnit("data1", 20480)));
    }

    @Test
    void anEmptyDirectoryBecomesADatabaseOfTheLatestSchema() throws Exception {
        try (ViosDatabase db = ViosDatabase.open(tmp.resolve("db"))) {
            assertEquals(ViosDatabase.LATEST_VERSION, db.schemaVersion());
            assertTrue(db.config().load().isEmpty());
        }
    }

    @Test
    void configurationRoundTripsAndSurvivesReopening() throws Exception {
        Path dir = tmp.resolve("db");
        try (ViosDatabase db = ViosDatabase.open(dir)) {
            db.config().save(sample());
        }
        try (ViosDatabase db = ViosDatabase.open(dir)) {
            assertEquals(sample(), db.config().load().orElseThrow());
            db.config().recordState(1, "UP", Instant.parse("2026-11-25T10:00:00Z"), "registered");
            assertEquals("UP", db.config().state(1).orElseThrow());
            assertTrue(db.config().state(77).isEmpty());
            DatabaseException unknown = assertThrows(DatabaseException.class, () -> db.config().recordState(77, "UP", Instant.now(), ""));
            assertTrue(unknown.getMessage().contains("no VIOS with id 77"), unknown.getMessage());
        }
    }

    @Test
    void migratesADatabaseOfThePreviousVersionAndKeepsItsData() throws Exception {
        Path dir = tmp.resolve("db");
        try (ViosDatabase v1 = ViosDatabase.open(dir, 1)) {
            assertEquals(1, v1.schemaVersion());
            assertFalse(tableExists(v1.connection(), "SSP_LU"));
            ClusterConfig withoutLus = new ClusterConfig("old", 100, 1000, sample().cecs(), sample().vioses(), List.of(), List.of(), List.of());
            // version 1 has no ssp_lu table yet: write its rows by hand
            try (Statement s = v1.connection().createStatement()) {
                s.executeUpdate("INSERT INTO cluster VALUES (1, 'old', 100, 1000)");
                s.executeUpdate("INSERT INTO cec VALUES ('CEC-A', 'cec0', 1)");
                s.executeUpdate("INSERT INTO cec VALUES ('CEC-B', 'cec1', 1)");
                for (ClusterConfig.Vios v : withoutLus.vioses()) {
                    s.executeUpdate("INSERT INTO vios (id, name, cec_serial, cluster_id, address, role) VALUES (" + v.id() + ", '"
                            + v.name() + "', '" + v.cecSerial() + "', 1, " + (v.address() == null ? "NULL" : "'" + v.address() + "'")
                            + ", '" + v.role() + "')");
                }
            }
            v1.connection().commit();
        }
        try (ViosDatabase now = ViosDatabase.open(dir)) {
            assertEquals(ViosDatabase.LATEST_VERSION, now.schemaVersion());
            assertTrue(tableExists(now.connection(), "SSP_LU"));
            ClusterConfig loaded = now.config().load().orElseThrow();
            assertEquals("old", loaded.name());
            assertEquals(3, loaded.vioses().size());
        }
    }

    @Test
    void aNewerDatabaseIsRefusedAndLeftUntouched() throws Exception {
        Path dir = tmp.resolve("db");
        try (ViosDatabase db = ViosDatabase.open(dir)) {
            try (Statement s = db.connection().createStatement()) {
                s.executeUpdate("UPDATE viosbench_schema SET version = 99");
            }
            db.connection().commit();
        }
        DatabaseException e = assertThrows(DatabaseException.class, () -> ViosDatabase.open(dir));
        assertTrue(e.getMessage().contains("schema version 99"), e.getMessage());
        assertTrue(e.getMessage().contains("newer viosbench"), e.getMessage());
        try (Connection c = EmbeddedDerby.open(dir, false); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT version FROM viosbench_schema")) {
            assertTrue(rs.next());
            assertEquals(99, rs.getInt(1), "the newer database was not changed");
        } finally {
            EmbeddedDerby.shutdown(dir);
        }
    }

    @Test
    void brokenRulesAreExplainedAndNothingIsHalfSaved() throws Exception {
        try (ViosDatabase db = ViosDatabase.open(tmp.resolve("db"))) {
            db.config().save(sample());
            ClusterConfig s = sample();

            ClusterConfig duplicateName = new ClusterConfig("demo", 100, 1000, s.cecs(),
                    List.of(s.vioses().get(0), new ClusterConfig.Vios(9, "vios0", "CEC-A", null, "MEMBER")), List.of(), List.of(), List.of());
            DatabaseException dup = assertThrows(DatabaseException.class, () -> db.config().save(duplicateName));
            assertTrue(dup.getMessage().contains("saving VIOS vios0 (id 9)"), dup.getMessage());
            assertTrue(dup.getMessage().contains("a VIOS name must be unique"), dup.getMessage());
            assertFalse(dup.getMessage().contains("VIOS_NAME_UNIQUE") || dup.getMessage().contains("23505"), "no Derby text: " + dup.getMessage());

            ClusterConfig danglingMapping = new ClusterConfig("demo", 100, 1000, s.cecs(), s.vioses(), s.lpars(),
                    List.of(new ClusterConfig.Mapping(42, "vhost9", 11, "hdisk1")), List.of());
            DatabaseException dangling = assertThrows(DatabaseException.class, () -> db.config().save(danglingMapping));
            assertTrue(dangling.getMessage().contains("a virtual SCSI mapping must name a VIOS of the cluster"), dangling.getMessage());

            ClusterConfig badOs = new ClusterConfig("demo", 100, 1000, s.cecs(), s.vioses(),
                    List.of(new ClusterConfig.Lpar(13, "lpar13", "CEC-A", "WINDOWS")), List.of(), List.of());
            DatabaseException range = assertThrows(DatabaseException.class, () -> db.config().save(badOs));
            assertTrue(range.getMessage().contains("value out of range"), range.getMessage());

            ClusterConfig crossCec = new ClusterConfig("demo", 100, 1000, s.cecs(), s.vioses(), s.lpars(),
                    List.of(new ClusterConfig.Mapping(0, "vhost5", 12, "hdisk9")), List.of()); // VIOS 0 in CEC-A, LPAR 12 in CEC-B
            DatabaseException cec = assertThrows(DatabaseException.class, () -> db.config().save(crossCec));
            assertTrue(cec.getMessage().contains("a mapping stays within one CEC"), cec.getMessage());

            assertEquals(sample(), db.config().load().orElseThrow(), "failed saves changed nothing");
        }
    }

    @Test
    void aPathThatCannotHoldADatabaseIsReportedClearly() throws Exception {
        Path file = tmp.resolve("not-a-dir");
        java.nio.file.Files.writeString(file, "x");
        DatabaseException e = assertThrows(DatabaseException.class, () -> ViosDatabase.open(file));
        assertTrue(e.getMessage().startsWith("cannot open the VIOS database in " + file), e.getMessage());
    }

    private static boolean tableExists(Connection c, String name) throws SQLException {
        try (ResultSet rs = c.getMetaData().getTables(null, null, name, null)) {
            return rs.next();
        }
    }

    /** The engineers' console runs statements that read, and nothing else reaches Derby. */
    @Test
    void theConsoleReadsAndRefusesWhatWouldWrite() throws Exception {
        try (ViosDatabase db = ViosDatabase.open(tmp.resolve("console"))) {
            db.config().save(sample());
            ViosDatabase.QueryResult r = db.query("select id, name, state from vios order by id;", 100);
            assertEquals(List.of("ID", "NAME", "STATE"), r.columns());
            assertEquals(List.of(Long.toString(sample().vioses().get(0).id()), sample().vioses().get(0).name(), "UNKNOWN"), r.rows().get(0));
            assertFalse(r.truncated());
            ViosDatabase.QueryResult one = db.query("  -- a comment first\nVALUES 1, 2, 3", 2);
            assertEquals(2, one.rows().size());
            assertTrue(one.truncated(), "more rows than asked for are left out, and said so");
            for (String write : new String[] { "DELETE FROM vios", "insert into vios (id, name, cec_serial, cluster_id) values (9, 'x', 'y', 1)",
                    "/* hidden */ DROP TABLE vios", "UPDATE cluster SET name = 'x'", "CALL SYSCS_UTIL.SYSCS_CHECKPOINT_DATABASE()",
                    "SELECT 1 FROM vios; DELETE FROM vios", "", "SET SCHEMA sys" }) {
                DatabaseException e = assertThrows(DatabaseException.class, () -> db.query(write, 10), write);
                assertTrue(e.getMessage().contains("refused"), e.getMessage());
            }
            DatabaseException syntax = assertThrows(DatabaseException.class, () -> db.query("SELECT FROM WHERE", 10));
            assertTrue(syntax.getMessage().startsWith("the statement: database error 42X01"), syntax.getMessage());
            assertEquals(sample(), db.config().load().orElseThrow(), "nothing changed");
            db.config().recordState(sample().vioses().get(0).id(), "UP", Instant.now(), "still writable by the stores");
        }
    }
}
