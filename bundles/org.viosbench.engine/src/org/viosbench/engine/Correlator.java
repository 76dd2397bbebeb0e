package org.viosbench.engine;

import org.viosbench.protocol.Errno;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.viosbench.protocol.Packet;
import org.viosbench.protocol.PacketHeader;
import org.viosbench.protocol.ResponseSpec;

import io.netty.util.Timer;

/**
 * The request correlator of one VIOS: owns its message ids and its open response queues, matches
 * arriving responses (message id + responder) and ends entries on timeout, on a responder leaving
 * and on shutdown. Duplicate, late and unexpected responses are counted and dropped.
 */
public final class Correlator {
    private final int vios;
    private final Trace trace;
    private final Timer timer;
    /** Message ids of this VIOS: its id in the high 32 bits, a counter from 1 in the low 32 (unique in the cluster). */
    private final long idBase;
    private final AtomicLong nextId;
    private final ConcurrentHashMap<Long, ResponseQueue> open = new ConcurrentHashMap<>();
    private final CopyOnWriteArrayList<ResponseQueueListener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong late = new AtomicLong();
    private final AtomicLong unexpected = new AtomicLong();
    private volatile boolean shutDown;
    /** Recently completed queues, so that a second copy of a matched response counts as a duplicate, not as late. */
    private final java.util.Map<Long, ResponseQueue> recent = new java.util.LinkedHashMap<>(64, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(java.util.Map.Entry<Long, ResponseQueue> eldest) {
            return size() > RECENT_LIMIT;
        }
    };
    private static final int RECENT_LIMIT = 4096;

    Correlator(int vios, Trace trace, Timer timer) {
        this.vios = vios;
        this.trace = trace;
        this.timer = timer;
        this.idBase = MessageIds.base(vios);
        this.nextId = new AtomicLong(idBase + 1);
    }

    /** A new message id of this VIOS (never 0; unique in the cluster, see {@link MessageIds}). */
    long nextMessageId() {
        return nextId.getAndIncrement();
    }

    /**
     * Creates the response queue of request {@code messageId}, one entry per responder, and arms
     * its timeout ({@code timeoutMillis} 0: none).
     */
    ResponseQueue register(long messageId, int[] responders, ResponseSpec spec, int timeoutMillis) {
        return register(messageId, null, 0, responders, spec, timeoutMillis);
    }

    /** As {@link #register(long, int[], ResponseSpec, int)}, for a request of {@code type} with header {@code flags}. */
    ResponseQueue register(long messageId, org.viosbench.protocol.MessageType type, int flags, int[] responders, ResponseSpec spec,
            int timeoutMillis) {
        ResponseQueue q = new ResponseQueue(messageId, type, flags, vios, responders, spec);
        open.put(messageId, q);
        if (trace.enabled()) {
            queueEvent(q, TraceKind.QUEUE_CREATE, -1, responders.length, spec.policy().name());
        }
        for (ResponseQueueListener l : listeners) {
            l.created(q);
        }
        if (shutDown) {
            abort(messageId, Errno.ESHUTDOWN);
            return q;
        }
        if (timeoutMillis > 0) {
            q.timeout(timer.newTimeout(t -> expire(q), timeoutMillis, TimeUnit.MILLISECONDS));
        }
        return q;
    }

    /** Matches a response packet to its entry. */
    void onResponse(Packet response) {
        PacketHeader h = response.header();
        long id = h.messageId();
        int responder = h.source();
        ResponseQueue q = open.get(id);
        if (q == null) {
            synchronized (recent) {
                q = recent.get(id);
            }
        }
        ResponseQueue.Verdict verdict;
        ResponseQueue.Changes changes = changes();
        if (q == null) {
            verdict = id > idBase && id < nextId.get() ? ResponseQueue.Verdict.LATE : ResponseQueue.Verdict.UNEXPECTED;
        } else {
            int code = h.isError() ? response.subHeader().errorCode() : -1;
            verdict = q.respond(responder, code, response.payloadBytes(), changes);
        }
        switch (verdict) {
            case DUPLICATE -> duplicates.incrementAndGet();
            case LATE -> late.incrementAndGet();
            case UNEXPECTED -> unexpected.incrementAndGet();
            default -> {
            }
        }
        if (trace.enabled()) {
            TraceKind kind = switch (verdict) {
                case MATCH -> TraceKind.MATCH;
                case MATCH_ERROR -> TraceKind.MATCH_ERROR;
                case DUPLICATE -> TraceKind.DUPLICATE;
                case LATE -> TraceKind.LATE;
                case UNEXPECTED -> TraceKind.UNEXPECTED;
            };
            trace.emit(vios, Layer.QUEUE, kind, h, responder, response.encodedLength(),
                    h.isError() ? "errno " + response.subHeader().errorCode() : "ok");
        }
        publish(q, changes);
    }

