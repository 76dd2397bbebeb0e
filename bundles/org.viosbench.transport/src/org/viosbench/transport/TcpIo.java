package org.viosbench.transport;

import java.util.concurrent.TimeUnit;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;

/**
 * I/O threads shared by several TCP kcluster ends in one process (several VIOSes hosted together,
 * as the TCP benchmark does): each end keeps its own listening socket and connections, but their
 * reads and writes run on these few threads, so one wake-up serves many sockets. Closing the ends
 * leaves the threads running; close this after them.
 */
public final class TcpIo implements AutoCloseable {
    private final EventLoopGroup group;

    private TcpIo(int threads) {
        SocketTransport transport = SocketTransport.best();
        group = new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory("kcluster-tcp-io", true), transport.ioHandlerFactory());
    }

    /** {@code threads} I/O threads (daemon threads) for the ends that use them. */
    public static TcpIo threads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("at least one I/O thread, not " + threads);
        }
        return new TcpIo(threads);
    }

    EventLoopGroup group() {
        return group;
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 200, TimeUnit.MILLISECONDS).awaitUninterruptibly(2000);
    }
}
