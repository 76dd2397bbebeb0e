package org.viosbench.engine;

/** What happened at a hop. */
public enum TraceKind {
    /** A daemon built and sent a packet. */
    SEND,
    /** The system-call interface copied a packet in from a daemon. */
    COPY_IN,
    /** The system-call interface copied a packet out to a daemon. */
    COPY_OUT,
    /** The VKE parsed a packet and chose its destinations. */
    ROUTE,
    /** The kcluster interface sent a packet to one VIOS. */
    TRANSMIT,
    /** The kcluster interface handed a received packet to the VKE. */
    RECEIVE,
    /** The VKE handed a packet up to a daemon. */
    DELIVER,
    /** A daemon's handler ran and produced a reply. */
    HANDLE,
    /** The VKE answered an INQUIRY itself. */
    INQUIRY,
    /** A response queue was created with one entry per expected responder. */
    QUEUE_CREATE,
    /** A response was matched to its entry, which was removed. */
    MATCH,
    /** An entry ended by an error response. */
    MATCH_ERROR,
    /** Entries ended by the request's timeout. */
    TIMEOUT,
    /** An entry ended because its responder left or is suspected. */
    SUSPECT,
    /** The request completed; outcome says how. */
    COMPLETE,
    /** A second response for an entry that was already matched. */
    DUPLICATE,
    /** A response for an entry or request that had already ended. */
    LATE,
    /** A response nobody expected. */
    UNEXPECTED,
    /** A packet was dropped; outcome says why. */
    DROP,
    /** A system call failed; outcome holds the errno. */
    ERROR,
    /** An injected fault acted on a packet (drop, delay, duplicate, reorder, partition); outcome says which. */
    FAULT,
    /** A VIOS changed membership state as seen by {@code vios}; {@code peer} is the VIOS, outcome the new state and why. */
    MEMBERSHIP,
    /**
     * The kcluster of {@code vios} refused a frame or connection that failed authentication (forged,
     * altered, replayed, in another VIOS's name, no handshake); outcome says why. (Last: trace
     * batches store kinds by position.)
     */
    SECURITY
}
