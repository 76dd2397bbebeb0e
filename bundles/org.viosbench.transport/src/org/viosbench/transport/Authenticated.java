package org.viosbench.transport;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import javax.crypto.Mac;

import org.viosbench.protocol.Wire;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.MessageToMessageEncoder;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.Promise;

/**
 * Authenticated kcluster connections (with a {@link ClusterKey}). Each connection carries packets one
 * way, from the VIOS that connected (C) to the one that accepted (A), and starts with a handshake in
 * which each proves it holds the key:
 * <ol>
 * <li>A sends CHALLENGE: "VKC1", its id, a fresh 16-byte nonce nA;</li>
 * <li>C sends HELLO: "VKH1", its id, a fresh nonce nC, HMAC(key, "hello" | C | A | nA | nC);</li>
 * <li>A checks it (with each accepted key), sends WELCOME: "VKW1", HMAC(key, "welcome" | A | C | nC | nA);
 * C checks it. Only then does C count A as joined, and A take frames from C.</li>
 * </ol>
 * Both derive the session key HMAC(key, "session" | C | A | nA | nC). Every packet then travels with
 * an 8-byte sequence number and a 16-byte tag, HMAC(session key, sequence | packet) cut to 16 bytes:
 * A checks the tag (over the whole packet, header included), then the sequence against a 64-entry
 * sliding window (a replayed frame is refused, in this session and in any other, whose key differs),
 * then that the packet's source VIOS is C. A frame that fails is dropped, counted and said why; after
 * {@link #MAX_REFUSED} such frames the connection is closed. A handshake not done within
 * {@link #HANDSHAKE_MILLIS} closes the connection.
 */
