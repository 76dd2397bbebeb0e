package org.viosbench.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.viosbench.testing.Eventually.await;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.viosbench.engine.Trace;
import org.viosbench.engine.TraceEvent;
import org.viosbench.engine.TraceKind;
import org.viosbench.protocol.Wire;
import org.viosbench.transport.ClusterKey;

/** A keyed TCP node tells its trace what authentication refused: a SECURITY event with the reason. */
class TcpNodeSecurityTest {

    @Test
    void aForgedFrameIsASecurityEventInTheNodesTrace() throws Exception {
        Map<Integer, InetSocketAddress> addresses = new HashMap<>();
        for (int i = 0; i < 2; i++) {
            try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                addresses.put(i, new InetSocketAddress("127.0.0.1", s.getLocalPort()));
            }
        }
        byte[] k = new byte[ClusterKey.LENGTH];
        new java.security.SecureRandom().nextBytes(k);
        Trace trace = new Trace();
        List<TraceEvent> security = new CopyOnWriteArrayList<>();
        trace.addListener(e -> {
            if (e.kind() == TraceKind.SECURITY) {
                security.add(e);
            }
        });
        try (TcpNode zero = TcpNode.start(ClusterDescription.of(2, 10), addresses, 0, trace, new ClusterListener() {
        }, null, ClusterKey.of(k))) {
            try (Socket forger = new Socket(addresses.get(0).getAddress(), addresses.get(0).getPort())) {
                DataInputStream in = new DataInputStream(forger.getInputStream());
                in.readFully(new byte[in.readInt()]); // the challenge
                byte[] packet = new byte[60];
                java.nio.ByteBuffer.wrap(packet).putInt(Wire.OFF_SOURCE, 1);
                DataOutputStream out = new DataOutputStream(forger.getOutputStream());
                out.writeInt(packet.length);
                out.write(packet);
                out.flush();
                await("the refusal traced", () -> !security.isEmpty());
            }
            TraceEvent e = security.get(0);
            assertEquals(0, e.vios());
            assertTrue(e.outcome().contains("before the handshake"), e.outcome());
            assertEquals(1, zero.kcluster().refusedFrames());
        }
    }
}
