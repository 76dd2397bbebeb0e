package org.viosbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.viosbench.cli.CliTest.Run;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One VIOS database shared by separate processes through {@code viosbench db-server}: the server
 * (a child JVM), a VIOS database node (another child JVM, {@code node --db-url}) that a third VIOS
 * registers with, and this test's JVM importing and reading the configuration over the network.
 */
class DbServerTest {

    @TempDir
    Path tmp;

    private static int freePort() throws java.io.IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** The threads of process {@code pid} now. */
    private static int threads(long pid) throws java.io.IOException {
        try (java.util.stream.Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            return (int) tasks.count();
        }
    }

    private NodeProcess child(String name, String... args) throws java.io.IOException {
        return new NodeProcess(ChildViosbench.command(tmp.resolve("config-" + name), List.of(args)), tmp.resolve(name + ".log"));
    }

    @Test
    void processesShareOneDatabaseThroughTheServer() throws Exception {
        Path db = tmp.resolve("data/viosdb");
        Path password = tmp.resolve("password");
        Files.writeString(password, "s3cret-Pw\n");
        Path wrong = tmp.resolve("wrong");
        Files.writeString(wrong, "guess\n");
        int port = freePort();
        List<NodeProcess> children = new ArrayList<>();
        try (NodeProcess server = child("server", "db-server", "--insecure", "--db", db.toString(), "--port", Integer.toString(port),
                "--password-file", password.toString())) {
            children.add(server);
            assertTrue(server.next("warning", null).path("detail").asText().startsWith("insecure: no TLS"), "said on every start");
            JsonNode listening = server.next("listening", null);
            String url = listening.path("url").asText();
            assertEquals("jdbc:derby://127.0.0.1:" + port + "/viosdb", url);
            assertTrue(listening.path("loopbackOnly").asBoolean());
            assertFalse(listening.has("password"), "a password given by file is never printed");

            // this JVM is a client: import the configuration, read it back
            Path config = tmp.resolve("config.json");
            Files.writeString(config, DbCommandTest.CONFIG);
            Run imported = CliTest.run("db", "import", "--db-url", url, "--db-password-file", password.toString(), "--json", config.toString());
            assertEquals(Cli.OK, imported.code(), imported.out() + imported.err());
            Run status = CliTest.run("db", "status", "--db-url", url, "--db-password-file", password.toString());
            assertEquals(Cli.OK, status.code(), status.out());
            assertEquals(2, status.json().at("/cluster/vioses").asInt(), status.out());
            assertFalse(status.out().contains("s3cret"), "the password stays out of the output");

            Run refused = CliTest.run("db", "status", "--db-url", url, "--db-password-file", wrong.toString());
            assertEquals(Cli.FAILURE, refused.code());
            assertTrue(refused.json().path("error").asText().contains("connection refused"), refused.out() + refused.err());
            // guessing locks everyone out for a while: after three more wrong passwords (four in a row) the right one is
            // refused too, until the 2 s lockout ends
            for (int i = 0; i < org.viosbench.db.PasswordGuard.FREE_FAILURES; i++) {
                assertEquals(Cli.FAILURE, CliTest.run("db", "status", "--db-url", url, "--db-password-file", wrong.toString()).code());
            }
            Run locked = CliTest.run("db", "status", "--db-url", url, "--db-password-file", password.toString());
            assertEquals(Cli.FAILURE, locked.code(), "the right password during a lockout: " + locked.out());
            assertTrue(locked.json().path("error").asText().contains("locked out after repeated wrong passwords"), locked.out());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            Run unlocked = locked;
            while (unlocked.code() != Cli.OK && System.nanoTime() < deadline) {
                Thread.sleep(250);
                unlocked = CliTest.run("db", "status", "--db-url", url, "--db-password-file", password.toString());
            }
            assertEquals(Cli.OK, unlocked.code(), "the lockout ends: " + unlocked.out());
            Run noPassword = CliTest.run("db", "status", "--db-url", url, "--db-password-file", tmp.resolve("none").toString());
            assertEquals(Cli.USAGE, noPassword.code());
            assertTrue(noPassword.err().contains("cannot read the password file"), noPassword.err());

            // the database is the server's now: opening it embedded from another process is refused, nothing damaged
            Run embedded = CliTest.run("db", "status", "--db", db.toString());
            assertEquals(Cli.FAILURE, embedded.code(), embedded.out());
            assertTrue(embedded.json().path("error").asText().contains("in use by another process"), embedded.out());

            // a VIOS database node in another process, on the served database; VIOS 2 registers with it
            Path clusterFile = tmp.resolve("cluster.json");
            Files.writeString(clusterFile, "{\"name\":\"lab\",\"heartbeatMillis\":100,\"failureTimeoutMillis\":1000,\"vioses\":["
                    + "{\"id\":1,\"name\":\"vios1\",\"cec\":\"CEC-A\",\"address\":\"127.0.0.1:" + freePort() + "\",\"daemons\":[10]},"
                    + "{\"id\":2,\"name\":\"vios2\",\"cec\":\"CEC-A\",\"address\":\"127.0.0.1:" + freePort() + "\",\"daemons\":[10]}]}");
            NodeProcess dbNode = child("vios1", "node", "--insecure", "--id", "1", "--cluster", clusterFile.toString(), "--db-url", url,
                    "--db-password-file", password.toString());
            children.add(dbNode);
            NodeProcess joiner = child("vios2", "node", "--insecure", "--id", "2", "--cluster", clusterFile.toString(), "--register-with", "1");
            assertTrue(joiner.next("warning", null).path("detail").asText().startsWith("insecure"), "an insecure node says so on start");
            children.add(joiner);
            dbNode.next("ready", null);
            JsonNode registered = joiner.next("registered", null);
            assertTrue(registered.path("ok").asBoolean(), registered.toString());
            assertTrue(registered.path("configuration").asText().contains("vios 2 vios2 CEC-A UP MEMBER"), registered.toString());

            // the node process read the configuration this process imported; it is still exactly that
            Path exported = tmp.resolve("exported.json");
            assertEquals(Cli.OK, CliTest.run("db", "export", "--db-url", url, "--db-password-file", password.toString(), "--json",
                    exported.toString()).code());
            assertEquals(Json.MAPPER.readTree(DbCommandTest.CONFIG), Json.MAPPER.readTree(exported.toFile()));

            // 200 connections held open and idle do not grow the server a thread each
            long pid = listening.path("pid").asLong();
            int threadsBefore = threads(pid);
            List<java.net.Socket> held = new ArrayList<>();
            try {
                for (int i = 0; i < 200; i++) {
                    held.add(new java.net.Socket("127.0.0.1", port));
                }
                Thread.sleep(1000);
                int threadsHeld = threads(pid);
                assertTrue(threadsHeld <= threadsBefore + org.viosbench.db.DerbyNetworkServer.MAX_THREADS + 2,
                        "200 idle connections: " + threadsBefore + " threads before, " + threadsHeld + " with them");
                // and they do not keep a client out: the threads serve whoever speaks
                Run whileHeld = CliTest.run("db", "status", "--db-url", url, "--db-password-file", password.toString());
                assertEquals(Cli.OK, whileHeld.code(), "a client while 200 idle connections are held: " + whileHeld.out());
            } finally {
                for (java.net.Socket h : held) {
                    h.close();
                }
            }

            // a second server on the same port says so
            try (NodeProcess second = child("server2", "db-server", "--insecure", "--db", tmp.resolve("other").toString(), "--port", Integer.toString(port),
                    "--password-file", password.toString())) {
                JsonNode error = second.next("error", null);
                assertTrue(error.path("error").asText().contains(":" + port), error.toString());
                assertTrue(second.process().waitFor(30, TimeUnit.SECONDS));
                assertEquals(Cli.FAILURE, second.process().exitValue());
            }

            dbNode.send("{\"op\":\"quit\"}");
            joiner.send("{\"op\":\"quit\"}");
            assertTrue(dbNode.process().waitFor(30, TimeUnit.SECONDS));

            // SIGTERM (through the handle: Process.destroy() would also close our end of its output): the server stops
            // serving and closes the database cleanly
            assertTrue(server.process().toHandle().destroy());
            JsonNode stoppedEvent = server.next("stopped", null);
            assertTrue(stoppedEvent.path("refusedLogins").asLong() >= 5, stoppedEvent.toString());
            assertTrue(stoppedEvent.path("lockedOutLogins").asLong() >= 1, stoppedEvent.toString());
            assertTrue(server.process().waitFor(30, TimeUnit.SECONDS));
        } finally {
            children.forEach(NodeProcess::close);
        }
        Run after = CliTest.run("db", "status", "--db", db.toString());
        assertEquals(Cli.OK, after.code(), after.out());
        assertEquals(2, after.json().at("/cluster/vioses").asInt(), after.out());
        String log = Files.readString(db.resolveSibling("viosdb-server.log"));
        assertTrue(log.contains("started and ready to accept connections"), "Derby's messages go to the server log: " + log);
        assertTrue(log.contains("viosbench: stop requested by a signal") && log.contains("viosbench: stopped; the database is closed"), log);
    }

