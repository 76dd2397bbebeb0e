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
 * threads are queued, and one task per burst writes them all and flushes once.
 */
final class CoalescingWriter {
    private final Channel channel;
    private final Queue<ByteBuf> queue = PlatformDependent.newMpscQueue();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final Runnable drain = this::drain;

    CoalescingWriter(Channel channel) {
        this.channel = channel;
    }

    Channel channel() {
        return channel;
    }

    /** Writes {@code packet} (ownership passes to the writer). */
    void write(ByteBuf packet) {
        if (channel.eventLoop().inEventLoop()) {
            channel.writeAndFlush(packet, channel.voidPromise());
            return;
        }
        queue.offer(packet);
        if (scheduled.compareAndSet(false, true)) {
            channel.eventLoop().execute(drain);
        }
    }

    private void drain() {
        scheduled.set(false);
        boolean wrote = false;
        for (ByteBuf b; (b = queue.poll()) != null;) {
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
