package org.viosbench.protocol.bench;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.viosbench.protocol.Decoded;
import org.viosbench.protocol.MessageType;
import org.viosbench.protocol.Packet;
import org.viosbench.protocol.PacketDecoder;
import org.viosbench.protocol.PacketEncoder;
import org.viosbench.protocol.PacketHeader;
import org.viosbench.protocol.ReplyTo;
import org.viosbench.protocol.ResponseSpec;
import org.viosbench.protocol.SubHeader;
import org.viosbench.protocol.Wire;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * Encode and decode of a request packet as the engine sends it (response requested, timeout,
 * target daemon, reply-to, originating daemon) with 0, 256 and 4096 payload bytes.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CodecBench {

    @Param({ "0", "256", "4096" })
    public int payload;

    private Packet packet;
    private ByteBuf encoded;
    private ByteBuf out;

    @Setup
    public void setUp() {
        packet = new Packet(new PacketHeader(MessageType.DATA, Wire.FLAG_RESPONSE_REQUESTED, 0, 123456789L, 42, 1),
                SubHeader.builder().responses(ResponseSpec.all(1)).timeoutMillis(5000).targetDaemon(10)
                        .replyTo(new ReplyTo(0, 20)).originatingDaemon(20).build(),
                new byte[payload]);
        encoded = Unpooled.wrappedBuffer(PacketEncoder.INSTANCE.encodeToArray(packet));
        out = Unpooled.buffer(packet.encodedLength());
    }

    /** Decode with both checksums verified; the payload is a view, not a copy. */
    @Benchmark
    public Decoded decode() {
        return PacketDecoder.decode(encoded);
    }

    /** Decode as a daemon does after its VKE verified the bytes: no checksum work. */
    @Benchmark
    public Decoded decodeTrusted() {
        return PacketDecoder.decode(encoded, false, false);
    }

    /** Encode into a reused buffer, computing both checksums. */
    @Benchmark
    public ByteBuf encode() {
        out.clear();
        PacketEncoder.INSTANCE.encode(packet, out);
        return out;
    }
}
