package org.viosbench.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.viosbench.engine.Message;
import org.viosbench.protocol.Wire;

/** The packet tap sees each packet a VIOS sends, request and responses, with who sent it to whom. */
class PacketTapTest {

    @Test
    void aBroadcastAndItsResponsesPassTheTap() throws Exception {
        try (EmbeddedCluster c = EmbeddedCluster.start(ClusterDescription.of(3, 10))) {
            List<String> seen = new CopyOnWriteArrayList<>();
            c.setPacketTap((from, to, packet) -> {
                int type = packet.getUnsignedShort(packet.readerIndex() + Wire.OFF_TYPE);
                if (type == org.viosbench.protocol.MessageType.DATA.code()) { // not heartbeats
                    seen.add(from + "->" + to + ":" + (packet.getShort(packet.readerIndex() + Wire.OFF_FLAGS) & Wire.FLAG_RESPONSE));
                }
            });
            var r = c.node(0).daemon(20).send(Message.broadcast().targetDaemon(10).payload(new byte[] { 1 }).expectAll()
                    .timeout(Duration.ofSeconds(5)).build());
            assertTrue(r.await().success());
            long requests = seen.stream().filter(s -> s.equals("0->" + PacketTap.BROADCAST + ":0")).count();
            assertEquals(1, requests, seen.toString());
            assertTrue(seen.contains("1->0:" + Wire.FLAG_RESPONSE) && seen.contains("2->0:" + Wire.FLAG_RESPONSE), seen.toString());
            c.setPacketTap(null);
            int before = seen.size();
            c.node(0).daemon(20).send(Message.to(1).targetDaemon(10).expectAll().build()).await();
            assertEquals(before, seen.size(), "no tap, nothing seen");
        }
    }
}
