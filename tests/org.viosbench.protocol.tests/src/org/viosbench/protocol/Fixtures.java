package org.viosbench.protocol;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.netty.buffer.ByteBufUtil;

/** The example packets of docs/protocol.md, as hex and as values. */
final class Fixtures {

    /** A named example: its hex from the specification and the packet it must decode to. */
    record Fixture(String name, String hex, Packet packet) {
        byte[] bytes() {
            return ByteBufUtil.decodeHexDump(hex);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static final long REQUEST_ID = 0x0102030405060708L;

    static final Fixture UNICAST_REQUEST = new Fixture("unicast-request",
            "56494f5301000030000100020000000101020304050607080000000700010028000000059a71bb4ccee2236c00000002"
                    + "01010006000000010001020000040000138803010002000a0401000600000001000b05000002000b68656c6c6f",
            new Packet(new PacketHeader(MessageType.DATA, Wire.FLAG_RESPONSE_REQUESTED, 1, REQUEST_ID, 7, 2),
                    SubHeader.builder().responses(ResponseSpec.all(1)).timeoutMillis(5000).targetDaemon(10)
                            .replyTo(new ReplyTo(1, 11)).originatingDaemon(11).build(),
                    "hello".getBytes(StandardCharsets.US_ASCII)));

    static final Fixture BROADCAST_REQUEST = new Fixture("broadcast-request",
            "56494f530100002c0001000300000003000000000000002a00000001000000100000000000000000141bf071"
                    + "0101000601000003000103010002000a",
            new Packet(new PacketHeader(MessageType.DATA, Wire.FLAG_BROADCAST | Wire.FLAG_RESPONSE_REQUESTED, 3, 42, 1),
                    SubHeader.builder().responses(ResponseSpec.first(3)).targetDaemon(10).build(), new byte[0]));

    static final Fixture ERROR_RESPONSE = new Fixture("error-response",
            "56494f53010000300001000c000000020102030405060708000000010001000c0000000ebdcab7596e55656d00000001"
                    + "03010002000b0601000200026e6f2073756368206461656d6f6e",
            new Packet(new PacketHeader(MessageType.DATA, Wire.FLAG_RESPONSE | Wire.FLAG_ERROR, 2, REQUEST_ID, 1, 1),
                    SubHeader.builder().targetDaemon(11).errorCode(2).build(),
                    "no such daemon".getBytes(StandardCharsets.US_ASCII)));

    static final Fixture UNKNOWN_ENTRY = new Fixture("ping-with-unknown-entry",
            "56494f530100003400020000000000050000000000000009000000030002000c00000000000000005fb99db9"
                    + "00000006000000070301000200017f000002cafe",
            new Packet(new PacketHeader(MessageType.PING, 0, 5, 9, 3, 6, 7),
                    SubHeader.builder().targetDaemon(1)
                            .unknownEntries(List.of(new UnknownEntry(0x7F, 0, new byte[] { (byte) 0xCA, (byte) 0xFE }))).build(),
                    new byte[0]));

    static final List<Fixture> ALL = List.of(UNICAST_REQUEST, BROADCAST_REQUEST, ERROR_RESPONSE, UNKNOWN_ENTRY);

    private Fixtures() {
    }
}
