package org.viosbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.viosbench.cli.CliTest.Run;

import com.fasterxml.jackson.databind.JsonNode;

class DbCommandTest {

    @TempDir
    Path tmp;

    @Test
    void initCreatesAndStatusReports() throws Exception {
        Path db = tmp.resolve("viosdb");
        Run missing = CliTest.run("db", "status", "--db", db.toString());
        assertEquals(Cli.FAILURE, missing.code());
        assertTrue(missing.json().get("error").asText().contains("db init"), missing.out());

        Run init = CliTest.run("db", "init", "--db", db.toString());
        assertEquals(Cli.OK, init.code(), init.out() + init.err());
        assertEquals(init.json().get("latestVersion").asInt(), init.json().get("schemaVersion").asInt());

        Run status = CliTest.run("db", "status", "--db", db.toString());
        assertEquals(Cli.OK, status.code(), status.out());
        JsonNode j = status.json();
        assertTrue(j.get("ok").asBoolean());
        assertFalse(j.at("/cluster/configured").asBoolean());
        assertEquals(Cli.USAGE, CliTest.run("db").code());
    }
}
