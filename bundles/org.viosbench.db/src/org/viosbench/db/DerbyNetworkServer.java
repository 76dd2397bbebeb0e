package org.viosbench.db;

import java.io.PrintWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.nio.file.Path;

import org.apache.derby.drda.NetworkServerControl;

/**
 * The Derby Network Server that lets separate VIOS processes share one VIOS database: it serves the
 * database in one directory under a URL of the form {@code jdbc:derby://HOST:PORT/NAME}, NAME being
 * the directory's name, to clients that give the one user and password it was started with.
 *
 * <p>User authentication is a setting of the whole Derby engine of the process, and so is the
 * directory databases are named relative to: start the server before anything else in the process
 * opens a Derby database (the {@code db-server} command does), at most once per process.
 */
public final class DerbyNetworkServer implements AutoCloseable {
    private static boolean started;
    /** Threads that serve connections at most (Derby's maxThreads; more connections share them). */
    public static final int MAX_THREADS = 16;

    private final NetworkServerControl control;
    private final ViosDatabase database;
    private final String url;

    private final boolean tls;

    private DerbyNetworkServer(NetworkServerControl control, ViosDatabase database, String url, boolean tls) {
        this.control = control;
        this.database = database;
        this.url = url;
        this.tls = tls;
    }

    /** Whether clients must come with TLS and a certificate of the cluster's CA. */
    public boolean tls() {
        return tls;
    }

    /**
     * Creates or migrates the VIOS database in {@code directory} and serves it on {@code host}:{@code port}
     * (port 0 is not supported by Derby: pick one) to {@code user} with {@code password}. Derby's own
     * messages go to {@code log}. Returns once the server answers.
     *
     * @throws DatabaseException when the database cannot be opened, the port is taken, or the server does not come up in 10 s
     */
    public static synchronized DerbyNetworkServer start(Path directory, InetAddress host, int port, String user, String password,
            Writer log) throws DatabaseException {
        return start(directory, host, port, user, password, log, null);
    }

    /**
     * As {@link #start(Path, InetAddress, int, String, String, Writer)}; with {@code tlsDir} (from {@code viosbench cluster ca})
     * every connection is TLS with peer authentication ({@link DerbyTls}): clients, and Derby's administration commands,
     * need a certificate of that CA. Null: plain TCP, as before.
     */
    public static synchronized DerbyNetworkServer start(Path directory, InetAddress host, int port, String user, String password,
            Writer log, Path tlsDir) throws DatabaseException {
        if (started) {
            throw new IllegalStateException("a Derby Network Server was already started in this process");
        }
        if (user.isBlank() || password.isEmpty()) {
            throw new IllegalArgumentException("the database server needs a user name and a non-empty password");
        }
        Path dir = directory.toAbsolutePath().normalize();
        try (java.net.ServerSocket probe = new java.net.ServerSocket(port, 1, host)) {
            probe.setReuseAddress(true);
        } catch (java.io.IOException e) {
            throw new DatabaseException("cannot serve the VIOS database on " + host.getHostAddress() + ":" + port + ": " + e.getMessage()
                    + " (is another server running there? choose another port)", e);
        }
        if (tlsDir != null) {
            try {
                DerbyTls.install(tlsDir, DerbyTls.SERVER);
            } catch (java.io.IOException | IllegalArgumentException e) {
                throw new DatabaseException("cannot serve the VIOS database with TLS: " + e.getMessage(), e);
            }
            System.setProperty("derby.drda.sslMode", "peerAuthentication");
        }
        started = true;
        System.setProperty("derby.system.home", dir.getParent().toString());
        // the files Derby creates (database, derby.log, trace files) readable by this user alone
        System.setProperty("derby.storage.useDefaultFilePermissions", "false");
        // at most this many threads serve connections, the rest wait their turn (time-sliced): idle or held
        // connections cannot make the server grow a thread each
        System.setProperty("derby.drda.maxThreads", Integer.toString(MAX_THREADS));
        System.setProperty("derby.drda.timeSlice", "100");
        // the one user, checked in constant time, with a lockout against guessing
        PasswordGuard.install(user, password);
        System.setProperty("derby.drda.logConnections", "true");
        ViosDatabase db = ViosDatabase.open(DatabaseLocation.embedded(dir, user, password));
        NetworkServerControl control;
        try {
            control = new NetworkServerControl(host, port, user, password);
            control.start(new PrintWriter(log, true));
        } catch (Exception e) {
            db.close();
            throw new DatabaseException("cannot start the Derby Network Server on " + host.getHostAddress() + ":" + port + ": " + e.getMessage(), e);
        }
        Exception last = null;
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            try {
                String hostPart = host.getHostAddress().contains(":") ? "[" + host.getHostAddress() + "]" : host.getHostAddress();
                String url = "jdbc:derby://" + hostPart + ":" + port + "/" + dir.getFileName();
                if (tlsDir == null) {
                    control.ping();
                } else { // Derby's ping does not keep to TLS (it falls back to plain after a try): ask as a client would
                    DatabaseLocation.network(url, user, password).withTls().connect(false).close();
                }
                return new DerbyNetworkServer(control, db, url, tlsDir != null);
            } catch (Exception e) {
                last = e;
                try {
                    Thread.sleep(50);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        try {
            control.shutdown();
        } catch (Exception ignored) {
            // it never came up
        }
        db.close();
        throw new DatabaseException("the Derby Network Server on " + host.getHostAddress() + ":" + port + " did not come up"
                + (last == null ? "" : ": " + last.getMessage()), last);
    }

    /** The URL clients connect to (with the server's user and password). */
    public String url() {
        return url;
    }

    /** The served database, as this process sees it (schema version, contents). */
    public ViosDatabase database() {
        return database;
    }

    /**
     * Stops serving, then closes the database cleanly so that it can be opened embedded again. With TLS Derby's
     * shutdown command does not get through (its command client does not keep to TLS): the database is closed
     * all the same, and the listener ends with the process.
     */
    @Override
    public void close() {
        try {
            control.shutdown();
        } catch (Exception e) {
            System.getLogger(DerbyNetworkServer.class.getName()).log(tls ? System.Logger.Level.DEBUG : System.Logger.Level.WARNING,
                    "Derby's shutdown command failed; closing the database anyway", e);
        }
        database.close();
    }
}
