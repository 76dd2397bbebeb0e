package org.viosbench.trace;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import org.viosbench.engine.TraceEvent;
import org.viosbench.engine.TraceKind;

/**
 * A trace in ShiViz's log format: the parsing regular expression on the first line, a blank line,
 * then per event a description line and a line with its host and vector clock. Each VIOS is a
 * host; a kcluster send and its receipt are joined by the clocks (the receipt merges the sender's
 * clock), so ShiViz draws the same run as the sequence chart. Membership events without a message
 * are left out.
 */
public final class ShivizExport {
    /** The regular expression ShiViz parses the log with (its default, spelled out). */
    public static final String REGEX = "(?<event>.*)\\n(?<host>\\S*) (?<clock>{.*})";

    private ShivizExport() {
    }

    public static String shiviz(RecordedTrace t) {
        StringBuilder out = new StringBuilder(REGEX).append("\n\n");
        Map<Integer, Map<String, Long>> clocks = new HashMap<>();
        Map<Integer, Map<String, Long>> sent = new HashMap<>(); // TRANSMIT index → the sender's clock then
        Map<Integer, Integer> sendOfReceipt = new HashMap<>();
        for (int i = 0; i < t.size(); i++) {
            if (t.event(i).kind() == TraceKind.TRANSMIT) {
                for (int r : t.receiptsOf(i)) {
                    sendOfReceipt.put(r, i);
                }
            }
        }
        for (int i = 0; i < t.size(); i++) {
            TraceEvent e = t.event(i);
            if (e.messageId() == -1) {
                continue;
            }
            String host = host(t, e.vios());
            Map<String, Long> clock = clocks.computeIfAbsent(e.vios(), k -> new TreeMap<>());
            Integer send = sendOfReceipt.get(i);
            if (send != null && sent.containsKey(send)) {
                sent.get(send).forEach((h, c) -> clock.merge(h, c, Math::max));
            }
            clock.merge(host, 1L, Long::sum);
            if (e.kind() == TraceKind.TRANSMIT) {
                sent.put(i, new TreeMap<>(clock));
            }
            out.append(e.layer()).append(' ').append(e.kind()).append(" message ").append(e.messageId());
            if (e.peer() != -1) {
                out.append(e.kind() == TraceKind.RECEIVE || e.kind() == TraceKind.MATCH ? " from " : " to ").append(host(t, e.peer()));
            }
            out.append(": ").append(e.outcome().replace('\n', ' ')).append('\n');
            out.append(host).append(' ').append(json(clock)).append('\n');
        }
        return out.toString();
    }

    private static String host(RecordedTrace t, int vios) {
        String name = t.names().get(vios);
        return name != null ? name : "vios" + Integer.toUnsignedString(vios);
    }

    private static String json(Map<String, Long> clock) {
        StringBuilder s = new StringBuilder("{");
        clock.forEach((h, c) -> s.append(s.length() == 1 ? "" : ", ").append('"').append(h).append("\": ").append(c));
        return s.append('}').toString();
    }
}
