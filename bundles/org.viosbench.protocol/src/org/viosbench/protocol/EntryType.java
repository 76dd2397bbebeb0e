package org.viosbench.protocol;

/**
 * The sub-header entry types of this version, with wire code, value length and whether writers
 * flag them mandatory. Readers skip unknown entries by their length unless flagged mandatory.
 */
public enum EntryType {
    /** Response requested: completion policy (u8), reserved (u8), expected (u16), required (u16). */
    EXPECTED_RESPONSES(Wire.ENTRY_EXPECTED_RESPONSES, 6, true),
    /** Response timeout in milliseconds (u32); 0 means none. */
    TIMEOUT(Wire.ENTRY_TIMEOUT, 4, false),
    /** The daemon (handler id, u16) that receives the packet. */
    TARGET_DAEMON(Wire.ENTRY_TARGET_DAEMON, 2, true),
    /** Where responses go: VIOS id (u32) and daemon id (u16). */
    REPLY_TO(Wire.ENTRY_REPLY_TO, 6, true),
    /** The daemon (u16) that built the request. */
    ORIGINATING_DAEMON(Wire.ENTRY_ORIGINATING_DAEMON, 2, false),
    /** Error responses: an errno-style code (u16). */
    ERROR_CODE(Wire.ENTRY_ERROR_CODE, 2, true);

    private final int code;
    private final int valueLength;
    private final boolean mandatory;

    EntryType(int code, int valueLength, boolean mandatory) {
        this.code = code;
        this.valueLength = valueLength;
        this.mandatory = mandatory;
    }

    public int code() {
        return code;
    }

    /** Exact length of the value in bytes. */
    public int valueLength() {
        return valueLength;
    }

    /** Whether writers set the mandatory flag on this entry. */
    public boolean mandatory() {
        return mandatory;
    }

    /** The entry type with wire code {@code code}, or null when unknown. */
    public static EntryType fromCode(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }

    private static final EntryType[] BY_CODE = new EntryType[256];

    static {
        for (EntryType v : values()) {
            if (BY_CODE[v.code] != null) {
                throw new ExceptionInInitializerError("duplicate wire code " + v.code);
            }
            BY_CODE[v.code] = v;
        }
    }
}
