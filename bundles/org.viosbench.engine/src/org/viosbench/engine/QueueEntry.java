package org.viosbench.engine;

/**
 * A snapshot of one response-queue entry: the responder, its state, when it ended (nanoTime, or 0
 * while pending), and for MATCHED/ERROR the response payload and error code (-1 when none).
 */
public record QueueEntry(int responder, EntryState state, long endedNanos, int errorCode, byte[] payload) {
}
