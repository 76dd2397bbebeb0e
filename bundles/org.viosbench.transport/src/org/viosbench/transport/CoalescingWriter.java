package org.viosbench.transport;

import java.util.Queue;
import java.util.concurrent.atomic.AtomicBoolean;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.internal.PlatformDependent;

/**
 * Writes packets to one channel from any thread with as few event-loop tasks and flushes as
 * possible: writes from the channel's own event loop go straight to the pipeline; writes from other
 * threads are queued, and one task per burst writes them all and flushes once. What waits for one
 * peer (in this queue and in the channel's outbound buffer) is bounded: a packet that would take it
 * over {@code maxPendingBytes} is refused, so a peer that stops reading cannot make the sender's
 * memory grow without end.
 */
final class CoalescingWriter {
    private final Channel channel;
    private final long maxPendingBytes;
    /** Bytes offered and not yet handed to the channel. */
    private final java.util.concurrent.atomic.AtomicLong queued = new java.util.concurrent.atomic.AtomicLong();
    private final Queue<ByteBuf> queue = PlatformDependent.newMpscQueue();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final Runnable drain = this::drain;

    CoalescingWriter(Channel channel, long maxPendingBytes) {
        this.channel = channel;
        this.maxPendingBytes = maxPendingBytes;
    }

    /** Bytes waiting for this peer: queued here and not yet written to its socket. */
    long pendingBytes() {
        io.netty.channel.ChannelOutboundBuffer out = channel.unsafe().outboundBuffer();
        return queued.get() + (out == null ? 0 : out.totalPendingWriteBytes());
    }

    Channel channel() {
        return channel;
    }

    /**
     * Writes {@code packet} (ownership passes to the writer); false, with the packet released, when the bytes
     * waiting for this peer would exceed the bound.
     */
    boolean write(ByteBuf packet) {
        int n = packet.readableBytes();
        if (pendingBytes() + n > maxPendingBytes) {
            ReferenceCountUtil.release(packet);
            return false;
        }
        if (channel.eventLoop().inEventLoop()) {
            channel.writeAndFlush(packet, channel.voidPromise());
            return true;
        }
        queued.addAndGet(n);
        queue.offer(packet);
        if (scheduled.compareAndSet(false, true)) {
            channel.eventLoop().execute(drain);
        }
        return true;
    }

    private void drain() {
        scheduled.set(false);
        boolean wrote = false;
        for (ByteBuf b; (b = queue.poll()) != null;) {
            queued.addAndGet(-b.readableBytes());
            if (channel.isActive()) {
                channel.write(b, channel.voidPromise());
                wrote = true;
            } else {
                ReferenceCountUtil.release(b);
            }
        }
        if (wrote) {
            channel.flush();
        }
    }
}
