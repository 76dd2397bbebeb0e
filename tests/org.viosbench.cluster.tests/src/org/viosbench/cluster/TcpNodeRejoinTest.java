package org.viosbench.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.viosbench.testing.Eventually.await;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.viosbench.engine.Trace;
import org.viosbench.transport.ClusterKey;

/** A peer that went DOWN and comes back is announced UP again ("joined"), each change once. */
class TcpNodeRejoinTest {

    @Test
    void aPeerThatComesBackAfterDownIsAnnouncedJoined() throws Exception {
        Map<Integer, InetSocketAddress> addresses = new HashMap<>();
        for (int i = 0; i < 2; i++) {
            try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                addresses.put(i, new InetSocketAddress("127.0.0.1", s.getLocalPort()));
            }
        }
        List<String> seenByZero = new CopyOnWriteArrayList<>();
        ClusterListener zeroListens = new ClusterListener() {
            @Override
            public void viosStateChanged(int viewer, int vios, ViosState state, String reason) {
                seenByZero.add(vios + " " + state);
            }
        };
        ClusterDescription d = ClusterDescription.of(2, 10);
        try (TcpNode zero = TcpNode.start(d, addresses, 0, new Trace(), zeroListens, null, (ClusterKey) null)) {
            TcpNode one = TcpNode.start(d, addresses, 1, new Trace(), new ClusterListener() {
            }, null, (ClusterKey) null);
            await("VIOS 1 joined", () -> seenByZero.contains("1 UP"));
            // joined both ways before VIOS 1 leaves: a connection that closes is what says DOWN (a peer that vanishes before
            // zero's own connection to it is up is only suspected, after the failure timeout; a loaded machine showed it)
            assertEquals(List.of(1), zero.awaitJoined(java.time.Duration.ofSeconds(10)));
            assertEquals(List.of(0), one.awaitJoined(java.time.Duration.ofSeconds(10)));
            one.close();
            await("VIOS 1 down", () -> seenByZero.contains("1 DOWN"));
            try (TcpNode again = TcpNode.start(d, addresses, 1, new Trace(), new ClusterListener() {
            }, null, (ClusterKey) null)) {
                await("VIOS 1 announced again", () -> seenByZero.stream().filter("1 UP"::equals).count() == 2);
                Thread.sleep(300);
                assertEquals(List.of("1 UP", "1 DOWN", "1 UP"), seenByZero, "each change once, in order");
            }
        }
    }
}
