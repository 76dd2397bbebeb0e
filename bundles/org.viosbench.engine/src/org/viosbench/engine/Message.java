package org.viosbench.engine;

import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;

import org.viosbench.protocol.CompletionPolicy;
import org.viosbench.protocol.MessageType;

/**
 * What a sending daemon wants sent: type, destinations (one VIOS, several, or broadcast), target
 * daemon, payload, and whether responses are wanted with which completion policy and timeout.
 * Immutable; build with {@link #to(int...)} or {@link #broadcast()}.
 */
public final class Message {
    /** Timeout used when responses are wanted and none is set. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    private final MessageType type;
    private final int[] destinations;
    private final boolean broadcast;
    private final int targetDaemon;
    private final byte[] payload;
    private final boolean responsesWanted;
    private final CompletionPolicy policy;
    private final int required;
    private final Duration timeout;

    private Message(Builder b) {
        this.type = b.type;
        this.destinations = b.destinations;
        this.broadcast = b.broadcast;
        this.targetDaemon = b.targetDaemon;
        this.payload = b.payload;
        this.responsesWanted = b.responsesWanted;
        this.policy = b.policy;
        this.required = b.required;
        this.timeout = b.timeout;
    }

    /** A message to one VIOS or a list of VIOSes (duplicates are ignored). */
    public static Builder to(int... destinations) {
        if (destinations.length == 0) {
            throw new IllegalArgumentException("no destination: use broadcast() to reach every VIOS");
        }
        return new Builder(Arrays.stream(destinations).distinct().toArray(), false);
    }

    /** A message to every other VIOS of the cluster. */
    public static Builder broadcast() {
        return new Builder(new int[0], true);
    }

    public MessageType type() {
        return type;
    }

    public int[] destinations() {
        return destinations.clone();
    }

    public boolean isBroadcast() {
        return broadcast;
    }

    public int targetDaemon() {
        return targetDaemon;
    }

    public byte[] payload() {
        return payload;
    }

    public boolean responsesWanted() {
        return responsesWanted;
    }

    public CompletionPolicy policy() {
        return policy;
    }

    /** For N_OF_M: how many responses complete the request. */
    public int required() {
        return required;
    }

    /** Zero means no timeout (entries then end only by response or by their responder leaving). */
    public Duration timeout() {
        return timeout;
    }

    /** Collects a message's settings. */
    public static final class Builder {
        private final int[] destinations;
        private final boolean broadcast;
        private MessageType type = MessageType.DATA;
        private int targetDaemon = 0;
        private byte[] payload = new byte[0];
        private boolean responsesWanted;
        private CompletionPolicy policy = CompletionPolicy.ALL;
        private int required;
        private Duration timeout = DEFAULT_TIMEOUT;

        private Builder(int[] destinations, boolean broadcast) {
            this.destinations = destinations;
            this.broadcast = broadcast;
        }

        public Builder type(MessageType t) {
            this.type = Objects.requireNonNull(t);
            return this;
        }

        public Builder targetDaemon(int daemon) {
            if (daemon < 0 || daemon > 0xFFFF) {
                throw new IllegalArgumentException("daemon id must be 0..65535, not " + daemon);
            }
            this.targetDaemon = daemon;
            return this;
        }

        /** The payload (not copied: do not change it after sending). */
        public Builder payload(byte[] bytes) {
            this.payload = Objects.requireNonNull(bytes);
            return this;
        }

        /** Wait for a response from every destination (policy ALL). */
        public Builder expectAll() {
            return expect(CompletionPolicy.ALL, 0);
        }

        /** Complete with the first response. */
        public Builder expectFirst() {
            return expect(CompletionPolicy.FIRST, 1);
        }

        /** Complete with {@code n} responses of the destinations (policy N_OF_M). */
        public Builder expectAtLeast(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("N of M needs N >= 1, not " + n);
            }
            return expect(CompletionPolicy.N_OF_M, n);
        }

        private Builder expect(CompletionPolicy p, int n) {
            this.responsesWanted = true;
            this.policy = p;
            this.required = n;
            return this;
        }

        /** Response timeout; zero for none. At most 2^31-1 ms. */
        public Builder timeout(Duration d) {
            if (d.isNegative() || d.toMillis() > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("timeout must be 0..2^31-1 ms, not " + d);
            }
            this.timeout = d;
            return this;
        }

        public Message build() {
            return new Message(this);
        }
    }
}
