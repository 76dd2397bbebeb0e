package org.viosbench.transport;

import io.netty.channel.IoHandlerFactory;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.ServerSocketChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;

/**
 * The socket flavour kcluster uses over TCP: Linux epoll when Netty's native library loads,
 * Java NIO otherwise. The choice is made once, when the class is loaded.
 */
public enum SocketTransport {
    EPOLL, NIO;

    private static final SocketTransport BEST = Epoll.isAvailable() ? EPOLL : NIO;

    /** The transport to use on this machine; never null. */
    public static SocketTransport best() {
        return BEST;
    }

    /** Why epoll is not used, or null when it is. */
    public static Throwable epollUnavailabilityCause() {
        return Epoll.unavailabilityCause();
    }

    public IoHandlerFactory ioHandlerFactory() {
        return this == EPOLL ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
    }

    public Class<? extends SocketChannel> socketChannel() {
        return this == EPOLL ? EpollSocketChannel.class : NioSocketChannel.class;
    }

    public Class<? extends ServerSocketChannel> serverSocketChannel() {
        return this == EPOLL ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
    }
}
