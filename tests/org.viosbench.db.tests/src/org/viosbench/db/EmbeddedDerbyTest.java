package org.viosbench.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real Derby database on disk, opened through the Derby bundle inside OSGi. */
class EmbeddedDerbyTest {

    @TempDir
    Path tmp;

    @Test
    void rowsSurviveShutdownAndReopen() throws SQLException {
        Path dir = tmp.resolve("viosdb");
        try (Connection c = EmbeddedDerby.open(dir, true)) {
            try (Statement s = c.createStatement()) {
                s.executeUpdate("CREATE TABLE vios (id INT PRIMARY KEY, name VARCHAR(64) NOT NULL)");
            }
            c.setAutoCommit(false);
            try (PreparedStatement p = c.prepareStatement("INSERT INTO vios VALUES (?, ?)")) {
                for (int i = 1; i <= 24; i++) {
                    p.setInt(1, i);
                    p.setString(2, "vios-" + i);
                    p.addBatch();
                }
                p.executeBatch();
            }
            c.commit();
        }
        EmbeddedDerby.shutdown(dir);
        assertTrue(Files.isDirectory(dir.resolve("seg0")), "Derby wrote no data files");

        try (Connection c = EmbeddedDerby.open(dir, false);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT id, name FROM vios ORDER BY id")) {
            List<String> names = new ArrayList<>();
            while (rs.next()) {
                assertEquals("vios-" + rs.getInt(1), rs.getString(2));
                names.add(rs.getString(2));
            }
            assertEquals(24, names.size());
        }
        EmbeddedDerby.shutdown(dir);
    }

    @Test
    void constraintViolationIsReportedAndRolledBack() throws SQLException {
        Path dir = tmp.resolve("constraints");
        try (Connection c = EmbeddedDerby.open(dir, true); Statement s = c.createStatement()) {
            s.executeUpdate("CREATE TABLE cec (serial VARCHAR(16) PRIMARY KEY)");
            s.executeUpdate("INSERT INTO cec VALUES ('CEC-1')");
            SQLException e = assertThrows(SQLException.class, () -> s.executeUpdate("INSERT INTO cec VALUES ('CEC-1')"));
            assertEquals("23505", e.getSQLState(), e.getMessage());
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM cec")) {
                assertTrue(rs.next());
                assertEquals(1, rs.getInt(1));
            }
        }
        EmbeddedDerby.shutdown(dir);
    }

    @Test
    void openingAMissingDatabaseWithoutCreateFails() {
        Path dir = tmp.resolve("missing");
        SQLException e = assertThrows(SQLException.class, () -> EmbeddedDerby.open(dir, false));
        assertEquals("XJ004", e.getSQLState(), e.getMessage());
        assertFalse(Files.exists(dir), "a failed open must not create the database");
    }
}
