package org.viosbench.session;

import java.util.List;

import org.viosbench.engine.QueueEntry;
import org.viosbench.engine.Request;
import org.viosbench.engine.RequestResult;

/**
 * A request fired from the editor: who sent it to whom, and its response queue, which the
 * Response Queue view shows live. {@code request} is null when the system call refused it
 * ({@code refusal} says why).
 */
public record SentRequest(int number, String from, String to, String policy, Request request, String refusal, long sentNanos) {

    /** The entries now: one per expected responder, each pending or ended. */
    public List<QueueEntry> entries() {
        return request == null ? List.of() : request.queue().entries();
    }

    /** The result, or null while it is open (or when it was never sent). */
    public RequestResult result() {
        return request == null || !request.future().isDone() ? null : request.future().getNow(null);
    }

    /** OPEN, OK, FAILED or REFUSED. */
    public String state() {
        if (request == null) {
            return "REFUSED";
        }
        RequestResult r = result();
        return r == null ? "OPEN" : r.success() ? "OK" : "FAILED";
    }

    public long messageId() {
        return request == null ? -1 : request.messageId();
    }
}
