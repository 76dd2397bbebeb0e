package org.viosbench.transport;

import java.util.concurrent.TimeUnit;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.timeout.IdleStateEvent;

/**
 * Closes an inbound connection whose frame does not arrive whole in time (bytes trickled to hold
 * it open) or that brings nothing at all (an {@link IdleStateEvent} from the handler before it).
 * It sits before the frame decoder and watches the bytes: it knows where each frame ends from its
 * 4-byte length prefix, so it needs no buffering of its own.
 */
final class FrameDeadline extends ChannelDuplexHandler {
    private static final System.Logger LOG = System.getLogger(FrameDeadline.class.getName());
    private final long deadlineNanos;
    /** Bytes still due of the frame being received (its prefix included); 0 between frames. */
    private long due;
    /** Length-prefix bytes read so far of the next frame (0..3) and their value. */
    private int prefixRead;
    private long prefix;
    /** Frames begun so far, and what the last check saw. */
    private long started;
    private long startedAtLastCheck = -1;
    private io.netty.util.concurrent.ScheduledFuture<?> checks;

    FrameDeadline(long deadlineMillis) {
        this.deadlineNanos = TimeUnit.MILLISECONDS.toNanos(deadlineMillis);
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        // one check per deadline, not one per frame: a frame in progress at two checks in a row took longer than the deadline
        checks = ctx.executor().scheduleAtFixedRate(() -> check(ctx), deadlineNanos, deadlineNanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        if (checks != null) {
            checks.cancel(false);
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof ByteBuf b) {
            account(ctx, b);
        }
        ctx.fireChannelRead(msg);
    }

    private void account(ChannelHandlerContext ctx, ByteBuf b) {
        int at = b.readerIndex();
        int end = b.writerIndex();
        while (at < end) {
            if (due == 0) {
                if (prefixRead == 0) {
                    started++;
                }
                prefix = (prefix << 8) | (b.getByte(at++) & 0xFF);
                if (++prefixRead == 4) {
                    due = prefix;
                    prefixRead = 0;
                    prefix = 0;
                }
            } else {
                int n = (int) Math.min(due, end - at);
                at += n;
                due -= n;
            }
        }
    }

    private void check(ChannelHandlerContext ctx) {
        boolean inProgress = due > 0 || prefixRead > 0;
        boolean sameFrame = started == startedAtLastCheck;
        startedAtLastCheck = inProgress ? started : -1;
        if (inProgress && sameFrame && ctx.channel().isActive()) {
            LOG.log(System.Logger.Level.WARNING, "closed {0}: a frame not whole within {1} ms or more", ctx.channel().remoteAddress(),
                    TimeUnit.NANOSECONDS.toMillis(deadlineNanos));
            ctx.close();
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof IdleStateEvent) {
            LOG.log(System.Logger.Level.INFO, "closed {0}: nothing received for a long while", ctx.channel().remoteAddress());
            ctx.close();
            return;
        }
        super.userEventTriggered(ctx, evt);
    }
}
