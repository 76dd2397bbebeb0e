package org.viosbench.session;

import java.time.Duration;

import org.viosbench.engine.Message;
import org.viosbench.protocol.MessageType;

/**
 * What the Fire Message dialog asks for: the sending VIOS and daemon, the message type, one or more
 * destinations or a broadcast, the target daemon, the payload, the response wanted (none, all,
 * first, or at least N) with its timeout, and how many times to send it.
 */
public record FireSpec(int source, int sendingDaemon, MessageType type, boolean broadcast, int[] destinations, int targetDaemon,
        byte[] payload, String policy, int atLeast, int timeoutMillis, int repeat) {

    public static final String NONE = "none";
    public static final String ALL = "all";
    public static final String FIRST = "first";
    public static final String AT_LEAST = "at least N";

    /** The engine message this spec describes. */
    public Message message() {
        Message.Builder b = broadcast ? Message.broadcast() : Message.to(destinations);
        b.type(type).targetDaemon(targetDaemon).payload(payload).timeout(Duration.ofMillis(timeoutMillis));
        switch (policy) {
            case ALL -> b.expectAll();
            case FIRST -> b.expectFirst();
            case AT_LEAST -> b.expectAtLeast(atLeast);
            default -> {
                // no response requested
            }
        }
        return b.build();
    }

    /** "vios2, vios3" or "broadcast", for the Response Queue view. */
    public String describeTo(java.util.function.IntFunction<String> name) {
        if (broadcast) {
            return "broadcast";
        }
        StringBuilder s = new StringBuilder();
        for (int d : destinations) {
            s.append(s.length() == 0 ? "" : ", ").append(name.apply(d));
        }
        return s.toString();
    }
}
