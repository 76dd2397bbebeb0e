package org.viosbench.session;

import org.viosbench.engine.Message;
import org.viosbench.engine.MessageSpec;
import org.viosbench.protocol.MessageType;

/** A message to fire from VIOS {@code source}: where it comes from and what it is ({@link MessageSpec}, read and checked there). */
public record FireSpec(int source, MessageSpec spec) {

    public static final String NONE = MessageSpec.Expect.NONE.word();
    public static final String ALL = MessageSpec.Expect.ALL.word();
    public static final String FIRST = MessageSpec.Expect.FIRST.word();
    public static final String AT_LEAST = MessageSpec.Expect.AT_LEAST.word();

    public FireSpec {
        java.util.Objects.requireNonNull(spec, "spec");
    }

    /**
     * A spec from code, {@code policy} one of {@link #NONE}, {@link #ALL}, {@link #FIRST}, {@link #AT_LEAST}.
     *
     * @throws IllegalArgumentException when it breaks a rule of {@link MessageSpec}
     */
    public FireSpec(int source, int sendingDaemon, MessageType type, boolean broadcast, int[] destinations, int targetDaemon, byte[] payload,
            String policy, int atLeast, int timeoutMillis, int repeat) {
        this(source, MessageSpec.of(sendingDaemon, type, broadcast, destinations, targetDaemon, payload, expect(policy), atLeast, timeoutMillis,
                repeat));
    }

    private static MessageSpec.Expect expect(String word) {
        for (MessageSpec.Expect e : MessageSpec.Expect.values()) {
            if (e.word().equals(word)) {
                return e;
            }
        }
        throw new IllegalArgumentException("responses wanted: " + ALL + ", " + FIRST + ", " + NONE + " or " + AT_LEAST + ", not " + word);
    }

    /** The engine message. */
    public Message message() {
        return spec.message();
    }

    public int sendingDaemon() {
        return spec.sendingDaemon();
    }

    public int targetDaemon() {
        return spec.targetDaemon();
    }

    public boolean broadcast() {
        return spec.broadcast();
    }

    public int repeat() {
        return spec.repeat();
    }

    /** The responses wanted, as the Response Queue view words them. */
    public String policy() {
        return spec.expect().word();
    }

    /** "vios2, vios3" or "broadcast", for the Response Queue view. */
    public String describeTo(java.util.function.IntFunction<String> name) {
        return spec.describeTo(name);
    }
}
