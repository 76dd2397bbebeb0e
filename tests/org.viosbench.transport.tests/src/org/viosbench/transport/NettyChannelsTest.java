package org.viosbench.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.local.LocalAddress;
import io.netty.channel.local.LocalChannel;
import io.netty.channel.local.LocalIoHandler;
import io.netty.channel.local.LocalServerChannel;

/** Real Netty channels inside OSGi: in-JVM local channels and TCP over loopback with the native transport. */
class NettyChannelsTest {

    private static final byte[] MESSAGE = "VIOS kcluster hello".getBytes(StandardCharsets.US_ASCII);

    @Test
    void nativeEpollTransportLoadsOnLinux() {
        assertNull(SocketTransport.epollUnavailabilityCause(), "epoll unavailable");
        assertEquals(SocketTransport.EPOLL, SocketTransport.best());
    }

    @Test
    void localChannelsPassBytes() throws Exception {
        byte[] echoed = echo(LocalIoHandler.newFactory(), LocalServerChannel.class, LocalChannel.class,
                new LocalAddress("viosbench-test-" + System.nanoTime()));
        assertArrayEquals(MESSAGE, echoed);
    }

    @Test
    void tcpLoopbackPassesBytes() throws Exception {
        SocketTransport t = SocketTransport.best();
        byte[] echoed = echo(t.ioHandlerFactory(), t.serverSocketChannel(), t.socketChannel(),
                new InetSocketAddress("127.0.0.1", 0));
        assertArrayEquals(MESSAGE, echoed);
    }

    @Test
    void nioFallbackPassesBytes() throws Exception {
        SocketTransport t = SocketTransport.NIO;
        byte[] echoed = echo(t.ioHandlerFactory(), t.serverSocketChannel(), t.socketChannel(),
                new InetSocketAddress("127.0.0.1", 0));
        assertArrayEquals(MESSAGE, echoed);
    }

    /** Starts an echo server on {@code bindTo}, sends {@link #MESSAGE}, returns what came back. */
    private static byte[] echo(IoHandlerFactory io, Class<? extends ServerChannel> serverType,
            Class<? extends Channel> clientType, java.net.SocketAddress bindTo) throws Exception {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, io);
        try {
            Channel server = new ServerBootstrap().group(group).channel(serverType)
                    .childHandler(new ChannelInboundHandlerAdapter() {
                        @Override
                        public void channelRead(ChannelHandlerContext ctx, Object msg) {
                            ctx.writeAndFlush(msg);
                        }
                    }).bind(bindTo).sync().channel();
            CompletableFuture<byte[]> received = new CompletableFuture<>();
            ByteBuf collected = Unpooled.buffer();
            Channel client = new Bootstrap().group(group).channel(clientType)
                    .handler(new ChannelInitializer<Channel>() {
                        @Override
                        protected void initChannel(Channel ch) {
                            ch.pipeline().addLast(new ChannelInboundHandlerAdapter() {
                                @Override
                                public void channelRead(ChannelHandlerContext ctx, Object msg) {
                                    ByteBuf buf = (ByteBuf) msg;
                                    collected.writeBytes(buf);
                                    buf.release();
                                    if (collected.readableBytes() >= MESSAGE.length) {
                                        received.complete(ByteBufUtil.getBytes(collected));
                                    }
                                }
                            });
                        }
                    }).connect(server.localAddress()).sync().channel();
            client.writeAndFlush(Unpooled.wrappedBuffer(MESSAGE)).sync();
            byte[] result = received.get(10, TimeUnit.SECONDS);
            client.close().sync();
            server.close().sync();
            collected.release();
            return result;
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
        }
    }
}
