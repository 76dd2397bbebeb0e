package org.viosbench.db;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Properties;

import org.apache.derby.jdbc.EmbeddedDriver;

/**
 * Opens embedded Derby databases on disk.
 *
 * <p>Connections are made through Derby's driver object directly, not through
 * {@link java.sql.DriverManager}: inside OSGi the driver manager only hands out drivers that the
 * caller's class loader can see, and the Derby bundle does not export its driver package.
 */
public final class EmbeddedDerby {

    /** SQLState Derby reports when a single database shut down as asked. */
    private static final String DATABASE_SHUT_DOWN = "08006";

    private static final Driver DRIVER = new EmbeddedDriver();

    private EmbeddedDerby() {
    }

    /**
     * Opens the database in {@code directory}, creating it (and missing parent directories) when
     * {@code create} is true. Never returns null.
     *
     * @throws SQLException when Derby refuses, for example when the database does not exist and
     *                      {@code create} is false, or another JVM holds it
     */
    public static Connection open(Path directory, boolean create) throws SQLException {
        Path dir = directory.toAbsolutePath().normalize();
        if (create) {
            try {
                Files.createDirectories(dir.getParent());
            } catch (java.io.IOException e) {
                throw new SQLException("cannot create the parent directory of " + dir + ": " + e.getMessage(), e);
            }
        }
        Connection connection = DRIVER.connect(url(dir) + (create ? ";create=true" : ""), new Properties());
        if (connection == null) {
            throw new SQLException("Derby did not accept the URL " + url(dir));
        }
        return connection;
    }

    /** Shuts the database in {@code directory} down so that its files can be copied or reopened. */
    public static void shutdown(Path directory) throws SQLException {
        try {
            DRIVER.connect(url(directory.toAbsolutePath().normalize()) + ";shutdown=true", new Properties());
        } catch (SQLException e) {
            if (!DATABASE_SHUT_DOWN.equals(e.getSQLState())) {
                throw e;
            }
            return;
        }
        throw new SQLException("Derby did not confirm the shutdown of " + directory);
    }

    /** The JDBC URL of the embedded database in {@code directory}, without attributes. */
    public static String url(Path directory) {
        return "jdbc:derby:" + directory;
    }
}
