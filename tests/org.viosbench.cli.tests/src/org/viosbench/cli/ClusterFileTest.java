package org.viosbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The cluster file of VIOSes run as processes: read whole, or refused at the JSON path of its first problem. */
class ClusterFileTest {
    private static final String GOOD = """
            {"name": "demo", "heartbeatMillis": 100,
             "vioses": [{"id": 0, "name": "vios0", "cec": "cec0", "address": "127.0.0.1:7400", "daemons": [10]},
                        {"id": 1, "name": "vios1", "address": "7401"}]}
            """;

    @TempDir
    Path tmp;

    private ClusterFile read(String text) throws Exception {
        Path f = tmp.resolve("cluster.json");
        Files.writeString(f, text);
        return ClusterFile.read(f);
    }

    @Test
    void aGoodFileGivesTheClusterAndTheAddresses() throws Exception {
        ClusterFile c = read(GOOD);
        assertEquals("demo", c.description().name());
        assertEquals(2, c.description().vioses().size());
        assertEquals(7401, c.addresses().get(1).getPort());
        assertEquals("127.0.0.1", c.addresses().get(1).getHostString(), "a bare port is on loopback");
    }

    /** A node needs a key or an explicit --insecure; a key file readable by others is refused; a key file is never overwritten. */
    @Test
    void aNodeRunsAuthenticatedUnlessToldOtherwise() throws Exception {
        Path cluster = tmp.resolve("cluster.json");
        Files.writeString(cluster, GOOD);
        CliTest.Run none = CliTest.run("node", "--id", "0", "--cluster", cluster.toString());
        assertEquals(Cli.USAGE, none.code());
        assertTrue(none.err().contains("--key") && none.err().contains("--insecure"), none.err());
        Path key = tmp.resolve("c.key");
        assertEquals(Cli.OK, CliTest.run("cluster", "keygen", "--out", key.toString()).code());
        CliTest.Run again = CliTest.run("cluster", "keygen", "--out", key.toString());
        assertEquals(Cli.FAILURE, again.code());
        assertTrue(again.json().path("error").asText().contains("never overwritten"), again.out());
        Files.setPosixFilePermissions(key, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r-----"));
        CliTest.Run open = CliTest.run("node", "--id", "0", "--cluster", cluster.toString(), "--key", key.toString());
        assertEquals(Cli.USAGE, open.code());
        assertTrue(open.err().contains("mode must be 0600"), open.err());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            no name        | "name": "demo",    | ''                             | /name               | missing field
            blank name     | "name": "demo"     | "name": " "                    | /name               | non-empty string
            unknown field  | "heartbeatMillis"  | "heartbeatMilis"               | /heartbeatMilis     | unknown field
            id as text     | "id": 1,           | "id": "1",                     | /vioses/1/id        | expected a whole number
            daemon too big | [10]               | [70000]                        | /vioses/0/daemons/0 | 0..65535
            bad port       | "7401"             | "74o1"                         | /vioses/1/address   | expected host:port
            same address   | "7401"             | "7400"                         | /vioses/1/address   | used by another VIOS
            key twice      | "cec": "cec0",     | "cec": "cec0", "cec": "x",     | line 2, column 62   | appears twice
            """)
    void badFilesAreRefusedWithWhere(String name, String from, String to, String where, String why) throws Exception {
        assertTrue(GOOD.contains(from), name);
        ClusterFile.BadFileException e = assertThrows(ClusterFile.BadFileException.class, () -> read(GOOD.replace(from, to)), name);
        assertEquals(where, e.where(), name + ": " + e.getMessage());
        assertTrue(e.problem().contains(why), name + ": " + e.getMessage());
    }
}
