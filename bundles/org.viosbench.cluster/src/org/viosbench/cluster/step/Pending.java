package org.viosbench.cluster.step;

import org.viosbench.protocol.MessageType;

/**
 * A packet on its way between two VIOSes in step mode, waiting for the user: sent at
 * {@code sentNanos}, due at {@code dueNanos} (virtual time). {@code id}s count up from 1 in the
 * order packets were sent, so a replayed run numbers them the same.
 */
public record Pending(long id, int from, int to, long messageId, MessageType type, boolean response, boolean error,
        int bytes, long sentNanos, long dueNanos) {

    /** One line for people: "#3 VIOS 0 → 2 DATA request m1, 88 B, due 0.050 ms". */
    public String describe() {
        return String.format(java.util.Locale.ROOT, "#%d VIOS %d → %d %s %s m%s, %d B, due %.3f ms", id, from, to, type,
                error ? "error response" : response ? "response" : "request", org.viosbench.engine.MessageIds.label(messageId), bytes,
                dueNanos / 1e6);
    }
}
