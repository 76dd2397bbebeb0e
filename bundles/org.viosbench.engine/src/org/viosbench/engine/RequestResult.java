package org.viosbench.engine;

import java.util.List;

import org.viosbench.protocol.ResponseSpec;

/**
 * How a request ended: {@link #success()} when its completion policy was met. {@code entries}
 * holds every expected responder's final entry; {@code elapsedNanos} runs from queue creation to
 * completion.
 */
public record RequestResult(long messageId, ResponseSpec spec, boolean success, List<QueueEntry> entries, long elapsedNanos) {

    /** The matched responses, in responder order. */
    public List<QueueEntry> responses() {
        return entries.stream().filter(e -> e.state() == EntryState.MATCHED).toList();
    }

    /** How many entries ended in {@code state}. */
    public long count(EntryState state) {
        return entries.stream().filter(e -> e.state() == state).count();
    }
}
