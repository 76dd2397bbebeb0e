package org.viosbench.db;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The VIOS database of a cluster on Derby, embedded in a directory or shared through a network
 * server ({@link DatabaseLocation}): opened (an embedded one created when missing), its schema brought to {@link #LATEST_VERSION} on open, one migration per transaction. A database written by a
 * newer viosbench is refused and left untouched. Not thread-safe: one user at a time.
 */
public final class ViosDatabase implements AutoCloseable {
    /** The schema version this viosbench reads and writes. */
    public static final int LATEST_VERSION = Migrations.LATEST;

    /** The schema holding viosbench's tables. */
    private static final String SCHEMA = "APP";

    private final DatabaseLocation location;
    private final Connection connection;
    private final int version;

    private ViosDatabase(DatabaseLocation location, Connection connection, int version) {
        this.location = location;
        this.connection = connection;
        this.version = version;
    }

    /** Opens the database in {@code directory}, creating it when missing, migrating it to the latest schema. */
    public static ViosDatabase open(Path directory) throws DatabaseException {
        return open(DatabaseLocation.embedded(directory), LATEST_VERSION);
    }

    /**
     * Opens the database at {@code location}: an embedded one is created when missing; a network one
     * must be served. Migrates it to the latest schema.
     */
    public static ViosDatabase open(DatabaseLocation location) throws DatabaseException {
        return open(location, LATEST_VERSION);
    }

    /** Opens and migrates up to {@code target} (older versions: for migration tests). */
    static ViosDatabase open(Path directory, int target) throws DatabaseException {
        return open(DatabaseLocation.embedded(directory), target);
    }

    private static ViosDatabase open(DatabaseLocation location, int target) throws DatabaseException {
        Connection c;
        try {
            c = location.connect(!location.exists());
        } catch (SQLException e) {
            throw DatabaseException.of("cannot open the VIOS database " + (location.isEmbedded() ? "in " : "at ") + location, e);
        }
        try {
            c.setAutoCommit(false);
            useSchema(c);
            int found = readVersion(c);
            if (found > LATEST_VERSION) {
                throw new DatabaseException("the VIOS database " + location + " has schema version " + found
                        + ", newer than this viosbench knows (" + LATEST_VERSION + "); open it with a newer viosbench. Nothing was changed.");
            }
            for (Migrations.Migration m : Migrations.ALL) {
                if (m.version() > found && m.version() <= target) {
                    migrate(c, m, location);
                    found = m.version();
                }
            }
            return new ViosDatabase(location, c, found);
        } catch (DatabaseException | SQLException | RuntimeException e) {
            closeQuietly(c, location);
            if (e instanceof DatabaseException d) {
                throw d;
            }
            if (e instanceof SQLException s) {
                throw DatabaseException.of("cannot read the schema of the VIOS database " + location, s);
            }
            throw (RuntimeException) e;
        }
    }

    /**
     * Every connection works in schema APP: Derby's default schema is the user's, and the same
     * database is opened without a user (embedded) and as the server's user (network).
     */
    private static void useSchema(Connection c) throws SQLException {
        try (ResultSet rs = c.getMetaData().getSchemas(null, SCHEMA)) {
            if (!rs.next()) {
                try (Statement s = c.createStatement()) {
                    s.executeUpdate("CREATE SCHEMA " + SCHEMA);
                }
                c.commit();
            }
        }
        try (Statement s = c.createStatement()) {
            s.executeUpdate("SET SCHEMA " + SCHEMA);
        }
    }

    private static int readVersion(Connection c) throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        try (ResultSet rs = md.getTables(null, SCHEMA, "VIOSBENCH_SCHEMA", null)) {
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

    private static void migrate(Connection c, Migrations.Migration m, DatabaseLocation location) throws DatabaseException {
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
            throw DatabaseException.of("migration to schema version " + m.version() + " (" + m.description() + ") of " + location
                    + " failed and was rolled back", e);
        }
    }

    /** The schema version of this database. */
    public int schemaVersion() {
        return version;
    }

    /** Where this database lives. */
    public DatabaseLocation location() {
        return location;
    }

    /** The connection (auto-commit off); for this package's stores. */
    Connection connection() {
        return connection;
    }

    /** The cluster configuration stored in this database. */
    public ClusterConfigStore config() {
        return new ClusterConfigStore(this);
    }

    /** What a read-only query returned: column names, rows (values as text, null as null), and whether rows were left out. */
    public record QueryResult(java.util.List<String> columns, java.util.List<java.util.List<String>> rows, boolean truncated) {
    }

    /**
     * Runs one read-only statement ({@code SELECT} or {@code VALUES}) for an engineer's console: anything
     * else is refused before it reaches Derby, and the statement runs in a read-only transaction that is rolled back, so
     * nothing it does can change the database. At most {@code maxRows} rows come back.
     *
     * @throws DatabaseException saying why the statement is refused or what Derby found wrong with it
     */
    public QueryResult query(String sql, int maxRows) throws DatabaseException {
        String statement = sql.strip();
        while (statement.endsWith(";")) {
            statement = statement.substring(0, statement.length() - 1).strip();
        }
        String first = statement.replaceAll("(?s)^(\\s*(--[^\n]*\n|/\\*.*?\\*/))*\\s*", "").split("[\\s(]", 2)[0].toUpperCase(java.util.Locale.ROOT);
        if (!java.util.Set.of("SELECT", "VALUES").contains(first)) {
            throw new DatabaseException("only statements that read are run here (SELECT, VALUES); \"" + (first.isEmpty() ? statement : first)
                    + "\" would " + (first.isEmpty() ? "do nothing" : "change the database or its session") + ": refused");
        }
        if (statement.contains(";")) {
            throw new DatabaseException("one statement at a time: \";\" inside the statement is refused");
        }
        try {
            connection.commit();
            connection.setReadOnly(true);
            try (Statement st = connection.createStatement()) {
                st.setMaxRows(maxRows + 1);
                try (ResultSet rs = st.executeQuery(statement)) {
                    java.sql.ResultSetMetaData md = rs.getMetaData();
                    java.util.List<String> columns = new java.util.ArrayList<>();
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        columns.add(md.getColumnLabel(i));
                    }
                    java.util.List<java.util.List<String>> rows = new java.util.ArrayList<>();
                    boolean truncated = false;
                    while (rs.next()) {
                        if (rows.size() == maxRows) {
                            truncated = true;
                            break;
                        }
                        java.util.List<String> row = new java.util.ArrayList<>();
                        for (int i = 1; i <= columns.size(); i++) {
                            row.add(rs.getString(i));
                        }
                        rows.add(row);
                    }
                    return new QueryResult(columns, rows, truncated);
                }
            } finally {
                connection.rollback();
                connection.setReadOnly(false);
            }
        } catch (SQLException e) {
            throw DatabaseException.of("the statement", e);
        }
    }

    /** The trace runs stored in this database. */
    public TraceStore traces() {
        return new TraceStore(this);
    }

    /** Closes the connection and shuts the database down, so its files can be copied or reopened. */
    @Override
    public void close() {
        closeQuietly(connection, location);
    }

    private static void closeQuietly(Connection c, DatabaseLocation location) {
        try {
            c.rollback();
            c.close();
        } catch (SQLException e) {
            // closing anyway
        }
        location.release();
    }
}
