package org.viosbench.db;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Properties;

import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.namespace.BundleNamespace;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;

/**
 * Where a VIOS database lives: a directory opened with embedded Derby (this process owns it), or
 * a database served by a Derby Network Server (see {@link DerbyNetworkServer}) that several
 * processes share, reached by a {@code jdbc:derby://host:port/name} URL with a user and password.
 * Immutable; {@link #toString()} never shows the password.
 */
public final class DatabaseLocation {
    private static final String NETWORK_PREFIX = "jdbc:derby://";
    /** The network client's driver; derbyclient holds no org.apache.derby.jdbc.ClientDriver (derbytools does, for the tools). */
    private static final String CLIENT_DRIVER = "org.apache.derby.client.ClientAutoloadedDriver";
    private static Driver client;

    private final Path directory;
    private final String url;
    private final String user;
    private final String password;
    /** A network location reached with TLS and peer authentication. */
    private final boolean tls;

    private DatabaseLocation(Path directory, String url, String user, String password) {
        this(directory, url, user, password, false);
    }

    private DatabaseLocation(Path directory, String url, String user, String password, boolean tls) {
        this.tls = tls;
        this.directory = directory;
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /** The embedded database in {@code directory}, created on first open. */
    public static DatabaseLocation embedded(Path directory) {
        return new DatabaseLocation(directory.toAbsolutePath().normalize(), null, null, null);
    }

    /** The embedded database in {@code directory} of a Derby engine that requires authentication (the database server's own). */
    static DatabaseLocation embedded(Path directory, String user, String password) {
        return new DatabaseLocation(directory.toAbsolutePath().normalize(), null, Objects.requireNonNull(user), Objects.requireNonNull(password));
    }

    /**
     * The database a Derby Network Server serves at {@code url}.
     *
     * @throws IllegalArgumentException when {@code url} is not a {@code jdbc:derby://host[:port]/name} URL or carries attributes
     */
    public static DatabaseLocation network(String url, String user, String password) {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        if (!url.startsWith(NETWORK_PREFIX) || url.indexOf('/', NETWORK_PREFIX.length()) < 0
                || url.indexOf('/', NETWORK_PREFIX.length()) == url.length() - 1) {
            throw new IllegalArgumentException("not a Derby network URL: " + url + " (expected jdbc:derby://HOST:PORT/NAME)");
        }
        if (url.indexOf(';') >= 0) {
            throw new IllegalArgumentException("the database URL must not carry attributes (';...'): " + url);
        }
        return new DatabaseLocation(null, url, user, password);
    }

    /**
     * This network location reached with TLS and peer authentication (the server was started with TLS); the
     * process's certificate must be installed first ({@link DerbyTls#install}).
     */
    public DatabaseLocation withTls() {
        if (url == null) {
            throw new IllegalStateException("TLS is for a database served over the network, not an embedded one");
        }
        return new DatabaseLocation(null, url, user, password, true);
    }

    /** Whether this process opens the database itself (embedded Derby). */
    public boolean isEmbedded() {
        return directory != null;
    }

    /** The directory of an embedded database; null for a network one. */
    public Path directory() {
        return directory;
    }

    /** Whether the database is known to exist; a network database is assumed to (the server creates it). */
    public boolean exists() {
        return directory == null || Files.isDirectory(directory.resolve("seg0"));
    }

    /** Connects; {@code create} makes a missing embedded database (and its parent directories). */
    Connection connect(boolean create) throws SQLException {
        if (directory != null && user == null) {
            return EmbeddedDerby.open(directory, create);
        }
        Properties p = new Properties();
        p.setProperty("user", user);
        p.setProperty("password", password);
        if (directory != null) {
            return EmbeddedDerby.open(directory, create, p);
        }
        if (tls) {
            p.setProperty("ssl", "peerAuthentication");
        }
        Connection c = clientDriver().connect(url, p);
        if (c == null) {
            throw new SQLException("the Derby client did not accept the URL " + url);
        }
        return c;
    }

    /**
     * Derby's network client driver, from the derbyclient bundle's own class loader: derbyclient
     * exports no package holding it, and the ClientDriver of the derby bundle's derbytools part
     * cannot see the client's classes.
     */
    private static synchronized Driver clientDriver() throws SQLException {
        if (client == null) {
            try {
                Class<?> type = null;
                Bundle self = FrameworkUtil.getBundle(DatabaseLocation.class);
                BundleWiring wiring = self == null ? null : self.adapt(BundleWiring.class);
                if (wiring != null) {
                    for (BundleWire w : wiring.getRequiredWires(BundleNamespace.BUNDLE_NAMESPACE)) {
                        if ("derbyclient".equals(w.getProvider().getSymbolicName())) {
                            type = w.getProvider().getBundle().loadClass(CLIENT_DRIVER);
                        }
                    }
                }
                if (type == null) {
                    type = Class.forName(CLIENT_DRIVER); // outside OSGi: one class path
                }
                client = (Driver) type.getConstructor().newInstance();
            } catch (ReflectiveOperationException | ClassCastException | LinkageError e) {
                throw new SQLException("the Derby network client (bundle derbyclient) is not available: " + e, "08001", e);
            }
        }
        return client;
    }

    /** Lets go of the database after its last connection closed: an embedded one is shut down so its files can be reopened. */
    void release() {
        if (directory == null) {
            return;
        }
        try {
            if (user == null) {
                EmbeddedDerby.shutdown(directory);
            } else {
                Properties p = new Properties();
                p.setProperty("user", user);
                p.setProperty("password", password);
                EmbeddedDerby.shutdown(directory, p);
            }
        } catch (SQLException e) {
            // already down
        }
    }

    /** The directory, or the URL and user (never the password). */
    @Override
    public String toString() {
        return directory != null ? directory.toString() : url + " as " + user;
    }
}