final class Authenticated {
    static final int NONCE = 16;
    static final int TAG = 16;
    static final int SEQ = 8;
    /** What follows each packet in a frame. */
    static final int TRAILER = SEQ + TAG;
    static final int MAX_REFUSED = 3;
    static final long HANDSHAKE_MILLIS = 5000;
    /** Longest handshake message. */
    static final int MAX_HANDSHAKE = 4 + 4 + NONCE + 32;
    private static final byte[] CHALLENGE = "VKC1".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] HELLO = "VKH1".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] WELCOME = "VKW1".getBytes(StandardCharsets.US_ASCII);

    private Authenticated() {
    }

    private static byte[] word(int v) {
        return new byte[] { (byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v };
    }

    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] bytes(ByteBuf b, int at, int n) {
        byte[] out = new byte[n];
        b.getBytes(at, out);
        return out;
    }

    private static boolean starts(ByteBuf b, byte[] magic) {
        return b.readableBytes() >= magic.length && Arrays.equals(bytes(b, b.readerIndex(), magic.length), magic);
    }

    private static ByteBuf message(byte[]... parts) {
        return Unpooled.wrappedBuffer(parts);
    }

    /** The signing and checking of packets with a session key. */
    private static final class Tags {
        private final Mac mac;
        /** Scratch space, reused: one Tags serves one connection's event loop. */
        private final byte[] seqBytes = new byte[SEQ];
        private final byte[] digest = new byte[32];

        Tags(byte[] sessionKey) {
            mac = ClusterKey.hmac(sessionKey);
        }

        /** Computes the tag of {@code packet}'s readable bytes with sequence {@code seq}; its first {@link #TAG} bytes are in {@link #digest}. */
        private void compute(long seq, ByteBuf packet) {
            for (int i = 0; i < SEQ; i++) {
                seqBytes[i] = (byte) (seq >>> (56 - 8 * i));
            }
            mac.update(seqBytes);
            if (packet.hasArray()) {
                mac.update(packet.array(), packet.arrayOffset() + packet.readerIndex(), packet.readableBytes());
            } else {
                mac.update(packet.nioBuffer(packet.readerIndex(), packet.readableBytes()));
            }
            try {
                mac.doFinal(digest, 0);
            } catch (javax.crypto.ShortBufferException e) {
                throw new IllegalStateException(e); // 32 bytes is HMAC-SHA256's length
            }
        }

        /** Writes the tag of {@code packet} with sequence {@code seq} to {@code out}. */
        void write(long seq, ByteBuf packet, ByteBuf out) {
            compute(seq, packet);
            out.writeBytes(digest, 0, TAG);
        }

        /** Whether the {@link #TAG} bytes at {@code at} of {@code frame} are the tag of {@code packet} with {@code seq}; constant time. */
        boolean matches(long seq, ByteBuf packet, ByteBuf frame, int at) {
            compute(seq, packet);
            int diff = 0;
            for (int i = 0; i < TAG; i++) {
                diff |= digest[i] ^ frame.getByte(at + i);
            }
            return diff == 0;
        }
    }

    /** The connecting side: answers the challenge, checks the welcome, then signs every packet it sends. */
    static final class Connector extends ChannelInboundHandlerAdapter {
        private final ClusterKey key;
        private final int self;
        private final int peer;
        private final Promise<Void> ready;
        private byte[] challenge;
        private byte[] nonce;

        Connector(ClusterKey key, int self, int peer, Promise<Void> ready) {
            this.key = key;
            this.self = self;
            this.peer = peer;
            this.ready = ready;
        }

        /** Done when the peer has proved it holds the key (failed when it did not, or the connection ended first). */
        io.netty.util.concurrent.Future<Void> ready() {
            return ready;
        }

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            ctx.executor().schedule(() -> {
                if (ready.tryFailure(new IllegalStateException("no handshake within " + HANDSHAKE_MILLIS + " ms"))) {
                    ctx.close();
                }
            }, HANDSHAKE_MILLIS, TimeUnit.MILLISECONDS);
            ctx.fireChannelActive();
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ByteBuf m = (ByteBuf) msg;
            try {
                if (challenge == null && m.readableBytes() == 4 + 4 + NONCE && starts(m, CHALLENGE) && m.getInt(m.readerIndex() + 4) == peer) {
                    challenge = bytes(m, m.readerIndex() + 8, NONCE);
                    nonce = ClusterKey.nonce(NONCE);
                    byte[] proof = ClusterKey.mac(key.key(0), text("hello"), word(self), word(peer), challenge, nonce);
                    ctx.writeAndFlush(message(HELLO, word(self), nonce, proof));
                    return;
                }
                if (challenge != null && !ready.isDone() && m.readableBytes() == 4 + 32 && starts(m, WELCOME)) {
                    byte[] proof = bytes(m, m.readerIndex() + 4, 32);
                    if (ClusterKey.same(proof, ClusterKey.mac(key.key(0), text("welcome"), word(peer), word(self), nonce, challenge))) {
                        byte[] session = ClusterKey.mac(key.key(0), text("session"), word(self), word(peer), challenge, nonce);
                        ctx.pipeline().addLast("sign", new Signer(new Tags(session)));
                        ready.trySuccess(null);
                        return;
                    }
                }
                ready.tryFailure(new IllegalStateException("VIOS " + Integer.toUnsignedString(peer) + "'s address did not prove it holds the cluster key"));
                ctx.close();
            } finally {
                ReferenceCountUtil.release(m);
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            ready.tryFailure(new IllegalStateException("closed during the handshake"));
            ctx.fireChannelInactive();
        }
    }

    /** Appends sequence and tag to every packet written (on the channel's event loop, in write order). */
    private static final class Signer extends MessageToMessageEncoder<ByteBuf> {
        private final Tags tags;
        private long seq;

        Signer(Tags tags) {
            this.tags = tags;
        }

        @Override
        protected void encode(ChannelHandlerContext ctx, ByteBuf packet, List<Object> out) {
            long s = ++seq;
            int n = packet.readableBytes();
            ByteBuf frame = ctx.alloc().buffer(n + TRAILER); // one pooled buffer: cheaper than a composite for packets this small
            frame.writeBytes(packet, packet.readerIndex(), n).writeLong(s);
            tags.write(s, packet, frame);
            out.add(frame);
        }
    }

    /** The accepting side: challenges, checks the hello, then checks every frame and passes on the packet alone. */
    static final class Acceptor extends PeerAcceptor {
        private final ClusterKey key;
        private final byte[] challenge = ClusterKey.nonce(NONCE);
        private Tags tags;
        private long highest;
        private long window; // bit i: sequence highest - i seen

        Acceptor(ClusterKey key, int self, java.util.Map<Integer, ?> members, Consumer<String> refused) {
            super(self, members, refused);
            this.key = key;
        }

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            ctx.writeAndFlush(message(CHALLENGE, word(self), challenge));
            ctx.executor().schedule(() -> {
                if (tags == null && ctx.channel().isActive()) {
                    refuse(ctx, "no handshake within " + HANDSHAKE_MILLIS + " ms", true);
                }
            }, HANDSHAKE_MILLIS, TimeUnit.MILLISECONDS);
            ctx.fireChannelActive();
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ByteBuf frame = frame(ctx, msg);
            if (frame == null) {
                return;
            }
            try {
                if (tags == null) {
                    hello(ctx, frame);
                    return;
                }
                int n = frame.readableBytes() - TRAILER;
                if (n < Wire.OFF_SOURCE + 4) {
                    refuse(ctx, "a frame too short for a packet and its tag", false);
                    return;
                }
                ByteBuf packet = frame.slice(frame.readerIndex(), n);
                long seq = frame.getLong(frame.readerIndex() + n);
                if (!tags.matches(seq, packet, frame, frame.readerIndex() + n + SEQ)) {
                    refuse(ctx, "a frame whose tag does not match (forged, altered or of another session)", false);
                    return;
                }
                if (!fresh(seq)) {
                    refuse(ctx, "a frame replayed (sequence " + seq + " seen or too old)", false);
                    return;
                }
                if (fromPeer(ctx, packet)) {
                    ctx.fireChannelRead(packet.retain());
                }
            } finally {
                frame.release();
            }
        }

        private void hello(ChannelHandlerContext ctx, ByteBuf m) {
            if (m.readableBytes() != 4 + 4 + NONCE + 32 || !starts(m, HELLO)) {
                refuse(ctx, "a frame before the handshake", true);
                return;
            }
            int from = m.getInt(m.readerIndex() + 4);
            byte[] nonce = bytes(m, m.readerIndex() + 8, NONCE);
            byte[] proof = bytes(m, m.readerIndex() + 8 + NONCE, 32);
            if (!isPeer(from)) {
                refuse(ctx, "a hello from VIOS " + Integer.toUnsignedString(from) + ", not a peer of this cluster", true);
                return;
            }
            for (int i = 0; i < key.size(); i++) {
                byte[] k = key.key(i);
                if (ClusterKey.same(proof, ClusterKey.mac(k, text("hello"), word(from), word(self), challenge, nonce))) {
                    peer = from;
                    tags = new Tags(ClusterKey.mac(k, text("session"), word(from), word(self), challenge, nonce));
                    ctx.writeAndFlush(message(WELCOME, ClusterKey.mac(k, text("welcome"), word(self), word(from), nonce, challenge)));
                    return;
                }
            }
            refuse(ctx, "a hello in the name of VIOS " + Integer.toUnsignedString(from) + " without the cluster key", true);
        }

        /** The 64-entry sliding window: true (and marked) when {@code seq} is new. */
        private boolean fresh(long seq) {
            if (seq <= 0) {
                return false;
            }
            if (seq > highest) {
                long shift = seq - highest;
                window = shift >= 64 ? 1 : (window << shift) | 1;
                highest = seq;
                return true;
            }
            long age = highest - seq;
            if (age >= 64 || (window & (1L << age)) != 0) {
                return false;
            }
            window |= 1L << age;
            return true;
        }
    }
}
