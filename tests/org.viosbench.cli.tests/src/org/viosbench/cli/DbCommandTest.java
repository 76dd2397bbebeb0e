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

    static final String CONFIG = """
            {
              "format" : "viosbench-cluster-config",
              "version" : 1,
              "cluster" : { "name" : "lab", "heartbeatMillis" : 100, "failureTimeoutMillis" : 1000 },
              "cecs" : [ { "serial" : "CEC-A", "name" : "cec0" } ],
              "vioses" : [ { "id" : 1, "name" : "vios1", "cec" : "CEC-A", "address" : "127.0.0.1:7401", "role" : "DB_PRIMARY" },
                           { "id" : 2, "name" : "vios2", "cec" : "CEC-A", "address" : null, "role" : "MEMBER" } ],
              "lpars" : [ { "id" : 11, "name" : "lpar11", "cec" : "CEC-A", "osType" : "AIX" } ],
              "mappings" : [ { "vios" : 1, "adapter" : "vhost0", "lpar" : 11, "backingDevice" : "hdisk4" },
                             { "vios" : 2, "adapter" : "vhost0", "lpar" : 11, "backingDevice" : "hdisk4" } ],
              "logicalUnits" : [ { "name" : "data1", "sizeMb" : 4096 } ]
            }
            """;

    @Test
    void exportImportRoundTripsExactlyAndBadFilesChangeNothing() throws Exception {
        Path db = tmp.resolve("viosdb");
        Path in = tmp.resolve("in.json");
        java.nio.file.Files.writeString(in, CONFIG);
        Run imported = CliTest.run("db", "import", "--db", db.toString(), "--json", in.toString());
        assertEquals(Cli.OK, imported.code(), imported.out());
        Path first = tmp.resolve("first.json");
        assertEquals(Cli.OK, CliTest.run("db", "export", "--db", db.toString(), "--json", first.toString()).code());
        Path second = tmp.resolve("second.json");
        assertEquals(Cli.OK, CliTest.run("db", "import", "--db", db.toString(), "--json", first.toString()).code());
        assertEquals(Cli.OK, CliTest.run("db", "export", "--db", db.toString(), "--json", second.toString()).code());
        String exported = java.nio.file.Files.readString(first);
        assertEquals(exported, java.nio.file.Files.readString(second), "export → import → export is exact");
        assertEquals(Json.MAPPER.readTree(CONFIG), Json.MAPPER.readTree(exported));

        String[][] bad = {
                { "{ \"format\": \"viosbench-cluster-config\",\n  \"version\": 1,\n  \"cluster\": { oops } }", "line 3" },
                { CONFIG.replace("\"version\" : 1", "\"version\" : 7"), "/version" },
                { CONFIG.replace("\"name\" : \"vios2\", ", ""), "/vioses/1/name" },
                { CONFIG.replace("\"vios\" : 2,", "\"vios\" : 9,"), "/mappings/1/vios: no VIOS of the file has id 9" },
                { CONFIG.replace("\"osType\" : \"AIX\"", "\"osType\" : \"OS2\""), "/lpars/0/osType: \"OS2\" is not one of [AIX, IBMI, LINUX, OTHER]" },
                // rules the schema also holds, said with the place in the file and never with Derby's constraint names
                { CONFIG.replace("\"name\" : \"vios2\"", "\"name\" : \"vios1\""), "/vioses/1/name: VIOS name vios1 is already used at /vioses/0/name" },
                { CONFIG.replace("\"role\" : \"MEMBER\"", "\"role\" : \"BOSS\""), "/vioses/1/role: \"BOSS\" is not one of [DB_PRIMARY, MEMBER]" },
                { CONFIG.replace("\"cec\" : \"CEC-A\", \"osType\"", "\"cec\" : \"CEC-Z\", \"osType\""), "/lpars/0/cec: no CEC of the file has serial" },
                { CONFIG.replace("{ \"name\" : \"data1\", \"sizeMb\" : 4096 }", "{ \"name\" : \"data1\", \"sizeMb\" : 4096 }, { \"name\" : \"data1\", \"sizeMb\" : 1 }"),
                        "/logicalUnits/1/name: logical unit name data1 is already used" } };
        for (String[] b : bad) {
            Path f = tmp.resolve("bad.json");
            java.nio.file.Files.writeString(f, b[0]);
            Run r = CliTest.run("db", "import", "--db", db.toString(), "--json", f.toString());
            assertEquals(Cli.FAILURE, r.code(), r.out());
            assertTrue(r.json().get("error").asText().contains(b[1]), b[1] + " in " + r.out());
            assertTrue(r.json().get("error").asText().contains("nothing was changed"), r.out());
            assertFalse(r.json().get("error").asText().contains("SQL"), "no Derby text: " + r.out());
            Path again = tmp.resolve("again.json");
            assertEquals(Cli.OK, CliTest.run("db", "export", "--db", db.toString(), "--json", again.toString()).code());
            assertEquals(exported, java.nio.file.Files.readString(again), "a bad import changed the database");
        }
    }

    /** record-bench runs the sample without and with its database, side by side; what it prints is what happened. */
    @Test
    void recordBenchComparesARunWithoutAndWithItsDatabase() throws Exception {
        CliTest.Run r = CliTest.run("db", "record-bench", "--seconds", "1", "--rounds", "1");
        assertEquals(Cli.OK, r.code(), r.out() + r.err());
        java.util.List<com.fasterxml.jackson.databind.JsonNode> lines = new java.util.ArrayList<>();
        for (String l : r.out().strip().split("\n")) {
            lines.add(Json.MAPPER.readTree(l));
        }
        assertEquals(3, lines.size(), r.out());
        assertEquals(false, lines.get(0).path("recording").asBoolean());
        assertEquals(true, lines.get(1).path("recording").asBoolean());
        for (com.fasterxml.jackson.databind.JsonNode round : lines.subList(0, 2)) {
            assertTrue(round.path("requests").asLong() > 0 && round.path("failed").asLong() == 0, round.toString());
            assertTrue(round.path("traceEventsPerSecond").asLong() > round.path("requestsPerSecond").asLong(), "every request is many events: " + round);
        }
        assertTrue(lines.get(1).path("storedSoFar").asLong() > 0, "the trace went into the store: " + lines.get(1));
        assertTrue(lines.get(2).path("ratio").asDouble() > 0, lines.get(2).toString());
        assertEquals(Cli.USAGE, CliTest.run("db", "record-bench", "--seconds", "0").code());
    }
}
