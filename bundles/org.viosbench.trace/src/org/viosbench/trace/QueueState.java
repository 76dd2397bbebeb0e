package org.viosbench.trace;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.viosbench.engine.EntryState;
import org.viosbench.engine.TraceEvent;

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

    /**
     * The queue of request {@code messageId} after {@code events} (that message's events, in order:
     * those of a trace before a cursor, or those an animation has played so far), or null when they
     * do not create it. Entries ended by a timeout are not named by the engine: they are counted under
     * negative keys.
     */
    public static QueueState of(long messageId, List<TraceEvent> events) {
        QueueState q = null;
        Map<Integer, EntryState> ended = new LinkedHashMap<>();
        for (TraceEvent e : events) {
            switch (e.kind()) {
                case QUEUE_CREATE -> q = new QueueState(messageId, e.vios(), e.outcome(), e.bytes(), Map.of(), e.bytes(), null);
                case MATCH -> ended.putIfAbsent(e.peer(), EntryState.MATCHED);
                case MATCH_ERROR -> ended.putIfAbsent(e.peer(), EntryState.ERROR);
                case SUSPECT -> ended.putIfAbsent(e.peer(), EntryState.SUSPECTED);
                case TIMEOUT -> {
                    for (int k = 0; k < e.bytes(); k++) { // the timeout ends the rest; the engine does not name them
                        ended.put(-1 - countUnnamed(ended), EntryState.TIMED_OUT);
                    }
                }
                case COMPLETE -> {
                    if (q != null) {
                        q = new QueueState(messageId, q.sender(), q.policy(), q.expected(), Map.copyOf(ended), 0, e.outcome());
                    }
                }
                default -> {
                    // hops, not queue changes
                }
            }
        }
        if (q == null) {
            return null;
        }
        if (q.completion() != null) {
            return new QueueState(messageId, q.sender(), q.policy(), q.expected(), Map.copyOf(ended), 0, q.completion());
        }
        return new QueueState(messageId, q.sender(), q.policy(), q.expected(), Map.copyOf(ended), Math.max(0, q.expected() - ended.size()), null);
    }

    private static int countUnnamed(Map<Integer, EntryState> ended) {
        return (int) ended.keySet().stream().filter(k -> k < 0).count();
    }
}
