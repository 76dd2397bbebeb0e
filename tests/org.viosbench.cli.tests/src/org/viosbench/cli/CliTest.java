package org.viosbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** The command tree as users call it: exit codes, JSON output, help and usage errors. */
class CliTest {

    /** What one run printed and returned. */
    record Run(int code, String out, String err) {
        JsonNode json() throws Exception {
            return Json.MAPPER.readTree(out);
        }
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void versionOptionPrintsComponentVersionsAsJson() throws Exception {
        Run r = run("--version");
        assertEquals(Cli.OK, r.code(), r.err());
        JsonNode json = r.json();
        assertTrue(json.get("viosbench").asText().startsWith("0.1.0"), r.out());
        assertEquals(io.netty.util.Version.identify().get("netty-common").artifactVersion(), json.get("netty").asText());
        assertTrue(json.get("netty").asText().startsWith("4.2.18"), r.out());
        assertEquals("10.17.1.0", json.get("derby").asText());
        assertTrue(json.get("gef").asText().startsWith("3.2.100"), r.out());
        assertTrue(json.get("java").asText().startsWith(Runtime.version().toString()), r.out());
        assertEquals(1, r.out().strip().lines().count(), "one JSON line");
        assertEquals("", r.err());
    }

    @Test
    void versionCommandMatchesVersionOption() throws Exception {
        assertEquals(run("--version").json(), run("version").json());
    }

    @Test
    void helpListsTheCommands() {
        Run r = run("help");
        assertEquals(Cli.OK, r.code(), r.err());
        assertTrue(r.out().contains("version"), r.out());
        assertTrue(r.out().contains("Exit codes"), r.out());
        assertEquals(Cli.OK, run().code());
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : new String[] { "version", "help", "packet", "bench", "node", "db" }) {
            Run r = run(command, "--help");
            assertEquals(Cli.OK, r.code(), command + ": " + r.err());
            assertTrue(r.out().contains("Usage: viosbench " + command), r.out());
        }
    }

    @Test
    void unknownCommandIsAUsageErrorOnOneLine() {
        Run r = run("frobnicate");
        assertEquals(Cli.USAGE, r.code());
        assertEquals("", r.out());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("frobnicate"), r.err());
    }

    @Test
    void unknownOptionIsAUsageError() {
        Run r = run("version", "--bogus");
        assertEquals(Cli.USAGE, r.code());
        assertTrue(r.err().startsWith("viosbench version: "), r.err());
        assertTrue(r.err().contains("--bogus"), r.err());
    }

    /** A failure no command handled itself (here: a file system refusal) is still one JSON line on stdout, with the file and why. */
    @Test
    void anUnhandledFailureIsJsonNamingTheFileAndWhy(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws Exception {
        Run key = run("cluster", "keygen", "--out", tmp.resolve("no/such/dir/k").toString());
        assertEquals(Cli.FAILURE, key.code());
        assertEquals(tmp.resolve("no/such/dir/k") + ": no such file or directory", key.json().get("error").asText(), key.out());
        Run lua = run("trace", "dissector", "--lua", tmp.resolve("missing/x.lua").toString());
        assertEquals(Cli.FAILURE, lua.code());
        assertTrue(lua.json().get("error").asText().endsWith("no such file or directory"), lua.out());

        // reading a database that is not there creates none
        Run export = run("db", "export", "--db", tmp.resolve("nodb").toString(), "--json", tmp.resolve("x.json").toString());
        assertEquals(Cli.FAILURE, export.code(), export.out());
        assertTrue(export.json().get("error").asText().startsWith("no VIOS database in"), export.out());
        assertTrue(!java.nio.file.Files.exists(tmp.resolve("nodb")), "export created a database");
    }
}
