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

    private static final String LOG_FILE = "derby.stream.error.file";

    /** Creating Derby's driver boots the engine, which opens its log: so only on first use, after {@link #placeLog}. */
    private static final class Engine {
        static final Driver DRIVER = new EmbeddedDriver();
    }

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
        return open(directory, create, new Properties());
    }

    /** Like {@link #open(Path, boolean)}, with connection properties (user and password when the engine requires them). */
    static Connection open(Path directory, boolean create, Properties properties) throws SQLException {
        Path dir = directory.toAbsolutePath().normalize();
        if (create) {
            try {
                Files.createDirectories(dir.getParent());
            } catch (java.io.IOException e) {
                throw new SQLException("cannot create the parent directory of " + dir + ": " + e.getMessage(), e);
            }
        }
        placeLog(dir);
        Connection connection = Engine.DRIVER.connect(url(dir) + (create ? ";create=true" : ""), properties);
        if (connection == null) {
            throw new SQLException("Derby did not accept the URL " + url(dir));
        }
        return connection;
    }

    /** Shuts the database in {@code directory} down so that its files can be copied or reopened. */
    public static void shutdown(Path directory) throws SQLException {
        shutdown(directory, new Properties());
    }

    static void shutdown(Path directory, Properties properties) throws SQLException {
        try {
            Engine.DRIVER.connect(url(directory.toAbsolutePath().normalize()) + ";shutdown=true", properties);
        } catch (SQLException e) {
            if (!DATABASE_SHUT_DOWN.equals(e.getSQLState())) {
                throw e;
            }
            return;
        }
        throw new SQLException("Derby did not confirm the shutdown of " + directory);
    }

    /**
     * Derby writes its log (derby.log) into the working directory unless told otherwise: put it beside
     * the first database this process opens, unless the user chose a place.
     */
    private static synchronized void placeLog(Path dir) {
        if (System.getProperty(LOG_FILE) == null && System.getProperty("derby.system.home") == null && dir.getParent() != null) {
            System.setProperty(LOG_FILE, dir.getParent().resolve("derby.log").toString());
        }
    }

    /** The JDBC URL of the embedded database in {@code directory}, without attributes. */
    public static String url(Path directory) {
        return "jdbc:derby:" + directory;
    }
}
