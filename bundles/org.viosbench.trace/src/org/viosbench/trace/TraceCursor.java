package org.viosbench.trace;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.viosbench.engine.EntryState;
import org.viosbench.engine.TraceEvent;

/**
 * A position in a recorded trace, between events: {@link #position()} events have happened. Steps
 * forward and back, jumps to an event or a time, and answers what the response queues and the
 * membership views were at that point, so that stepping back shows them as they were. Every answer
 * is computed from the trace's indexes for the message or VIOS pair asked about: a step costs the
 * same at the start of a million-event trace as at its end.
 */
public final class TraceCursor {
    private final RecordedTrace trace;
    private int position;

    public TraceCursor(RecordedTrace trace) {
        this.trace = trace;
    }

    public RecordedTrace trace() {
        return trace;
    }

    /** How many events have happened (0 .. size). */
    public int position() {
        return position;
    }

    /** The last event that happened, or null at the start. */
    public TraceEvent current() {
        return position == 0 ? null : trace.event(position - 1);
    }

    /** Lets the next event happen; false at the end. */
    public boolean stepForward() {
        if (position >= trace.size()) {
            return false;
        }
        position++;
        return true;
    }

    /** Takes the last event back; false at the start. */
    public boolean stepBack() {
        if (position == 0) {
            return false;
        }
        position--;
        return true;
    }

    /** Puts the cursor just after event {@code index} (so that it is the current one). */
    public void jumpToEvent(int index) {
        if (index < -1 || index >= trace.size()) {
            throw new IndexOutOfBoundsException("event " + index + " of " + trace.size());
        }
        position = index + 1;
    }

    /** Puts the cursor before the first event at or after {@code timeNanos}. */
    public void jumpToTime(long timeNanos) {
        position = trace.indexAt(timeNanos);
    }

    /** The response queue of {@code messageId} as it was here, or null when it was not created yet. */
    public QueueState queue(long messageId) {
        List<TraceEvent> before = new ArrayList<>();
        for (int i : trace.eventsOf(messageId)) {
            if (i >= position) {
                break;
            }
            before.add(trace.event(i));
        }
        return QueueState.of(messageId, before);
    }

    /** Every response queue created before here and not yet completed, oldest first. */
    public List<QueueState> openQueues() {
        List<QueueState> out = new ArrayList<>();
        for (long m : trace.messages()) {
            int[] idx = trace.eventsOf(m);
            if (idx.length == 0 || idx[0] >= position) {
                continue;
            }
            QueueState q = queue(m);
            if (q != null && q.open()) {
                out.add(q);
            }
        }
        return out;
    }

    /** How VIOS {@code viewer} saw the others here: peer → state word (UP, SUSPECTED, DOWN), for the peers it has seen change. */
    public Map<Integer, String> viewOf(int viewer) {
        Map<Integer, String> out = new TreeMap<>();
        for (long pair : trace.viewPairs()) {
            if ((int) (pair >>> 32) != viewer) {
                continue;
            }
            int peer = (int) pair;
            int[] idx = trace.viewEvents(viewer, peer);
            int at = Arrays.binarySearch(idx, position);
            int last = at >= 0 ? at - 1 : -at - 2; // the last membership event before the cursor
            if (last >= 0) {
                String outcome = trace.event(idx[last]).outcome();
                int colon = outcome.indexOf(':');
                out.put(peer, colon < 0 ? outcome : outcome.substring(0, colon));
            }
        }
        return out;
    }

}
