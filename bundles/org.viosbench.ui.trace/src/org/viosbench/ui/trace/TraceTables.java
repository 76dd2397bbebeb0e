package org.viosbench.ui.trace;

import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ILazyContentProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.viosbench.engine.EntryState;
import org.viosbench.engine.MessageIds;
import org.viosbench.engine.TraceEvent;
import org.viosbench.trace.QueueState;
import org.viosbench.trace.RecordedTrace;

/**
 * The Trace view's tables as JFace viewers: the events of the trace (virtual: rows are made as
 * they scroll into sight, so a trace of 100,000 events opens at once) and the response queues open
 * at the cursor.
 */
final class TraceTables {

    private TraceTables() {
    }

    /** The events of the trace {@code shown} gives, one row per event index; show a trace with {@link #showEvents}. */
    static TableViewer events(Composite parent, Supplier<RecordedTrace> shown) {
        TableViewer v = ColumnLabels.table(parent, SWT.VIRTUAL, new String[][] { { "#", "70" }, { "Time (µs)", "100" }, { "VIOS", "80" }, { "Layer", "80" },
                { "Kind", "110" }, { "Message", "80" }, { "Peer", "70" }, { "Bytes", "60" }, { "Outcome", "260" } });
        v.setUseHashlookup(true);
        v.setContentProvider(new ILazyContentProvider() {
            @Override
            public void updateElement(int index) {
                // asked later (JFace defers it); a followed trace may have been replaced by then
                if (!v.getTable().isDisposed() && index < v.getTable().getItemCount()) {
                    v.replace(index, index); // the element of a row is the event's index
                }
            }
        });
        v.setLabelProvider(new ColumnLabels() {
            @Override
            public String getColumnText(Object element, int column) {
                RecordedTrace t = shown.get();
                if (!(element instanceof Integer i) || t == null || i >= t.size()) {
                    return "";
                }
                TraceEvent ev = t.event(i);
                return switch (column) {
                    case 0 -> Integer.toString(i);
                    case 1 -> String.format(Locale.ROOT, "%,d", (ev.timeNanos() - t.event(0).timeNanos()) / 1000);
                    case 2 -> name(t, ev.vios());
                    case 3 -> ev.layer().name();
                    case 4 -> ev.kind().name();
                    case 5 -> ev.messageId() == -1 ? "" : MessageIds.label(ev.messageId());
                    case 6 -> ev.peer() == -1 ? "" : name(t, ev.peer());
                    case 7 -> ev.bytes() < 0 ? "" : Integer.toString(ev.bytes());
                    default -> ev.outcome();
                };
            }
        });
        return v;
    }

    /** Shows every event of {@code t} in {@code events} (rows made when seen). */
    static void showEvents(TableViewer events, RecordedTrace t) {
        events.setInput(t);
        events.getTable().clearAll();
        events.setItemCount(t.size());
    }

    /** The response queues open at the cursor, of the trace {@code shown} gives (for the VIOS names): input a list of {@link QueueState}. */
    static TableViewer queues(Composite parent, Supplier<RecordedTrace> shown) {
        TableViewer v = ColumnLabels.table(parent, SWT.NONE, new String[][] { { "Open queue", "90" }, { "Sender", "70" }, { "Policy", "60" },
                { "Ended", "170" }, { "Pending", "60" } });
        v.setContentProvider(ArrayContentProvider.getInstance());
        v.setLabelProvider(new ColumnLabels() {
            @Override
            public String getColumnText(Object element, int column) {
                RecordedTrace t = shown.get();
                if (!(element instanceof QueueState q) || t == null) {
                    return "";
                }
                return switch (column) {
                    case 0 -> MessageIds.label(q.messageId());
                    case 1 -> name(t, q.sender());
                    case 2 -> q.policy();
                    case 3 -> ended(t, q);
                    default -> Integer.toString(q.pending());
                };
            }
        });
        v.setInput(List.of());
        return v;
    }

    private static String ended(RecordedTrace t, QueueState q) {
        StringBuilder ended = new StringBuilder();
        q.ended().forEach((responder, state) -> ended.append(ended.length() == 0 ? "" : ", ")
                .append(responder < 0 ? "?" : name(t, responder)).append(' ').append(state == EntryState.MATCHED ? "matched" : state.name()));
        return ended.toString();
    }

    /** VIOS {@code vios} as {@code t} names it (its id when unnamed). */
    static String name(RecordedTrace t, int vios) {
        return t.names().getOrDefault(vios, Integer.toUnsignedString(vios));
    }
}
