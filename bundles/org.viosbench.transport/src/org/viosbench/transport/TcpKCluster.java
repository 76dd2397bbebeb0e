package org.viosbench.transport;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.viosbench.protocol.Errno;
import org.viosbench.engine.kcluster.KCluster;
import org.viosbench.engine.kcluster.KClusterReceiver;
import org.viosbench.engine.kcluster.MembershipListener;
import org.viosbench.protocol.DecodeFailure;
import org.viosbench.protocol.Wire;
import org.viosbench.protocol.codec.PacketFrameDecoder;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.handler.codec.LengthFieldPrepender;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.netty.util.ReferenceCountUtil;

/**
 * One VIOS's kcluster end over TCP (Netty; epoll when available). It listens on its own address
 * and keeps one outbound connection to every other VIOS of the cluster, re-connecting with
 * exponential backoff (100 ms doubling to 5 s) when a peer goes away. Packets are framed by a
 * 4-byte length (docs/protocol.md); writes are flushed in batches (FlushConsolidationHandler).
 * Received packets are processed on the node's I/O thread (or, with {@code
 * -Dviosbench.tcp.delivery=thread}, handed to an {@link Inbox} delivery thread as in the JVM). A peer counts as joined while the connection to it is up; a peer that is not
 * connected is not in {@link #members()} and not reachable, so requests do not wait for it (a
 * unicast to it fails with ENOTCONN), though it stays a member of the configured cluster
 * ({@link #isMember(int)}).
 */
public final class TcpKCluster implements KCluster {
    private static final long BACKOFF_START_MILLIS = 100;
    /** Where received packets are processed. */
    public enum Delivery {
        /** On the node's I/O thread: one thread hand-off less per hop, responses written without a wake-up. */
        IO_THREAD,
        /** On a delivery thread of their own: a slow handler cannot delay the node's I/O (and heartbeats). */
        DELIVERY_THREAD;

        /** The default: {@code -Dviosbench.tcp.delivery=thread} selects DELIVERY_THREAD, else IO_THREAD. */
        public static Delivery fromSystemProperty() {
            return "thread".equals(System.getProperty("viosbench.tcp.delivery", "io")) ? DELIVERY_THREAD : IO_THREAD;
        }
    }

    private final boolean direct;
    private static final long BACKOFF_MAX_MILLIS = 5000;

    private final int id;
    private final Map<Integer, InetSocketAddress> addresses;
    private final int[] members;
    private final EventLoopGroup group;
    /** Whether {@link #group} belongs to a {@link TcpIo} of several ends (then closing this end leaves it running). */
    private final boolean shared;
    private final Inbox inbox;
    private final Map<Integer, CoalescingWriter> outbound = new ConcurrentHashMap<>();
    private final Map<Integer, Long> backoff = new ConcurrentHashMap<>();
    /** Peers to which at least one connection attempt has ended (connected, refused, or not proven). */
    private final java.util.Set<Integer> tried = ConcurrentHashMap.newKeySet();
    /** Peers with a connection attempt in progress (at most one per peer). */
    private final Map<Integer, Boolean> connecting = new ConcurrentHashMap<>();
    private final AtomicLong malformedFrames = new AtomicLong();
    /** The cluster key, or null for an insecure cluster (no handshake, frames unauthenticated). */
    private final ClusterKey key;
    /** Mutual TLS instead of a key, or null. */
    private final ClusterTls tls;
    private final AtomicLong refusedFrames = new AtomicLong();
    private final AtomicLong refusedConnections = new AtomicLong();
    /** A frame must arrive whole within this long of its first byte (one trickled a byte at a time does not hold a connection). */
    static final long FRAME_DEADLINE_MILLIS = Long.getLong("viosbench.tcp.frameDeadlineMillis", 10_000);
    /** Most bytes that may wait for one peer (queued and unsent); beyond it packets to that peer are refused (ENOBUFS) and counted. */
    static final long MAX_PENDING_BYTES = Long.getLong("viosbench.tcp.maxPendingBytes", 8L << 20);
    private final AtomicLong refusedFull = new AtomicLong();
    /** An inbound connection that brings nothing for this long is closed (peers send heartbeats many times a second). */
    static final long IDLE_SECONDS = Long.getLong("viosbench.tcp.idleSeconds", 60);
    private static final System.Logger LOG = System.getLogger(TcpKCluster.class.getName());
    private final Channel server;
    /** Accepted connections, closed explicitly on close so that peers notice at once. */
    private final io.netty.channel.group.ChannelGroup accepted;
    private volatile boolean closed;

