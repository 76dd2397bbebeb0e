package org.viosbench.db;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The VIOS database of a cluster on embedded Derby: opened (and created) in a directory, its schema
 * brought to {@link #LATEST_VERSION} on open, one migration per transaction. A database written by a
 * newer viosbench is refused and left untouched. Not thread-safe: one user at a time.
 */
public final class ViosDatabase implements AutoCloseable {
    /** The schema version this viosbench reads and writes. */
    public static final int LATEST_VERSION = Migrations.LATEST;

    private final Path directory;
    private final Connection connection;
    private final int version;

    private ViosDatabase(Path directory, Connection connection, int version) {
        this.directory = directory;
        this.connection = connection;
        this.version = version;
    }

    /** Opens the database in {@code directory}, creating it when missing, migrating it to the latest schema. */
    public static ViosDatabase open(Path directory) throws DatabaseException {
        return open(directory, LATEST_VERSION);
    }

    /** Opens and migrates up to {@code target} (older versions: for migration tests). */
    static ViosDatabase open(Path directory, int target) throws DatabaseException {
        boolean exists = Files.isDirectory(directory.resolve("seg0"));
        Connection c;
        try {
            c = EmbeddedDerby.open(directory, !exists);
        } catch (SQLException e) {
            throw DatabaseException.of("cannot open the VIOS database in " + directory, e);
        }
        try {
            c.setAutoCommit(false);
            int found = readVersion(c);
            if (found > LATEST_VERSION) {
                throw new DatabaseException("the VIOS database in " + directory + " has schema version " + found
                        + ", newer than this viosbench knows (" + LATEST_VERSION + "); open it with a newer viosbench. Nothing was changed.");
            }
            for (Migrations.Migration m : Migrations.ALL) {
                if (m.version() > found && m.version() <= target) {
                    migrate(c, m, directory);
                    found = m.version();
                }
            }
            return new ViosDatabase(directory, c, found);
        } catch (DatabaseException | SQLException | RuntimeException e) {
            closeQuietly(c, directory);
            if (e instanceof DatabaseException d) {
                throw d;
            }
            if (e instanceof SQLException s) {
                throw DatabaseException.of("cannot read the schema of the VIOS database in " + directory, s);
            }
            throw (RuntimeException) e;
        }
    }

    private static int readVersion(Connection c) throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        try (ResultSet rs = md.getTables(null, null, "VIOSBENCH_SCHEMA", null)) {
            if (!rs.next()) {
                try (Statement s = c.createStatement()) {
                    s.executeUpdate("CREATE TABLE viosbench_schema (version INT NOT NULL)");
                    s.executeUpdate("INSERT INTO viosbench_schema VALUES (0)");
                }
                c.commit();
                return 0;
            }
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT version FROM viosbench_schema")) {
            if (!rs.next()) {
                throw new SQLException("viosbench_schema has no row", "VB001");
            }
            return rs.getInt(1);
        }
    }

    private static void migrate(Connection c, Migrations.Migration m, Path directory) throws DatabaseException {
        try (Statement s = c.createStatement()) {
            for (String sql : m.statements()) {
                s.executeUpdate(sql);
            }
            s.executeUpdate("UPDATE viosbench_schema SET version = " + m.version());
            c.commit();
        } catch (SQLException e) {
            try {
                c.rollback();
            } catch (SQLException ignored) {
                // the connection is being given up anyway
            }
            throw DatabaseException.of("migration to schema version " + m.version() + " (" + m.description() + ") of " + directory
                    + " failed and was rolled back", e);
        }
    }

    /** The schema version of this database. */
    public int schemaVersion() {
        return version;
    }

    public Path directory() {
        return directory;
    }

    /** The connection (auto-commit off); for this package's stores. */
    Connection connection() {
        return connection;
    }

    /** The cluster configuration stored in this database. */
    public ClusterConfigStore config() {
        return new ClusterConfigStore(this);
    }

    /** The trace runs stored in this database. */
    public TraceStore traces() {
        return new TraceStore(this);
    }

    /** Closes the connection and shuts the database down, so its files can be copied or reopened. */
    @Override
    public void close() {
        closeQuietly(connection, directory);
    }

    private static void closeQuietly(Connection c, Path directory) {
        try {
            c.rollback();
            c.close();
        } catch (SQLException e) {
            // closing anyway
        }
        try {
            EmbeddedDerby.shutdown(directory);
        } catch (SQLException e) {
            // already down
        }
    }
}
