package org.viosbench.protocol;

import java.util.Arrays;

/**
 * A sub-header entry of a type this version does not know and that was not flagged mandatory:
 * kept (type, flags, value) so that it can be shown and forwarded, otherwise ignored.
 */
public record UnknownEntry(int type, int flags, byte[] value) {
    public UnknownEntry {
        if (type < 0 || type > 0xFF || flags < 0 || flags > 0xFF) {
            throw new IllegalArgumentException("entry type and flags are bytes: " + type + ", " + flags);
        }
        if (EntryType.fromCode(type) != null) {
            throw new IllegalArgumentException("entry type " + type + " is known: " + EntryType.fromCode(type));
        }
        if ((flags & Wire.ENTRY_FLAG_MANDATORY) != 0) {
            throw new IllegalArgumentException("an unknown entry cannot be mandatory");
        }
        value = value.clone();
    }

    @Override
    public byte[] value() {
        return value.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UnknownEntry e && e.type == type && e.flags == flags && Arrays.equals(e.value, value);
    }

    @Override
    public int hashCode() {
        return type * 31 + Arrays.hashCode(value);
    }
}
