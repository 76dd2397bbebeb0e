package org.viosbench.protocol;

/**
 * What a packet is about. A response carries the type of its request. Wire codes are stable;
 * a reader rejects a code it does not know.
 */
public enum MessageType {
    /** A daemon-to-daemon message; the payload belongs to the daemons. */
    DATA(0x0001),
    /** Liveness probe answered by the receiving daemon. */
    PING(0x0002),
    /** SCSI INQUIRY-like identity query, answered by the receiving VKE itself. */
    INQUIRY(0x0003),
    /** Membership heartbeat between VIOSes. */
    HEARTBEAT(0x0004),
    /** A VIOS registers with the VIOS database node. */
    REGISTER(0x0005),
    /** Cluster configuration pushed from the VIOS database node. */
    CONFIG(0x0006);

    private static final MessageType[] BY_CODE;

    static {
        int max = 0;
        for (MessageType t : values()) {
            max = Math.max(max, t.code);
        }
        BY_CODE = new MessageType[max + 1];
        for (MessageType t : values()) {
            if (BY_CODE[t.code] != null) {
                throw new ExceptionInInitializerError("duplicate wire code " + t.code + ": " + BY_CODE[t.code] + ", " + t);
            }
            BY_CODE[t.code] = t;
        }
    }

    private final int code;

    MessageType(int code) {
        this.code = code;
    }

    /** The 16-bit wire code. */
    public int code() {
        return code;
    }

    /** The type with wire code {@code code}, or null when this version does not know it. */
    public static MessageType fromCode(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
