package org.viosbench.engine;

/** The state of one response-queue entry. Every entry leaves PENDING exactly once. */
public enum EntryState {
    /** Waiting for the responder. */
    PENDING,
    /** Its response arrived and was matched; the entry was removed from the pending set. */
    MATCHED,
    /** The responder answered with an error response. */
    ERROR,
    /** The request's timeout ended it. */
    TIMED_OUT,
    /** The responder left the cluster or is suspected. */
    SUSPECTED,
    /** The request completed (policy met or failed) before this responder answered. */
    CANCELLED,
    /** The sending VIOS shut down or the send failed. */
    ABORTED;

    public boolean ended() {
        return this != PENDING;
    }
}
