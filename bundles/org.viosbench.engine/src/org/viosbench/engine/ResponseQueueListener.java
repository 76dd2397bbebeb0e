package org.viosbench.engine;

/** Observes response queues (for views); runs on engine threads, keep it quick. */
public interface ResponseQueueListener {

    /** A queue was created, before its request was sent. */
    default void created(ResponseQueue queue) {
    }

    /** An entry left PENDING. */
    default void entryEnded(ResponseQueue queue, QueueEntry entry) {
    }

    /** The request completed. */
    default void completed(ResponseQueue queue, RequestResult result) {
    }
}