    private TcpKCluster(int id, Map<Integer, InetSocketAddress> addresses, Delivery delivery, TcpIo io, ClusterKey key, ClusterTls tls)
            throws InterruptedException {
        this.id = id;
        this.key = key;
        this.tls = tls;
        this.direct = delivery == Delivery.IO_THREAD;
        this.addresses = Map.copyOf(addresses);
        this.members = new TreeMap<>(addresses).keySet().stream().mapToInt(Integer::intValue).toArray();
        SocketTransport transport = SocketTransport.best();
        this.shared = io != null;
        this.group = shared ? io.group() : new MultiThreadIoEventLoopGroup(1, transport.ioHandlerFactory());
        this.inbox = new Inbox("kcluster-tcp-vios-" + Integer.toUnsignedString(id), true);
        this.accepted = new io.netty.channel.group.DefaultChannelGroup(group.next());
        ChannelFuture bound = new ServerBootstrap().group(group).channel(transport.serverSocketChannel())
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        if (accepted.size() >= maxConnections()) {
                            refusedConnections.incrementAndGet();
                            LOG.log(System.Logger.Level.WARNING, "VIOS {0} refused a connection from {1}: already {2} connections",
                                    Integer.toUnsignedString(id), ch.remoteAddress(), accepted.size());
                            ch.close();
                            return;
                        }
                        accepted.add(ch);
                        ch.pipeline().addLast(new io.netty.handler.timeout.IdleStateHandler(IDLE_SECONDS, 0, 0, TimeUnit.SECONDS));
                        if (tls != null) { // the deadline watches the frames inside TLS
                            ch.pipeline().addLast(tls.serverHandler(ch.alloc()));
                        }
                        ch.pipeline().addLast(new FrameDeadline(FRAME_DEADLINE_MILLIS));
                        if (tls != null) {
                            ch.pipeline().addLast(new PacketFrameDecoder(), new ClusterTls.Acceptor(id, TcpKCluster.this.addresses,
                                    TcpKCluster.this::refused), new Receiver());
                        } else if (key == null) {
                            ch.pipeline().addLast(new PacketFrameDecoder(), new Receiver());
                        } else {
                            ch.pipeline().addLast(new PacketFrameDecoder(Authenticated.TRAILER), new LengthFieldPrepender(Wire.FRAME_LENGTH_FIELD),
                                    new Authenticated.Acceptor(key, id, TcpKCluster.this.addresses, TcpKCluster.this::refused), new Receiver());
                        }
                    }
                }).bind(addresses.get(id)).await();
        if (!bound.isSuccess()) {
            if (!shared) {
                group.shutdownGracefully(0, 100, TimeUnit.MILLISECONDS);
            }
            throw new IllegalStateException("VIOS " + Integer.toUnsignedString(id) + " cannot listen on " + addresses.get(id) + ": "
                    + bound.cause().getMessage(), bound.cause());
        }
        this.server = bound.channel();
    }

    /**
     * Starts VIOS {@code id}'s end: listens on {@code addresses.get(id)} and connects to every other
     * address (in the background; unreachable peers are retried).
     *
     * @throws IllegalArgumentException when {@code id} has no address
     * @throws IllegalStateException    when the address cannot be bound
     */
    public static TcpKCluster start(int id, Map<Integer, InetSocketAddress> addresses) throws InterruptedException {
        return start(id, addresses, Delivery.fromSystemProperty());
    }

    /** As {@link #start(int, Map)}, processing received packets as {@code delivery} says. */
    public static TcpKCluster start(int id, Map<Integer, InetSocketAddress> addresses, Delivery delivery) throws InterruptedException {
        return start(id, addresses, delivery, null);
    }

    /**
     * As {@link #start(int, Map, Delivery)}, doing its socket I/O on the threads of {@code io}
     * (shared with other ends in this process; null: a thread of its own).
     */
    public static TcpKCluster start(int id, Map<Integer, InetSocketAddress> addresses, Delivery delivery, TcpIo io)
            throws InterruptedException {
        return start(id, addresses, delivery, io, (ClusterKey) null);
    }

    /**
     * As {@link #start(int, Map, Delivery, TcpIo)}, every connection authenticated with {@code key}
     * (see {@link Authenticated}); null: insecure, as before keys existed.
     */
    public static TcpKCluster start(int id, Map<Integer, InetSocketAddress> addresses, Delivery delivery, TcpIo io, ClusterKey key)
            throws InterruptedException {
        return start(id, addresses, delivery, io, key, null);
    }

    /**
     * As {@link #start(int, Map, Delivery, TcpIo)}, every connection protected by mutual TLS with VIOS
     * {@code id}'s certificate (see {@link ClusterTls}).
     *
     * @throws IllegalArgumentException when {@code tls} is for another VIOS
     */
    public static TcpKCluster start(int id, Map<Integer, InetSocketAddress> addresses, Delivery delivery, TcpIo io, ClusterTls tls)
            throws InterruptedException {
        if (tls.id() != id) {
            throw new IllegalArgumentException("the TLS files are VIOS " + Integer.toUnsignedString(tls.id()) + "'s, not VIOS "
                    + Integer.toUnsignedString(id) + "'s");
        }
        return start(id, addresses, delivery, io, null, tls);
    }

    private static TcpKCluster start(int id, Map<Integer, InetSocketAddress> addresses, Delivery delivery, TcpIo io, ClusterKey key,
            ClusterTls tls) throws InterruptedException {
        Objects.requireNonNull(addresses);
        if (!addresses.containsKey(id)) {
            throw new IllegalArgumentException("VIOS " + Integer.toUnsignedString(id) + " has no address in the cluster");
        }
        TcpKCluster k = new TcpKCluster(id, addresses, delivery, io, key, tls);
        k.inbox.start();
        for (int peer : k.members) {
            if (peer != id) {
                k.connect(peer);
            }
        }
        return k;
    }

    /**
     * Whether a connection attempt to {@code peer} has ended at least once since the start (it connected, or it
     * failed: then the peer is not running, or not one of ours). Until then, that a peer is unreachable says nothing.
     */
    public boolean tried(int peer) {
        return tried.contains(peer);
    }

    /** The address this end listens on (the bound port when the configured one was 0). */
    public InetSocketAddress localAddress() {
        return (InetSocketAddress) server.localAddress();
    }

    /** Frames refused by authentication (forged, altered, replayed, in another VIOS's name, before the handshake), dropped. */
    public long refusedFrames() {
        return refusedFrames.get();
    }

    /** Whether connections are authenticated (with a cluster key or mutual TLS). */
    public boolean authenticated() {
        return key != null || tls != null;
    }

    /** How connections are protected: "key" (HMAC with a cluster key), "tls" (mutual TLS) or "none". */
    public String protection() {
        return key != null ? "key" : tls != null ? "tls" : "none";
    }

    private void refused(String why) {
        refusedFrames.incrementAndGet();
        LOG.log(System.Logger.Level.WARNING, "VIOS {0} refused {1}", Integer.toUnsignedString(id), why);
        java.util.function.Consumer<String> l = refusalListener;
        if (l != null) {
            l.accept(why);
        }
    }

    private volatile java.util.function.Consumer<String> refusalListener;

    /** {@code l} hears every refusal (on an I/O thread), as a sentence saying from where and why; null: nobody. */
    public void onRefused(java.util.function.Consumer<String> l) {
        refusalListener = l;
    }

    /** Most inbound connections at once: a few per peer (reconnects overlap), so that a flood of connections cannot exhaust the node. */
    int maxConnections() {
        return 4 * members.length + 8;
    }

    /** Inbound connections closed at once because there were already {@link #maxConnections()}. */
    public long refusedConnections() {
        return refusedConnections.get();
    }

    /** Frames that were not packets (too long), dropped. */
    public long malformedFrames() {
        return malformedFrames.get();
    }

    private void connect(int peer) {
        CoalescingWriter existing = outbound.get(peer);
        if (closed || (existing != null && existing.channel().isActive()) || connecting.putIfAbsent(peer, Boolean.TRUE) != null) {
            return;
        }
        new Bootstrap().group(group).channel(SocketTransport.best().socketChannel())
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 2000)
                .handler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        if (tls != null) {
                            ch.pipeline().addLast(tls.clientHandler(ch.alloc(), addresses.get(peer)));
                        }
                        if (key != null) { // the handshake's messages come back on this connection
                            ch.pipeline().addLast(new io.netty.handler.codec.LengthFieldBasedFrameDecoder(Authenticated.MAX_HANDSHAKE, 0,
                                    Wire.FRAME_LENGTH_FIELD, 0, Wire.FRAME_LENGTH_FIELD));
                        }
                        ch.pipeline().addLast(new FlushConsolidationHandler(256, true), new LengthFieldPrepender(Wire.FRAME_LENGTH_FIELD));
                        if (key != null) {
                            ch.pipeline().addLast("handshake", new Authenticated.Connector(key, id, peer, ch.eventLoop().newPromise()));
                        }
                        ch.pipeline().addLast(new ChannelInboundHandlerAdapter() {
                            @Override
                            public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                                ctx.close();
                            }
                        });
                    }
                }).connect(addresses.get(peer)).addListener((ChannelFuture f) -> {
                    if (!f.isSuccess()) {
                        tried.add(peer);
                        connecting.remove(peer);
                        retry(peer);
                        return;
                    }
                    Channel ch = f.channel();
                    if (tls != null) {
                        io.netty.handler.ssl.SslHandler ssl = ch.pipeline().get(io.netty.handler.ssl.SslHandler.class);
                        ssl.handshakeFuture().addListener(done -> {
                            int named = done.isSuccess() ? ClusterTls.peerOf(ssl) : -1;
                            if (named == peer) {
                                connected(peer, ch);
                            } else {
                                notJoined(peer, ch, done.isSuccess() ? "its certificate names " + (named < 0 ? "no VIOS" : "VIOS "
                                        + Integer.toUnsignedString(named)) : "TLS handshake failed (" + done.cause().getMessage() + ")");
                            }
                        });
                        return;
                    }
                    Authenticated.Connector handshake = key == null ? null : (Authenticated.Connector) ch.pipeline().get("handshake");
                    if (handshake == null) {
                        connected(peer, ch);
                        return;
                    }
                    handshake.ready().addListener(done -> {
                        if (done.isSuccess()) {
                            connected(peer, ch);
                        } else {
                            notJoined(peer, ch, done.cause().getMessage());
                        }
                    });
                });
    }

    /** The connection to {@code peer} did not prove it reaches {@code peer}: refused, closed, tried again later. */
    private void notJoined(int peer, Channel ch, String why) {
        tried.add(peer);
        connecting.remove(peer);
        refused("to VIOS " + Integer.toUnsignedString(peer) + ": " + why);
        ch.close();
        retry(peer);
    }

    /** The connection to {@code peer} is up (and, with a key or TLS, authenticated both ways): packets may go. */
    private void connected(int peer, Channel ch) {
        tried.add(peer);
        connecting.remove(peer);
        if (closed) {
            ch.close();
            return;
        }
        backoff.remove(peer);
        CoalescingWriter writer = new CoalescingWriter(ch, MAX_PENDING_BYTES);
        outbound.put(peer, writer);
        inbox.joined(peer);
        ch.closeFuture().addListener(c -> {
            // only the current connection's loss is the peer's: a replaced one leaves nothing to say
            if (outbound.remove(peer, writer) && !closed) {
                inbox.left(peer, "connection to VIOS " + Integer.toUnsignedString(peer) + " lost");
                retry(peer);
            }
        });
    }

    private void retry(int peer) {
        if (closed) {
            return;
        }
        long delay = backoff.merge(peer, BACKOFF_START_MILLIS, (old, start) -> Math.min(old * 2, BACKOFF_MAX_MILLIS));
        group.schedule(() -> connect(peer), delay, TimeUnit.MILLISECONDS);
    }

    /**
     * The server side of a connection: frames to the inbox, malformed frames counted and dropped.
     * When the connection from a peer ends, the connection to it is closed too (and re-tried), so a
     * peer that went away is noticed on whichever connection notices first.
     */
    private final class Receiver extends ChannelInboundHandlerAdapter {
        private int peer = -1;
        /**
         * The connection to the peer that was up while this one brought its frames: the one to close when this
         * one ends. Not simply the current one: when a peer restarts, its old incarnation's connection ends
         * after the new one's has been answered, and must not take the new outbound connection with it.
         */
        private CoalescingWriter paired;

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            if (paired != null && outbound.get(peer) == paired && !closed) {
                paired.channel().close();
            }
            ctx.fireChannelInactive();
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof ByteBuf frame) {
                int from = frame.readableBytes() >= Wire.OFF_SOURCE + 4 ? frame.getInt(frame.readerIndex() + Wire.OFF_SOURCE) : -1;
                if (peer < 0 && addresses.containsKey(from)) {
                    peer = from;
                    if (!isReachable(from)) {
                        // it reaches us but we cannot reach it yet: try now rather than after the backoff
                        backoff.remove(from);
                        connect(from);
                    }
                }
                if (paired == null && peer >= 0) {
                    paired = outbound.get(peer);
                }
                if (direct) {
                    inbox.deliverNow(from, frame);
                } else {
                    inbox.offer(from, frame); // the inbox releases it after delivery
                }
            } else {
                if (msg instanceof DecodeFailure) {
                    malformedFrames.incrementAndGet();
                }
                ReferenceCountUtil.release(msg);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }

    @Override
    public int localId() {
        return id;
    }

    @Override
    public void bind(KClusterReceiver receiver) {
        inbox.bind(receiver);
    }

    @Override
    public Errno send(int destination, ByteBuf packet) {
        if (closed) {
            return Errno.ESHUTDOWN;
        }
        if (destination == id) {
            return inbox.offer(id, packet.retainedDuplicate()) ? Errno.OK : Errno.ESHUTDOWN;
        }
        if (!addresses.containsKey(destination)) {
            return Errno.ENXIO;
        }
        CoalescingWriter w = outbound.get(destination);
        if (w == null || !w.channel().isActive()) {
            return Errno.ENOTCONN;
        }
        return w.write(packet.retainedDuplicate()) ? Errno.OK : full(destination);
    }

    /** A packet to {@code peer} refused because too much waits for it already: counted, logged (the first and every 1000th). */
    private Errno full(int peer) {
        long n = refusedFull.incrementAndGet();
        if (n == 1 || n % 1000 == 0) {
            LOG.log(System.Logger.Level.WARNING, "VIOS {0}: VIOS {1} is not reading; {2} packets refused so far ({3} bytes wait for it)",
                    Integer.toUnsignedString(id), Integer.toUnsignedString(peer), n, outbound.get(peer) == null ? 0 : outbound.get(peer).pendingBytes());
        }
        return Errno.ENOBUFS;
    }

    /** Bytes waiting for {@code peer} now (queued and unsent); 0 when not connected. */
    long pendingBytes(int peer) {
        CoalescingWriter w = outbound.get(peer);
        return w == null ? 0 : w.pendingBytes();
    }

    /** Packets refused because more than {@link #MAX_PENDING_BYTES} waited for their peer. */
    public long refusedFull() {
        return refusedFull.get();
    }

    @Override
    public int[] broadcast(ByteBuf packet) {
        List<Integer> sent = new ArrayList<>();
        for (Map.Entry<Integer, CoalescingWriter> e : outbound.entrySet()) {
            CoalescingWriter w = e.getValue();
            if (!closed && w.channel().isActive()) {
                if (w.write(packet.retainedDuplicate())) {
                    sent.add(e.getKey());
                } else {
                    full(e.getKey());
                }
            }
        }
        return sent.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Every VIOS of the configured cluster, this one included, ascending. */
    public int[] configured() {
        return members.clone();
    }

    /** This VIOS and the VIOSes connected now (the view a broadcast reaches), ascending. */
    @Override
    public int[] members() {
        return java.util.Arrays.stream(members).filter(this::isReachable).toArray();
    }

    @Override
    public boolean isMember(int vios) {
        return addresses.containsKey(vios);
    }

    @Override
    public boolean isReachable(int vios) {
        if (vios == id) {
            return !closed;
        }
        CoalescingWriter w = outbound.get(vios);
        return w != null && w.channel().isActive();
    }

    /** 0: a caller spinning for responses would take CPU from the I/O thread it waits for (p99 2-3x worse measured). */
    @Override
    public org.viosbench.engine.kcluster.Idle awaitIdle() {
        return org.viosbench.engine.kcluster.Idle.PARK;
    }

    @Override
    public long lastArrivalNanos(int vios) {
        return inbox.lastArrivalNanos(vios);
    }

    @Override
    public void addMembershipListener(MembershipListener listener) {
        inbox.listeners().add(listener);
    }

    @Override
    public void removeMembershipListener(MembershipListener listener) {
        inbox.listeners().remove(listener);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (CoalescingWriter w : outbound.values()) {
            w.channel().close();
        }
        accepted.close().awaitUninterruptibly(1000);
        server.close().awaitUninterruptibly(1000);
        if (!shared) {
            group.shutdownGracefully(0, 200, TimeUnit.MILLISECONDS).awaitUninterruptibly(2000);
        }
        inbox.stop(1000);
    }
}
