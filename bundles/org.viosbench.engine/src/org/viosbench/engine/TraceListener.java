package org.viosbench.engine;

/** Receives trace events, on the thread where the hop happened: keep it quick. */
@FunctionalInterface
public interface TraceListener {
    void onEvent(TraceEvent event);
}
