package org.viosbench.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.viosbench.protocol.CompletionPolicy;
import org.viosbench.protocol.ResponseSpec;

import io.netty.util.Timeout;

/**
 * The response queue of one request: one entry per expected responder, created before the request
 * is sent. Each arriving response is matched to its entry, which leaves the pending set. The
 * request completes when its policy is met or can no longer be met; then the remaining entries are
 * cancelled. Thread-safe; state changes happen under the queue's lock, listeners and the future
 * are notified outside it.
 */
public final class ResponseQueue {

    /** What the queue made of one response. */
    enum Verdict {
        MATCH, MATCH_ERROR, DUPLICATE, LATE, UNEXPECTED
    }

    private final long messageId;
    private final int sender;
    private final ResponseSpec spec;
    private final long createdNanos = System.nanoTime();
    private final int[] responders;
    private final EntryState[] states;
    private final long[] endedNanos;
    private final int[] errorCodes;
    private final byte[][] payloads;
    private final CompletableFuture<RequestResult> future = new CompletableFuture<>();
    private int matched;
    private int failed;
    private int pending;
    private RequestResult result;
    /** The result until the correlator has published it. */
    private RequestResult unpublished;
    private Timeout timeout;
    /** The request's message type (null when registered without it) and header flags, for the trace. */
    private final org.viosbench.protocol.MessageType type;
    private final int flags;

    ResponseQueue(long messageId, int sender, int[] responders, ResponseSpec spec) {
        this(messageId, null, 0, sender, responders, spec);
    }

    ResponseQueue(long messageId, org.viosbench.protocol.MessageType type, int flags, int sender, int[] responders, ResponseSpec spec) {
        this.type = type;
        this.flags = flags;
        this.messageId = messageId;
        this.sender = sender;
        this.spec = spec;
        this.responders = responders.clone();
        this.states = new EntryState[responders.length];
        java.util.Arrays.fill(states, EntryState.PENDING);
        this.endedNanos = new long[responders.length];
        this.errorCodes = new int[responders.length];
        java.util.Arrays.fill(errorCodes, -1);
        this.payloads = new byte[responders.length][];
        this.pending = responders.length;
    }

    public long messageId() {
        return messageId;
    }

    /** The request's message type, or null when unknown. */
    public org.viosbench.protocol.MessageType type() {
        return type;
    }

    /** The request's header flags. */
    int flags() {
        return flags;
    }

    /** The VIOS that sent the request. */
    public int sender() {
        return sender;
    }

    public ResponseSpec spec() {
        return spec;
    }

    /** Completes with the request's result; never completes exceptionally. */
    public CompletableFuture<RequestResult> future() {
        return future;
    }

    public synchronized boolean isDone() {
        return result != null;
    }

    /** Snapshot of every entry, in responder order. */
    public synchronized List<QueueEntry> entries() {
        List<QueueEntry> list = new ArrayList<>(responders.length);
        for (int i = 0; i < responders.length; i++) {
            list.add(entry(i));
        }
        return list;
    }

    /** The responders whose entries are still pending. */
    public synchronized int[] pendingResponders() {
        int[] out = new int[pending];
        int n = 0;
        for (int i = 0; i < responders.length; i++) {
            if (states[i] == EntryState.PENDING) {
                out[n++] = responders[i];
            }
        }
        return out;
    }

    synchronized void timeout(Timeout t) {
        this.timeout = t;
        if (result != null) {
            t.cancel();
        }
    }

    /** Records a response from {@code responder}; {@code errorCode} is -1 for a successful one. */
    Verdict respond(int responder, int errorCode, byte[] payload, Changes changes) {
        synchronized (this) {
            int i = indexOf(responder);
            if (i < 0) {
                return Verdict.UNEXPECTED;
            }
            if (states[i] == EntryState.MATCHED || states[i] == EntryState.ERROR) {
                return Verdict.DUPLICATE;
            }
            if (states[i] != EntryState.PENDING) {
                return Verdict.LATE;
            }
            payloads[i] = payload;
            errorCodes[i] = errorCode;
            end(i, errorCode < 0 ? EntryState.MATCHED : EntryState.ERROR, changes);
            return errorCode < 0 ? Verdict.MATCH : Verdict.MATCH_ERROR;
        }
    }

    /** Ends every pending entry of {@code responder} as SUSPECTED; false when it had none. */
    synchronized boolean suspect(int responder, Changes changes) {
        int i = indexOf(responder);
        if (i < 0 || states[i] != EntryState.PENDING) {
            return false;
        }
        end(i, EntryState.SUSPECTED, changes);
        return true;
    }

    /** Ends every pending entry as {@code state} (TIMED_OUT or ABORTED). */
    synchronized void endAll(EntryState state, Changes changes) {
        for (int i = 0; i < responders.length && result == null; i++) {
            if (states[i] == EntryState.PENDING) {
                end(i, state, changes);
            }
        }
    }

    /** Ends entry {@code i}; {@code changes} (null when nobody listens) collects the ended entries. */
    private void end(int i, EntryState state, Changes changes) {
        states[i] = state;
        endedNanos[i] = System.nanoTime();
        pending--;
        if (state == EntryState.MATCHED) {
            matched++;
        } else {
            failed++;
        }
        if (changes != null) {
            changes.ended(entry(i));
        }
        if (result == null && decided()) {
            boolean success = matched >= spec.required();
            for (int j = 0; j < responders.length; j++) {
                if (states[j] == EntryState.PENDING) {
                    states[j] = EntryState.CANCELLED;
                    endedNanos[j] = endedNanos[i];
                    pending--;
                    if (changes != null) {
                        changes.ended(entry(j));
                    }
                }
            }
            result = new RequestResult(messageId, spec, success, entries(), endedNanos[i] - createdNanos);
            unpublished = result;
            if (timeout != null) {
                timeout.cancel();
            }
        }
    }

    /** The result once, right after completion, for the correlator to publish; null otherwise. */
    synchronized RequestResult takeCompletion() {
        RequestResult r = unpublished;
        unpublished = null;
        return r;
    }

    /** Whether the policy is met, or can no longer be met. */
    private boolean decided() {
        if (spec.policy() == CompletionPolicy.ALL) {
            return pending == 0;
        }
        return matched >= spec.required() || responders.length - failed < spec.required();
    }

    private int indexOf(int responder) {
        for (int i = 0; i < responders.length; i++) {
            if (responders[i] == responder) {
                return i;
            }
        }
        return -1;
    }

    private QueueEntry entry(int i) {
        return new QueueEntry(responders[i], states[i], endedNanos[i], errorCodes[i], payloads[i]);
    }

    @Override
    public synchronized String toString() {
        return "ResponseQueue[id=" + Long.toUnsignedString(messageId) + ", " + spec.policy() + " " + spec.required() + "/"
                + responders.length + ", matched=" + matched + ", failed=" + failed + ", pending=" + pending
                + (result == null ? "" : ", done success=" + result.success()) + "]";
    }

    /** Collects the entries that ended under the lock, to notify listeners outside it. */
    static final class Changes {
        final List<QueueEntry> ended = new ArrayList<>(2);

        void ended(QueueEntry e) {
            ended.add(e);
        }
    }
}
