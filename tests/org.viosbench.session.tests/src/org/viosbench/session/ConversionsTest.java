package org.viosbench.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.viosbench.cluster.ClusterDescription;
import org.viosbench.cluster.EmbeddedCluster;
import org.viosbench.cluster.ViosState;
import org.viosbench.db.ClusterConfig;
import org.viosbench.db.ViosDatabase;
import org.viosbench.topology.AutoLayout;
import org.viosbench.topology.Samples;
import org.viosbench.topology.Problem;
import org.viosbench.topology.Topology;
import org.viosbench.topology.Validator;
import org.viosbench.topology.Vios;

/** What is drawn is what runs: through a real Derby VIOS database and a real embedded cluster. */
class ConversionsTest {

    @TempDir
    Path tmp;

    @Test
    void theMediumSampleSurvivesTheViosDatabase() throws Exception {
        Topology drawn = Samples.build("medium");
        ClusterConfig config = Conversions.toClusterConfig(drawn);
        try (ViosDatabase db = ViosDatabase.open(tmp.resolve("db"))) {
            db.config().save(config); // the database's own rules accept it
            ClusterConfig stored = db.config().load().orElseThrow();
            assertEquals(sorted(config), sorted(stored));
            Topology back = Conversions.fromClusterConfig(stored);
            assertEquals(drawn.vioses().size(), back.vioses().size());
            assertEquals(drawn.mappings().size(), back.mappings().size());
            assertEquals(sorted(config), sorted(Conversions.toClusterConfig(back)), "round trip");
            assertEquals(java.util.List.of(), Validator.validate(back).stream().filter(p -> p.severity() == Problem.Severity.ERROR).toList());
            assertTrue(AutoLayout.needed(back));
        }
    }

    /** The database returns mappings in its own order. */
    private static ClusterConfig sorted(ClusterConfig c) {
        java.util.List<ClusterConfig.Mapping> m = new java.util.ArrayList<>(c.mappings());
        m.sort(java.util.Comparator.comparingLong(ClusterConfig.Mapping::viosId).thenComparing(ClusterConfig.Mapping::adapter));
        return new ClusterConfig(c.name(), c.heartbeatMillis(), c.failureTimeoutMillis(), c.cecs(), c.vioses(), c.lpars(), m, c.logicalUnits());
    }

    @Test
    void theSmallSampleRunsAsDrawn() throws Exception {
        Topology drawn = Samples.build("small");
        drawn.setTiming(50, 300);
        ClusterDescription d = Conversions.toClusterDescription(drawn);
        assertEquals(4, d.vioses().size());
        assertEquals(Duration.ofMillis(50), d.heartbeatInterval());
        try (EmbeddedCluster c = EmbeddedCluster.start(d)) {
            for (Vios v : drawn.vioses()) {
                assertEquals(ViosState.UP, c.state((int) v.id()), v.label());
                assertEquals(v.cec().serial(), c.spec((int) v.id()).cec());
            }
            var r = c.node(1).daemon(20).send(org.viosbench.engine.Message.broadcast().targetDaemon(11).payload(new byte[] { 1 })
                    .expectAll().timeout(Duration.ofSeconds(5)).build());
            assertTrue(r.await().success(), "every drawn VIOS answers on its drawn daemon 11");
        }
    }
}
