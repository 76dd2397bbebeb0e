package org.viosbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.viosbench.cli.CliTest.Run;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code viosbench vios}: one VIOS's command line on a topology's cluster, once and as an interactive shell in a real process. */
class ViosCommandTest {
    @TempDir
    Path tmp;

    private Path small() {
        Path file = tmp.resolve("small.vios.json");
        assertEquals(Cli.OK, CliTest.run("topology", "sample", "small", "--out", file.toString()).code());
        return file;
    }

    @Test
    void oneCommandPrintsItsOutputAsJson() throws Exception {
        Path topology = small();
        Run status = CliTest.run("vios", "--topology", topology.toString(), "--as", "vios2", "--", "cluster", "-status", "-fmt", ":");
        assertEquals(Cli.OK, status.code(), status.out() + status.err());
        JsonNode r = status.json();
        assertEquals("vios2", r.path("as").asText());
        assertEquals("cluster -status -fmt :", r.path("command").asText());
        assertEquals(0, r.path("status").asInt());
        assertEquals("small:OK:vios1:9080-M9S781A2B0:1:OK:OK\nsmall:OK:vios2:9080-M9S781A2B0:2:OK:OK\n"
                + "small:OK:vios3:9080-M9S781A2B1:1:OK:OK\nsmall:OK:vios4:9080-M9S781A2B1:2:OK:OK\n", r.path("output").asText(),
                "the cluster has formed before the command runs");

        Run typo = CliTest.run("vios", "--topology", topology.toString(), "--as", "vios2", "--", "lsmap", "-al");
        assertEquals(Cli.FAILURE, typo.code(), "a command that fails: exit 1");
        assertEquals(1, typo.json().path("status").asInt());
        assertTrue(typo.json().path("output").asText().startsWith("\"-al\" is not a valid flag.\nUsage: lsmap"), typo.out());
    }

    @Test
    void badCommandLinesAreUsageErrors() {
        Path topology = small();
        Run unknown = CliTest.run("vios", "--topology", topology.toString(), "--as", "vios9", "--", "cluster", "-status");
        assertEquals(Cli.USAGE, unknown.code());
        assertTrue(unknown.err().contains("--as: the topology has no VIOS named \"vios9\" (it has vios1, vios2, vios3, vios4)"), unknown.err());
        Run nothing = CliTest.run("vios", "--topology", topology.toString(), "--as", "vios2");
        assertEquals(Cli.USAGE, nothing.code());
        assertTrue(nothing.err().contains("give a command after --"), nothing.err());
        Run both = CliTest.run("vios", "--topology", topology.toString(), "--as", "vios2", "--shell", "--", "lssp");
        assertEquals(Cli.USAGE, both.code());
        Run missing = CliTest.run("vios", "--topology", tmp.resolve("none.vios.json").toString(), "--as", "vios2", "--", "lssp");
        assertEquals(Cli.FAILURE, missing.code());
    }

    @Test
    void theShellPromptsRunsAndRemembers() throws Exception {
        Path topology = small();
        Process p = new ProcessBuilder(ChildViosbench.command(tmp.resolve("child"), List.of("vios", "--topology", topology.toString(), "--as",
                "vios3", "--shell"))).redirectError(tmp.resolve("shell.log").toFile()).start();
        try (Writer in = new OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8)) {
            in.write("cluster -list\nlsclster\n\nclstartstop -stop -n small -m vios1\ncluster -status -fmt :\nhistory\nexit\n");
        }
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the shell ends at exit");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.startsWith("padmin@vios3 $ CLUSTER_NAME: small\nCLUSTER_ID: "), out);
        assertTrue(out.contains("padmin@vios3 $ rksh: lsclster:  not found.\npadmin@vios3 $ padmin@vios3 $ padmin@vios3 $ small:DEGRADED:vios1:"),
                "stopped from vios3, vios1 is DOWN at once: " + out);
        assertTrue(out.contains("    1  cluster -list\n    2  lsclster\n    3  clstartstop -stop -n small -m vios1\n"
                + "    4  cluster -status -fmt :\n    5  history\n"), out);
    }

    /** With --db the cluster has its VIOS database: lu -list shows the logical units stored there, the run is recorded. */
    @Test
    void withItsDatabaseTheLogicalUnitsAreTheStoredOnes() throws Exception {
        Path topology = small();
        Path db = tmp.resolve("viosdb");
        try (org.viosbench.db.ViosDatabase d = org.viosbench.db.ViosDatabase.open(db)) {
            d.config().save(new org.viosbench.db.ClusterConfig("small", 100, 1000, List.of(), List.of(), List.of(), List.of(),
                    List.of(new org.viosbench.db.ClusterConfig.LogicalUnit("lu_boot01", 20480))));
        }
        Run lu = CliTest.run("vios", "--topology", topology.toString(), "--as", "vios2", "--db", db.toString(), "--", "lu", "-list", "-fmt", ":");
        assertEquals(Cli.OK, lu.code(), lu.out() + lu.err());
        assertTrue(lu.json().path("output").asText().startsWith("small_ssp:SYSTEM:lu_boot01:20480:20480:"), lu.out());
        try (org.viosbench.db.ViosDatabase d = org.viosbench.db.ViosDatabase.open(db)) {
            assertEquals(4, d.config().load().orElseThrow().vioses().size(), "the topology's configuration was written");
            assertEquals(1, d.traces().runs().size(), "the run's trace was kept");
        }
        Run bad = CliTest.run("vios", "--topology", topology.toString(), "--as", "vios2", "--db", topology.toString(), "--", "lssp");
        assertEquals(Cli.FAILURE, bad.code(), "a file is no database directory: " + bad.out());
        assertTrue(bad.json().path("error").asText().contains("cannot open the VIOS database"), bad.out());
    }
}
