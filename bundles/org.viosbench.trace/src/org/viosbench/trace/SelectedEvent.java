package org.viosbench.trace;

import java.util.Objects;

import org.viosbench.engine.TraceEvent;

/**
 * The event a trace view's cursor is on, as views share it: its index in the trace, the event,
 * and the VIOS that sent its message ({@code null} when the trace does not say). Views of the
 * running cluster follow it (the request's row, its packet, the place on the diagram).
 */
public record SelectedEvent(int index, TraceEvent event, Integer sender) {
    public SelectedEvent {
        Objects.requireNonNull(event, "event");
    }
}
