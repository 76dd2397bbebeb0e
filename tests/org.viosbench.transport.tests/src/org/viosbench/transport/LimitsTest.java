package org.viosbench.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.viosbench.testing.Eventually.await;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;

/** Limits against denial of service: a trickled frame, a flood of connections. */
class LimitsTest {

    @Test
    void aFrameTrickledTooSlowlyClosesTheConnection() {
        EmbeddedChannel ch = new EmbeddedChannel(new FrameDeadline(100));
        ch.writeInbound(Unpooled.wrappedBuffer(new byte[] { 0, 0, 0, 8, 1, 2 })); // 8 bytes announced, 2 came
        ch.advanceTimeBy(100, TimeUnit.MILLISECONDS);
        ch.runScheduledPendingTasks();
        assertTrue(ch.isOpen(), "one check: it may have just begun");
        ch.writeInbound(Unpooled.wrappedBuffer(new byte[] { 3 })); // a byte now and then does not help
        ch.advanceTimeBy(100, TimeUnit.MILLISECONDS);
        ch.runScheduledPendingTasks();
        assertFalse(ch.isOpen(), "the same frame at two checks in a row: closed");
        ch.finishAndReleaseAll();
    }

    @Test
    void wholeFramesKeepTheConnectionOpen() {
        EmbeddedChannel ch = new EmbeddedChannel(new FrameDeadline(100));
        for (int i = 0; i < 5; i++) {
            ch.writeInbound(Unpooled.wrappedBuffer(new byte[] { 0, 0, 0, 2, 9, 9 }, new byte[] { 0, 0 })); // a frame, then half a prefix
            ch.writeInbound(Unpooled.wrappedBuffer(new byte[] { 0, 1, 7 })); // which completes in the next read
            ch.advanceTimeBy(100, TimeUnit.MILLISECONDS);
            ch.runScheduledPendingTasks();
        }
        assertTrue(ch.isOpen());
        ch.finishAndReleaseAll();
    }

    @Test
    void aFloodOfConnectionsIsCutAtTheLimit() throws Exception {
        Map<Integer, InetSocketAddress> addresses = TcpKClusterTest.freeAddresses(2);
        TcpKCluster k = TcpKCluster.start(0, addresses, TcpKCluster.Delivery.IO_THREAD, null, (ClusterKey) null);
        List<Socket> flood = new ArrayList<>();
        try {
            int tries = k.maxConnections() + 10;
            for (int i = 0; i < tries; i++) {
                flood.add(new Socket(addresses.get(0).getAddress(), addresses.get(0).getPort()));
            }
            await("the connections beyond the limit refused", () -> k.refusedConnections() >= 10);
            assertEquals(10, k.refusedConnections(), "exactly those beyond " + k.maxConnections());
        } finally {
            for (Socket s : flood) {
                s.close();
            }
            k.close();
        }
    }
}
