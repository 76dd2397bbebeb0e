package org.viosbench.engine;

import org.viosbench.engine.kcluster.Idle;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.viosbench.protocol.CompletionPolicy;
import org.viosbench.protocol.ResponseSpec;

/**
 * A sent message. When responses were requested it has a {@link #queue()} and completes when the
 * completion policy is met or can no longer be met; otherwise it is complete once sent.
 */
public final class Request {
    /** Set for every request by {@code -Dviosbench.await.yields=N}; else the kcluster end's own count. */
    private static final Integer AWAIT_YIELDS = Integer.getInteger("viosbench.await.yields");
    private final Idle idle;
    private final long messageId;
    private final ResponseQueue queue;
    private final CompletableFuture<RequestResult> future;

    Request(long messageId, ResponseQueue queue, Idle idle) {
        this.idle = AWAIT_YIELDS != null ? Idle.yielding(AWAIT_YIELDS) : idle;
        this.messageId = messageId;
        this.queue = queue;
        this.future = queue != null ? queue.future()
                : CompletableFuture.completedFuture(new RequestResult(messageId,
                        new ResponseSpec(CompletionPolicy.ALL, 1, 1), true, java.util.List.of(), 0));
    }

    public long messageId() {
        return messageId;
    }

    /** The response queue, or null when no response was requested. */
    public ResponseQueue queue() {
        return queue;
    }

    public CompletableFuture<RequestResult> future() {
        return future;
    }

    /**
     * Waits for the result. Ends by itself when the request has a timeout, or when every pending
     * responder answers or leaves.
     */
    public RequestResult await() throws InterruptedException {
        // a short yield phase first: responses often arrive within microseconds, and a parked
        // caller costs the delivery thread a wake-up system call
        for (int i = 1; !future.isDone() && idle.pause(i); i++) {
            // spin or yield as the kcluster end says
        }
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("a response queue never completes exceptionally", e);
        }
    }

    /** Waits at most {@code max} for the result. */
    public RequestResult await(Duration max) throws InterruptedException, TimeoutException {
        try {
            return future.get(max.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a response queue never completes exceptionally", e);
        }
    }
}
