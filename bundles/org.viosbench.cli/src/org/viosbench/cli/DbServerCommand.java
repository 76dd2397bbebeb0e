package org.viosbench.cli;

import java.io.IOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.viosbench.db.DatabaseException;
import org.viosbench.db.DerbyNetworkServer;
import org.viosbench.db.PasswordGuard;

import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code viosbench db-server}: serves the VIOS database to VIOS processes through the Derby Network
 * Server, loopback only unless another address is given, user authentication always on.
 */
@Command(name = "db-server", description = { "Serve the VIOS database to separate VIOS processes (Derby Network Server, user authentication on).",
        "Prints one JSON line {\"event\":\"listening\",\"url\":...} once clients can connect, and serves until interrupted",
        "(Ctrl-C or SIGTERM) or until a line \"quit\" on standard input, then prints {\"event\":\"stopped\"} and leaves",
        "the database closed cleanly.",
        "Clients: viosbench db ... --db-url URL, viosbench node ... --db-url URL (with --db-password-file or " + DbLocation.PASSWORD_VARIABLE + ")." })
final class DbServerCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = { "-h", "--help" }, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Option(names = "--db", paramLabel = "DIR", description = "The database directory to serve, created when missing (default: the user's, "
            + "as for viosbench db).")
    Path dir;

    @Option(names = "--host", paramLabel = "ADDRESS", description = "The address to listen on (default: ${DEFAULT-VALUE}; any other "
            + "address exposes the database to that network).")
    String host = "127.0.0.1";

    @Option(names = "--port", paramLabel = "PORT", description = "The port to listen on (default: ${DEFAULT-VALUE}, Derby's).")
    int port = 1527;

    @Option(names = "--user", paramLabel = "USER", description = "The one user clients log in as (default: ${DEFAULT-VALUE}).")
    String user = "viosbench";

    @Option(names = "--password-file", paramLabel = "FILE", description = "A file whose first line is the password (default: the environment "
            + "variable " + DbLocation.PASSWORD_VARIABLE + "; when neither is set, a random password is made and printed once).")
    Path passwordFile;

    @Option(names = "--tls", paramLabel = "DIR", description = { "TLS with peer authentication: DIR holds ca.crt and db-server.crt/.key",
            "(viosbench cluster ca). Clients then need --db-tls with a certificate of that CA; without one nothing reaches",
            "the server, Derby's administration commands (trace, logconnections, maxthreads, sysinfo) included." })
    Path tlsDir;

    @Option(names = "--insecure", description = { "Serve without TLS (said on every start): the password then crosses the network in clear",
            "and Derby's administration commands answer anyone who can connect. Without --tls this must be given." })
    boolean insecure;

    /** Adds a line of ours to the server log, beside Derby's. */
    private static void note(Writer log, String what) {
        try {
            synchronized (log) {
                log.write(new java.util.Date() + " : viosbench: " + what + System.lineSeparator());
                log.flush();
            }
        } catch (IOException e) {
            // the log file is best effort; say so where logs go
            System.getLogger(DbServerCommand.class.getName()).log(System.Logger.Level.WARNING, "server log not written: " + what, e);
        }
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (port < 1 || port > 65535) {
            throw new ParameterException(spec.commandLine(), "--port must be between 1 and 65535, not " + port);
        }
        if (user.isBlank() || !user.matches("[A-Za-z][A-Za-z0-9_]*")) {
            throw new ParameterException(spec.commandLine(), "--user must be a plain name (letters, digits, _), not \"" + user + "\"");
        }
        if (tlsDir == null && !insecure) {
            throw new ParameterException(spec.commandLine(), "db-server needs --tls DIR (from viosbench cluster ca) or an explicit --insecure: "
                    + "without TLS the password crosses the network in clear and Derby's administration commands (trace, "
                    + "logconnections, maxthreads, sysinfo) answer anyone who can connect");
        }
        if (tlsDir != null && insecure) {
            throw new ParameterException(spec.commandLine(), "--tls and --insecure contradict each other: choose one");
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new ParameterException(spec.commandLine(), "--host: unknown address " + host);
        }
        String password = DbLocation.password(spec, passwordFile);
        boolean generated = password == null;
        if (generated) {
            byte[] random = new byte[16];
            new SecureRandom().nextBytes(random);
            password = HexFormat.of().formatHex(random);
        }
        Path directory = (dir != null ? dir : DbLocation.defaultDirectory()).toAbsolutePath().normalize();
        Files.createDirectories(directory.getParent());
        Path logFile = directory.resolveSibling(directory.getFileName() + "-server.log");
        if (!Files.exists(logFile)) { // the server log may name users and hosts: this user's alone
            Files.createFile(logFile, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                    java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
        }
        Writer log = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        DerbyNetworkServer server;
        try {
            server = DerbyNetworkServer.start(directory, address, port, user, password, log, tlsDir);
        } catch (DatabaseException e) {
            log.close();
            Json.print(spec.commandLine().getOut(), Json.object().put("event", "error").put("ok", false).put("error", e.getMessage()));
            return Cli.FAILURE;
        }
        if (insecure) {
            Json.print(spec.commandLine().getOut(), Json.object().put("event", "warning").put("detail", "insecure: no TLS; the password "
                    + "crosses the network in clear and Derby's administration commands answer anyone who can connect to " + server.url()));
        }
        ObjectNode listening = Json.object().put("event", "listening").put("url", server.url()).put("user", user)
                .put("db", directory.toString()).put("schemaVersion", server.database().schemaVersion()).put("log", logFile.toString())
                .put("loopbackOnly", address.isLoopbackAddress()).put("tls", server.tls()).put("pid", ProcessHandle.current().pid());
        if (generated) {
            listening.put("password", password);
        }
        Json.print(spec.commandLine().getOut(), listening);
        // stop on SIGTERM/Ctrl-C (the hook waits until the stop is done) or on a "quit" line; end of input alone does not stop
        CountDownLatch stopRequested = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            note(log, "stop requested by a signal");
            stopRequested.countDown();
            try {
                stopped.await(20, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "viosbench-db-server-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        Thread input = new Thread(() -> {
            try (java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(System.in, StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null;) {
                    if (line.trim().equals("quit")) {
                        note(log, "stop requested on standard input");
                        stopRequested.countDown();
                        return;
                    }
                }
            } catch (IOException e) {
                // no usable input: SIGTERM still stops the server
                System.getLogger(DbServerCommand.class.getName()).log(System.Logger.Level.INFO, "standard input unreadable; stop with SIGTERM", e);
            }
        }, "viosbench-db-server-input");
        input.setDaemon(true);
        input.start();
        stopRequested.await();
        try {
            server.close();
            note(log, "stopped; the database is closed; " + PasswordGuard.refused() + " logins refused, " + PasswordGuard.lockedOutAttempts()
                    + " of them during a lockout");
            Json.print(spec.commandLine().getOut(), Json.object().put("event", "stopped").put("refusedLogins", PasswordGuard.refused())
                    .put("lockedOutLogins", PasswordGuard.lockedOutAttempts()));
        } catch (RuntimeException | Error e) { // said now: once the stop is done, a SIGTERM-ed JVM ends at once
            e.printStackTrace(spec.commandLine().getErr());
            spec.commandLine().getErr().flush();
            throw e;
        } finally {
            log.close();
            stopped.countDown();
        }
        return Cli.OK;
    }
}
