package org.viosbench.session.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.viosbench.testing.Eventually.await;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.viosbench.cluster.ViosState;
import org.viosbench.db.ClusterConfig;
import org.viosbench.session.ClusterSession;
import org.viosbench.topology.Samples;
import org.viosbench.topology.Topology;
import org.viosbench.topology.Vios;

/**
 * The simulated VIOS command line on the running small sample (4 VIOSes on 2 CECs, 8 LPARs): every command's output
 * against its golden file (golden/*.txt beside this class), before and after a kill, and after clstartstop.
 */
class ViosShellTest {
    private static final List<ClusterConfig.LogicalUnit> LUS = List.of(new ClusterConfig.LogicalUnit("lu_boot01", 20480),
            new ClusterConfig.LogicalUnit("lu_data01", 102400));

    private static String golden(String name) throws IOException {
        try (InputStream in = ViosShellTest.class.getResourceAsStream("golden/" + name + ".txt")) {
            return in == null ? "(no golden file golden/" + name + ".txt)" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Golden files a test's outputs did not match (each test fails at its end with all of them, not at the first). */
    private final List<String> mismatches = new java.util.ArrayList<>();

    /** The command's output equals its golden file (written to target/golden-actual when it does not, to compare). */
    private void assertGolden(String name, ViosShell.Result r) throws IOException {
        assertEquals(0, r.status(), name + ": " + r.output());
        String expected = golden(name);
        if (!expected.equals(r.output())) {
            Path actual = Path.of("target", "golden-actual", name + ".txt");
            Files.createDirectories(actual.getParent());
            Files.writeString(actual, r.output());
            mismatches.add(name + " (expected:\n" + expected + "\nactual, in " + actual + ":\n" + r.output() + ")");
        }
    }

    @org.junit.jupiter.api.AfterEach
    void everyGoldenFileMatched() {
        assertEquals(List.of(), mismatches);
    }

    private static void awaitFormed(ClusterSession s) throws InterruptedException {
        await("every VIOS sees the three others UP", () -> s.topology().vioses().stream().allMatch(v -> {
            var view = s.cluster().view((int) v.id());
            return view.size() == 3 && view.values().stream().allMatch(st -> st == ViosState.UP);
        }));
    }

    private static Vios vios(Topology t, String name) {
        return t.vioses().stream().filter(v -> v.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void everyCommandPrintsItsDocumentedLayout() throws Exception {
        Topology t = Samples.build("small");
        try (ClusterSession s = ClusterSession.start(t)) {
            awaitFormed(s);
            ViosShell vios1 = new ViosShell(s, vios(t, "vios1"), () -> LUS);
            assertEquals("padmin@vios1 $ ", vios1.prompt());
            assertGolden("cluster-list", vios1.run("cluster -list"));
            assertGolden("cluster-status", vios1.run("cluster -status -clustername small"));
            assertGolden("cluster-status-fmt", vios1.run("cluster -status -fmt :"));
            assertGolden("cluster-status-verbose", vios1.run("cluster -status -verbose"));
            assertGolden("lscluster-m", vios1.run("lscluster -m"));
            assertGolden("lscluster-c", vios1.run("lscluster -c"));
            assertGolden("lscluster-i", vios1.run("lscluster -i"));
            assertGolden("lsmap-all", vios1.run("lsmap -all"));
            assertGolden("lu-list", vios1.run("lu -list"));
            assertGolden("lssp", vios1.run("lssp -clustername small"));
            assertEquals("small:" + vios1.run("cluster -list -field CLUSTER_ID -fmt :").output().strip().length(),
                    "small:" + 32, "the id alone, 32 hex digits");
            assertEquals("small\n", vios1.run("cluster -list -field CLUSTER_NAME -fmt ,").output());

            // lscluster -s: the kcluster's own counters, which move
            String before = vios1.run("lscluster -s").output();
            assertTrue(before.startsWith("Cluster Network Statistics:\n\npkts sent: "), before);
            long heartbeats = counter(before, "heartbeats sent");
            await("heartbeats go on", () -> counter(vios1.run("lscluster -s").output(), "heartbeats sent") > heartbeats);
        }
    }

    private static long counter(String stats, String name) {
        Matcher m = Pattern.compile("(?m)^" + name + ": (\\d+)$").matcher(stats);
        assertTrue(m.find(), name + " in " + stats);
        return Long.parseLong(m.group(1));
    }

    @Test
    void whatTheNodesSeeAfterAKillAndClstartstop() throws Exception {
        Topology t = Samples.build("small");
        try (ClusterSession s = ClusterSession.start(t)) {
            awaitFormed(s);
            ViosShell vios1 = new ViosShell(s, vios(t, "vios1"), List::of);
            ViosShell vios4 = new ViosShell(s, vios(t, "vios4"), List::of);
            s.kill(vios(t, "vios3"));
            await("vios1 suspects vios3", () -> vios1.run("cluster -status").output().contains("DEGRADED"));
            assertGolden("cluster-status-after-kill", vios1.run("cluster -status"));

            // clstartstop from vios1 stops vios4's cluster services: vios4 leaves at once and stays stopped
            ViosShell.Result stop = vios1.run("clstartstop -stop -n small -m vios4");
            assertEquals(new ViosShell.Result(0, ""), stop);
            // clstartstop returns once the others have seen vios4 leave (as a real one returns when done); half the nodes down: DOWN
            String afterStop = vios1.run("cluster -status -fmt :").output();
            assertTrue(afterStop.contains("small:DOWN:vios4:9080-M9S781A2B1:2:DOWN:DOWN"), afterStop);
            ViosShell.Result onStopped = vios4.run("cluster -status");
            assertEquals(ViosShell.FAILED, onStopped.status());
            assertEquals("cluster -status: cluster services are not active on vios4 (start them with clstartstop -start -n small -m vios4 from "
                    + "another node).\n", onStopped.output());
            assertEquals(0, vios4.run("lsmap -all").status(), "lsmap needs no cluster services");
            assertEquals("clstartstop: cluster services are already stopped on vios4.\n", vios1.run("clstartstop -stop -n small -m vios4").output());

            assertEquals(0, vios1.run("clstartstop -start -n small -m vios3,vios4").status());
            awaitFormed(s);
            assertGolden("cluster-status", vios1.run("cluster -status"));
            assertGolden("cluster-status", vios4.run("cluster -status"));
            assertTrue(vios1.run("lscluster -s").output().contains("node down events: 2\n"), vios1.run("lscluster -s").output());
        }
    }

    @Test
    void mistypedCommandsAnswerWithUsageAndAStatus() throws Exception {
        Topology t = Samples.build("small");
        try (ClusterSession s = ClusterSession.start(t)) {
            ViosShell vios2 = new ViosShell(s, vios(t, "vios2"), List::of);
            assertEquals(new ViosShell.Result(ViosShell.NOT_FOUND, "rksh: lsclster:  not found.\n"), vios2.run("lsclster -m"));
            ViosShell.Result badFlag = vios2.run("cluster -stats");
            assertEquals(ViosShell.FAILED, badFlag.status());
            assertTrue(badFlag.output().startsWith("\"-stats\" is not a valid flag.\nUsage: cluster -status"), badFlag.output());
            assertTrue(vios2.run("cluster").output().startsWith("Usage: cluster -status"), "no operation: the usage");
            assertEquals(ViosShell.FAILED, vios2.run("cluster -status -list").status());
            assertTrue(vios2.run("cluster -status -fmt").output().startsWith("\"-fmt\" needs a value."));
            assertTrue(vios2.run("cluster -list -field NAME").output().startsWith("\"NAME\" is not a field (fields: CLUSTER_NAME, CLUSTER_ID)"));
            assertTrue(vios2.run("lscluster -m -c").output().startsWith("give one of -m, -c, -i, -s, -d"));
            assertTrue(vios2.run("lsmap -all -all").output().startsWith("\"-all\" is given more than once."));
            assertEquals("Device \"vhost9\" is not a Server Virtual SCSI Adapter (SVSA).\n", vios2.run("lsmap -vadapter vhost9").output());
            assertEquals("Cluster \"other\" is not found; this node is a member of small.\n", vios2.run("cluster -status -clustername other").output());
            assertEquals("clstartstop: node \"vios9\" is not a node of cluster small.\n", vios2.run("clstartstop -stop -n small -m vios9").output());
            assertTrue(vios2.run("clstartstop -stop -n small").output().startsWith("Usage: clstartstop"));
            assertEquals(new ViosShell.Result(0, ""), vios2.run("   "));
            assertTrue(vios2.run("help").output().contains("cluster -status"));
            assertEquals("    1  lsclster -m\n", vios2.run("history").output().lines().findFirst().orElseThrow() + "\n");
            assertEquals(13, vios2.history().size() - 1, "every line run is in the history, blank ones excepted");
            assertTrue(vios2.run("lsmap -vadapter 'vhost0' ").output().contains("VTD                   vtscsi0"), "quotes are a shell's");
        }
    }
}
