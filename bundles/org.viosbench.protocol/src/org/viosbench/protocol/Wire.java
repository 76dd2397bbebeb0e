package org.viosbench.protocol;

/**
 * Byte layout and limits of a VIOS cluster packet, version 1.0 (docs/protocol.md is the
 * specification; this class is its single source in code). All integers are big-endian and unsigned.
 */
public final class Wire {
    /** "VIOS" in ASCII. */
    public static final int MAGIC = 0x56494F53;
    public static final int VERSION_MAJOR = 1;
    public static final int VERSION_MINOR = 0;

    public static final int OFF_MAGIC = 0;
    public static final int OFF_VERSION_MAJOR = 4;
    public static final int OFF_VERSION_MINOR = 5;
    public static final int OFF_HEADER_LENGTH = 6;
    public static final int OFF_TYPE = 8;
    public static final int OFF_FLAGS = 10;
    public static final int OFF_SOURCE = 12;
    public static final int OFF_MESSAGE_ID = 16;
    public static final int OFF_SEQUENCE = 24;
    public static final int OFF_DESTINATION_COUNT = 28;
    public static final int OFF_SUB_HEADER_LENGTH = 30;
    public static final int OFF_PAYLOAD_LENGTH = 32;
    public static final int OFF_PAYLOAD_CHECKSUM = 36;
    public static final int OFF_HEADER_CHECKSUM = 40;
    public static final int OFF_DESTINATIONS = 44;
    /** Bytes of the header before the destination list. */
    public static final int FIXED_HEADER_LENGTH = 44;

    public static final int FLAG_BROADCAST = 0x0001;
    public static final int FLAG_RESPONSE_REQUESTED = 0x0002;
    public static final int FLAG_RESPONSE = 0x0004;
    public static final int FLAG_ERROR = 0x0008;
    /** Flag bits this version defines; writers set the others to 0, readers ignore them. */
    public static final int KNOWN_FLAGS = 0x000F;

    /** Size of a sub-header entry's own header: type, flags, value length. */
    public static final int ENTRY_HEADER_LENGTH = 4;
    /** Sub-header entry type codes ({@link EntryType} names them; the decoder switches on these). */
    public static final int ENTRY_EXPECTED_RESPONSES = 0x01;
    public static final int ENTRY_TIMEOUT = 0x02;
    public static final int ENTRY_TARGET_DAEMON = 0x03;
    public static final int ENTRY_REPLY_TO = 0x04;
    public static final int ENTRY_ORIGINATING_DAEMON = 0x05;
    public static final int ENTRY_ERROR_CODE = 0x06;

    /** Entry flag: a reader that does not know the entry type must reject the packet. */
    public static final int ENTRY_FLAG_MANDATORY = 0x01;

    /** Largest daemon id (TARGET_DAEMON, ORIGINATING_DAEMON, REPLY_TO: 16 bits). */
    public static final int MAX_DAEMON = 0xFFFF;
    /** Most responses one request may expect (EXPECTED_RESPONSES: 16 bits). */
    public static final int MAX_EXPECTED_RESPONSES = 0xFFFF;
    /** Longest response timeout in ms (TIMEOUT: 31 bits; 0 means none). */
    public static final int MAX_TIMEOUT_MILLIS = Integer.MAX_VALUE;
    /** Largest VIOS id (source, destinations: unsigned 32 bits). */
    public static final long MAX_VIOS_ID = 0xFFFF_FFFFL;

    /** Most destinations one packet may list (a real VIOS cluster has at most 24 nodes). */
    public static final int MAX_DESTINATIONS = 256;
    /** Largest header, including fields appended by later minor versions. */
    public static final int MAX_HEADER_LENGTH = 2048;
    public static final int MAX_SUB_HEADER_LENGTH = 4096;
    public static final int MAX_PAYLOAD_LENGTH = 1 << 20;
    /** Largest packet: the three maxima together. */
    public static final int MAX_PACKET_LENGTH = MAX_HEADER_LENGTH + MAX_SUB_HEADER_LENGTH + MAX_PAYLOAD_LENGTH;
    /** Stream framing: a 4-byte packet length precedes every packet on a byte stream. */
    public static final int FRAME_LENGTH_FIELD = 4;

    private Wire() {
    }

    /** Header length of a version 1.0 packet with {@code destinations} destinations. */
    public static int headerLength(int destinations) {
        return FIXED_HEADER_LENGTH + 4 * destinations;
    }
}