    /**
     * A server started with --tls: Derby's administration commands, which Derby runs without credentials, and
     * clients without a certificate of the cluster's CA get nowhere; a node with one works; the files the server
     * writes are its user's alone.
     */
    @Test
    void aTlsServerTakesOnlyClientsWithACertificate() throws Exception {
        Path db = tmp.resolve("tlsdata/viosdb");
        Path password = tmp.resolve("password");
        Files.writeString(password, "s3cret-Pw\n");
        int port = freePort();
        Path clusterFile = tmp.resolve("cluster.json");
        Files.writeString(clusterFile, "{\"name\":\"lab\",\"heartbeatMillis\":100,\"failureTimeoutMillis\":1000,\"vioses\":["
                + "{\"id\":1,\"name\":\"vios1\",\"cec\":\"CEC-A\",\"address\":\"127.0.0.1:" + freePort() + "\",\"daemons\":[10]}]}");
        Path tls = tmp.resolve("tls");
        assertEquals(Cli.OK, CliTest.run("cluster", "ca", "--cluster", clusterFile.toString(), "--out", tls.toString()).code());
        List<NodeProcess> children = new ArrayList<>();
        try (NodeProcess server = child("tlsserver", "db-server", "--db", db.toString(), "--port", Integer.toString(port),
                "--password-file", password.toString(), "--tls", tls.toString())) {
            children.add(server);
            JsonNode listening = server.next("listening", null);
            assertTrue(listening.path("tls").asBoolean(), listening.toString());
            String url = listening.path("url").asText();

            // anyone on this machine, without a certificate: Derby's unauthenticated administration commands fail
            org.apache.derby.drda.NetworkServerControl outsider = new org.apache.derby.drda.NetworkServerControl(
                    java.net.InetAddress.getLoopbackAddress(), port);
            org.junit.jupiter.api.Assertions.assertThrows(Exception.class, () -> outsider.trace(true), "trace on");
            org.junit.jupiter.api.Assertions.assertThrows(Exception.class, () -> outsider.logConnections(true), "logconnections");
            org.junit.jupiter.api.Assertions.assertThrows(Exception.class, () -> outsider.setMaxThreads(1), "maxthreads");
            org.junit.jupiter.api.Assertions.assertThrows(Exception.class, outsider::getSysinfo, "sysinfo");
            // and a client with the password but without TLS is not served
            Run plain = CliTest.run("db", "status", "--db-url", url, "--db-password-file", password.toString());
            assertEquals(Cli.FAILURE, plain.code(), plain.out());

            // a VIOS database node with the client certificate opens the served database
            NodeProcess dbNode = child("tlsnode", "node", "--insecure", "--id", "1", "--cluster", clusterFile.toString(), "--db-url", url,
                    "--db-password-file", password.toString(), "--db-tls", tls.toString());
            children.add(dbNode);
            dbNode.next("ready", null);
            dbNode.send("{\"op\":\"quit\"}");
            assertTrue(dbNode.process().waitFor(30, TimeUnit.SECONDS));
            assertEquals(Cli.OK, dbNode.process().exitValue());

            for (Path f : new Path[] { db.resolve("service.properties"), db.resolveSibling("viosdb-server.log") }) {
                String mode = java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(f));
                assertEquals("------", mode.substring(3), f + " is " + mode);
            }
            server.send("quit");
            // the plain client never reached the password check (so it cannot guess, nor lock anyone out)
            assertEquals(0, server.next("stopped", null).path("refusedLogins").asLong());
        } finally {
            children.forEach(NodeProcess::close);
        }
        Run noTls = CliTest.run("db", "status", "--db", db.toString(), "--db-tls", tls.toString());
        assertEquals(Cli.USAGE, noTls.code(), "--db-tls without --db-url");
    }

    @Test
    void badServerOptionsAreUsageErrors() {
        Run neither = CliTest.run("db-server", "--db", tmp.resolve("never").toString());
        assertEquals(Cli.USAGE, neither.code());
        assertTrue(neither.err().contains("db-server needs --tls DIR (from viosbench cluster ca) or an explicit --insecure"), neither.err());
        assertFalse(Files.exists(tmp.resolve("never")), "nothing made for a refused command line");
        Run contradiction = CliTest.run("db-server", "--insecure", "--tls", tmp.toString());
        assertEquals(Cli.USAGE, contradiction.code());
        assertTrue(contradiction.err().contains("--tls and --insecure contradict each other"), contradiction.err());
        Run port = CliTest.run("db-server", "--insecure", "--port", "0");
        assertEquals(Cli.USAGE, port.code());
        assertTrue(port.err().contains("--port must be between 1 and 65535"), port.err());
        Run user = CliTest.run("db-server", "--insecure", "--user", "a b");
        assertEquals(Cli.USAGE, user.code());
        assertTrue(user.err().contains("--user must be a plain name"), user.err());
        Run host = CliTest.run("db-server", "--insecure", "--host", "no-such-host.invalid");
        assertEquals(Cli.USAGE, host.code());
        assertTrue(host.err().contains("--host: unknown address"), host.err());
        Run both = CliTest.run("db", "status", "--db", tmp.toString(), "--db-url", "jdbc:derby://127.0.0.1:1527/x");
        assertEquals(Cli.USAGE, both.code());
        assertTrue(both.err().contains("either --db or --db-url"), both.err());
        Run badUrl = CliTest.run("db", "status", "--db-url", "jdbc:derby:/local/dir", "--db-password-file", tmp.toString());
        assertEquals(Cli.USAGE, badUrl.code());
    }
}
