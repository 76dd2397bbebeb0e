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

/** Limits against denial of service: a trickled frame, a flood of connections, a peer that stops reading. */
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

    /**
     * A peer that accepts the connection and never reads: what waits for it stays within the bound, and
     * packets beyond it are refused with ENOBUFS and counted instead of piling up in memory.
     */
    @Test
    void aPeerThatStopsReadingCannotGrowTheSendersMemory() throws Exception {
        Map<Integer, InetSocketAddress> addresses = new java.util.HashMap<>(TcpKClusterTest.freeAddresses(1));
        try (java.net.ServerSocket deaf = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            addresses.put(1, new InetSocketAddress("127.0.0.1", deaf.getLocalPort()));
            TcpKCluster k = TcpKCluster.start(0, addresses, TcpKCluster.Delivery.IO_THREAD, null, (ClusterKey) null);
            try (Socket accepted = deaf.accept()) { // connected, never read
                await("VIOS 1 reachable", () -> k.isReachable(1));
                io.netty.buffer.ByteBuf packet = Unpooled.wrappedBuffer(new byte[1 << 20]);
                int sent = 0;
                int refused = 0;
                for (int i = 0; i < 100; i++) {
                    org.viosbench.protocol.Errno e = k.send(1, packet);
                    sent += e == org.viosbench.protocol.Errno.OK ? 1 : 0;
                    refused += e == org.viosbench.protocol.Errno.ENOBUFS ? 1 : 0;
                    assertTrue(e == org.viosbench.protocol.Errno.OK || e == org.viosbench.protocol.Errno.ENOBUFS, e.name());
                    long waiting = k.pendingBytes(1);
                    // the bound is checked before a packet is queued; the channel's accounting then adds the length prefix and
                    // Netty's per-buffer overhead (about 100 bytes each): a few KiB over 8 MiB, never the 100 MiB offered
                    assertTrue(waiting <= TcpKCluster.MAX_PENDING_BYTES + (64 << 10), waiting + " bytes wait for a peer that reads nothing");
                }
                assertTrue(refused > 0, "never refused");
                assertEquals(refused, k.refusedFull(), "every refusal counted");
                // the bound (8 MiB) plus what the kernel's socket buffers took before the peer's window closed
                assertTrue(sent < 64, sent + " packets of 1 MiB went out to a peer that reads nothing");
                int reached = k.broadcast(packet).length;
                assertEquals(refused + 1 - reached, k.refusedFull(), "a broadcast that leaves the peer out counts it too");
                assertTrue(k.isReachable(1), "a slow peer is not a dead one: membership decides that");
                packet.release();
            } finally {
                k.close();
            }
        }
    }
}
