package org.viosbench.cluster.step;

import java.util.Objects;

import org.viosbench.engine.Message;

/**
 * One thing the user did in step mode. The list of choices, with the cluster description and the
 * seed, is the whole recipe of a run: replaying it gives the same trace, event for event, which is
 * how a branch is forked from any point.
 */
public sealed interface Choice {

    /** For people: one line. */
    String describe();

    /** A daemon of {@code vios} sent {@code message} (through the system call, VKE and kcluster). */
    record Fire(int vios, int daemon, Message message) implements Choice {
        public Fire {
            Objects.requireNonNull(message, "message");
        }

        @Override
        public String describe() {
            String to = message.isBroadcast() ? "broadcast" : "to " + java.util.Arrays.toString(message.destinations());
            return "fire " + message.type() + " from VIOS " + vios + " daemon " + daemon + " " + to;
        }
    }

    /** Pending delivery {@code pending} was delivered (the earliest or any other: a reorder). */
    record Deliver(long pending) implements Choice {
        @Override
        public String describe() {
            return "deliver #" + pending;
        }
    }

    /** The earliest pending delivery was delivered. */
    record DeliverNext() implements Choice {
        @Override
        public String describe() {
            return "deliver next";
        }
    }

    /** A pending delivery picked with the run's seeded random source was delivered. */
    record DeliverRandom() implements Choice {
        @Override
        public String describe() {
            return "deliver a random one";
        }
    }

    /** Pending delivery {@code pending} was lost on its link. */
    record Drop(long pending) implements Choice {
        @Override
        public String describe() {
            return "drop #" + pending;
        }
    }

    /** Pending delivery {@code pending} arrives {@code nanos} later than it would have. */
    record Delay(long pending, long nanos) implements Choice {
        @Override
        public String describe() {
            return "delay #" + pending + " by " + nanos / 1000 + " µs";
        }
    }

    /** The clock moved to the next armed timeout, which ran. */
    record AdvanceToTimer() implements Choice {
        @Override
        public String describe() {
            return "advance the clock to the next timeout";
        }
    }

    /** VIOS {@code vios} was killed: its pending deliveries are lost, the others see it leave. */
    record Kill(int vios) implements Choice {
        @Override
        public String describe() {
            return "kill VIOS " + vios;
        }
    }
}
