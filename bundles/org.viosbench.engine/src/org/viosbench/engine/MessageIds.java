package org.viosbench.engine;

/**
 * Message ids are unique in a cluster: the sending VIOS's id in the high 32 bits, that VIOS's
 * counter (from 1) in the low 32. So a trace, a response queue or a chart can tell two VIOSes'
 * requests apart by the id alone; VIOS 0's ids are just 1, 2, 3, ...
 */
public final class MessageIds {

    private MessageIds() {
    }

    /** The id before the first of VIOS {@code vios}'s ids. */
    public static long base(int vios) {
        return Integer.toUnsignedLong(vios) << 32;
    }

    /** The VIOS that made message id {@code id}. */
    public static int sender(long id) {
        return (int) (id >>> 32);
    }

    /** For people: "7" for VIOS 0's seventh message, "3.7" for VIOS 3's. */
    public static String label(long id) {
        long counter = id & 0xFFFF_FFFFL;
        return sender(id) == 0 ? Long.toString(counter) : Integer.toUnsignedString(sender(id)) + "." + counter;
    }
}