    /** Ends the entries of {@code responder} in every open queue as SUSPECTED. */
    void onMemberLeft(int responder, String reason) {
        for (ResponseQueue q : open.values()) {
            ResponseQueue.Changes changes = changes();
            if (q.suspect(responder, changes)) {
                if (trace.enabled()) {
                    queueEvent(q, TraceKind.SUSPECT, responder, -1, reason);
                }
                publish(q, changes);
            }
        }
    }

    /** Ends the request's pending entries as ABORTED (the send failed or this VIOS stops). */
    void abort(long messageId, Errno why) {
        ResponseQueue q = open.get(messageId);
        if (q != null) {
            ResponseQueue.Changes changes = changes();
            q.endAll(EntryState.ABORTED, changes);
            if (trace.enabled()) {
                queueEvent(q, TraceKind.ERROR, -1, -1, why.name());
            }
            publish(q, changes);
        }
    }

    /** Aborts every open request; later registrations abort at once. */
    void shutdown() {
        shutDown = true;
        for (Long id : new ArrayList<>(open.keySet())) {
            abort(id, Errno.ESHUTDOWN);
        }
    }

    private void expire(ResponseQueue q) {
        ResponseQueue.Changes changes = new ResponseQueue.Changes(); // timeouts are rare: always collect, for the trace
        q.endAll(EntryState.TIMED_OUT, changes);
        if (!changes.ended.isEmpty() && trace.enabled()) {
            queueEvent(q, TraceKind.TIMEOUT, -1, changes.ended.size(), "timed out");
        }
        publish(q, changes);
    }

    /** A queue event: about the request of {@code q}. */
    private void queueEvent(ResponseQueue q, TraceKind kind, int peer, int bytes, String outcome) {
        trace.emit(vios, Layer.QUEUE, kind, q.messageId(), peer, bytes, outcome, q.type(), q.flags(), null);
    }

    /** A collector of ended entries when someone listens, else null (no allocation per response). */
    private ResponseQueue.Changes changes() {
        return listeners.isEmpty() ? null : new ResponseQueue.Changes();
    }

    private void publish(ResponseQueue q, ResponseQueue.Changes changes) {
        if (q == null) {
            return;
        }
        if (changes != null) {
            for (QueueEntry e : changes.ended) {
                for (ResponseQueueListener l : listeners) {
                    l.entryEnded(q, e);
                }
            }
        }
        RequestResult r = q.takeCompletion();
        if (r != null) {
            open.remove(q.messageId(), q);
            synchronized (recent) {
                recent.put(q.messageId(), q);
            }
            if (trace.enabled()) {
                queueEvent(q, TraceKind.COMPLETE, -1, r.responses().size(), r.success() ? "success" : "failed");
            }
            for (ResponseQueueListener l : listeners) {
                l.completed(q, r);
            }
            q.future().complete(r);
        }
    }

    /** The open (not yet completed) response queues; a snapshot. */
    public List<ResponseQueue> openQueues() {
        return List.copyOf(open.values());
    }

    public void addListener(ResponseQueueListener l) {
        listeners.add(l);
    }

    public void removeListener(ResponseQueueListener l) {
        listeners.remove(l);
    }

    /** Responses for an entry already matched. */
    public long duplicates() {
        return duplicates.get();
    }

    /** Responses for an entry or request that had already ended. */
    public long late() {
        return late.get();
    }

    /** Responses nobody expected (unknown message id or responder). */
    public long unexpected() {
        return unexpected.get();
    }
}
