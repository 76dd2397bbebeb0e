package org.viosbench.trace;

import java.util.Map;

import org.viosbench.engine.EntryState;

/**
 * A response queue as it was at a point of a trace: the request, who sent it, its completion
 * policy, how many responses it expected, the entries ended so far (responder → state), how many are
 * still pending, and how it completed (null while open).
 */
public record QueueState(long messageId, int sender, String policy, int expected, Map<Integer, EntryState> ended, int pending,
        String completion) {

    public boolean open() {
        return completion == null;
    }
}
