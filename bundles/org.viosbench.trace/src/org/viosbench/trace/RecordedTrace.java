package org.viosbench.trace;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.viosbench.engine.Layer;
import org.viosbench.engine.TraceEvent;
import org.viosbench.engine.TraceKind;

/**
 * A recorded run: its trace events in order, the VIOS names, and indexes that make causality and
 * cursor questions cheap: the events of each message, each send's receipts, each request's
 * responses, and the membership views.
 */
public final class RecordedTrace {
    private final TraceEvent[] events;
    private final Map<Integer, String> names;
    private final Map<Long, int[]> byMessage = new HashMap<>();
    private final Map<Long, int[]> byView = new HashMap<>();
    /** The bytes of kcluster sends, by event index (TRANSMIT events only; the events' own); empty when recorded without them. */
    private final Map<Integer, byte[]> packets;

    /** A trace of {@code events} as recorded: kcluster sends carry the packets they sent, if they were recorded with them. */
    public RecordedTrace(List<TraceEvent> events, Map<Integer, String> viosNames) {
        this(events, viosNames, Map.of());
    }

    /**
     * A trace whose kcluster sends carry their packet bytes: besides the packets the events carry,
     * {@code packets} maps the index of a TRANSMIT event to the packet it sent (copied). Events
     * recorded without the facts of their packet (type, flags: files before version 3) get them
     * here, from the packet they carry or else from where they happen ({@link #inferFacts}).
     *
     * @throws IllegalArgumentException when an index is not a TRANSMIT event of {@code events}
     */
    public RecordedTrace(List<TraceEvent> events, Map<Integer, String> viosNames, Map<Integer, byte[]> packets) {
        this.events = events.toArray(new TraceEvent[0]);
        this.names = Map.copyOf(viosNames);
        packets.forEach((index, bytes) -> {
            if (index < 0 || index >= this.events.length || this.events[index].kind() != TraceKind.TRANSMIT) {
                throw new IllegalArgumentException("event " + index + " is not a kcluster send (TRANSMIT); only sends carry packets");
            }
            this.events[index] = this.events[index].withPacket(bytes.clone());
        });
        Map<Integer, byte[]> carried = new java.util.TreeMap<>();
        for (int i = 0; i < this.events.length; i++) {
            if (this.events[i].packet() != null) {
                carried.put(i, this.events[i].packet());
            }
        }
        this.packets = java.util.Collections.unmodifiableMap(carried);
        Map<Long, List<Integer>> messages = new HashMap<>();
        Map<Long, List<Integer>> views = new HashMap<>();
        for (int i = 0; i < this.events.length; i++) {
            TraceEvent e = this.events[i];
            if (e.messageId() != -1) {
                messages.computeIfAbsent(e.messageId(), k -> new ArrayList<>()).add(i);
            }
            if (e.kind() == TraceKind.MEMBERSHIP && e.layer() == Layer.KCLUSTER && e.peer() != -1) {
                views.computeIfAbsent(viewKey(e.vios(), e.peer()), k -> new ArrayList<>()).add(i);
            }
        }
        messages.forEach((k, v) -> byMessage.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
        views.forEach((k, v) -> byView.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
        inferFacts();
    }

    /**
     * Gives every event of a message that was recorded without its packet's facts the facts the
     * packet had: read from the packet it carries, else implied by where it happens (at a VIOS other
     * than the sender, what it copies in, routes and sends is the response; at the sender, what it
     * receives, delivers, copies out and matches), with the type the message's SEND names.
     */
    private void inferFacts() {
        for (int i = 0; i < events.length; i++) {
            TraceEvent e = events[i];
            if (e.hasFacts() || e.messageId() == -1) {
                continue;
            }
            org.viosbench.protocol.PacketHeader h = e.packet() == null ? null : header(e.packet());
            if (h != null) {
                events[i] = e.withFacts(h.type(), h.flags());
                continue;
            }
            Integer sender = senderOf(e.messageId());
            String type = typeOf(e.messageId());
            org.viosbench.protocol.MessageType t = null;
            for (org.viosbench.protocol.MessageType m : org.viosbench.protocol.MessageType.values()) {
                if (m.name().equals(type)) {
                    t = m;
                }
            }
            if (t == null || sender == null) {
                continue;
            }
            boolean atSender = e.vios() == sender;
            boolean response = switch (e.kind()) {
                case COPY_IN, ROUTE, TRANSMIT -> !atSender;
                case RECEIVE, DELIVER, COPY_OUT, MATCH, MATCH_ERROR, DUPLICATE, LATE -> atSender;
                default -> false;
            };
            events[i] = e.withFacts(t, response ? org.viosbench.protocol.Wire.FLAG_RESPONSE : 0);
        }
    }

    private static org.viosbench.protocol.PacketHeader header(byte[] packet) {
        org.viosbench.protocol.Decoded d = org.viosbench.protocol.PacketDecoder.decode(io.netty.buffer.Unpooled.wrappedBuffer(packet),
                false, false);
        return d instanceof org.viosbench.protocol.Packet p ? p.header() : null;
    }

    static long viewKey(int viewer, int peer) {
        return ((long) viewer << 32) | (peer & 0xFFFFFFFFL);
    }

    public int size() {
        return events.length;
    }

    public TraceEvent event(int index) {
        return events[index];
    }

    public List<TraceEvent> events() {
        return List.of(events);
    }

    /** VIOS id → name, as recorded. */
    public Map<Integer, String> names() {
        return names;
    }

    /** The indexes of every event of message {@code messageId} (request and responses), in order. */
    public int[] eventsOf(long messageId) {
        int[] idx = byMessage.get(messageId);
        return idx == null ? new int[0] : idx.clone();
    }

    /** Every message id in the trace. */
    public long[] messages() {
        return byMessage.keySet().stream().mapToLong(Long::longValue).sorted().toArray();
    }

    /**
     * The receipts of the kcluster send at {@code index} (a TRANSMIT from VIOS a to b): the RECEIVE
     * events of the same message at b from a that follow it (one per copy sent).
     */
    public List<Integer> receiptsOf(int index) {
        TraceEvent send = events[index];
        if (send.kind() != TraceKind.TRANSMIT) {
            throw new IllegalArgumentException("event " + index + " is " + send.kind() + ", not a TRANSMIT");
        }
        List<Integer> out = new ArrayList<>();
        for (int i : eventsOf(send.messageId())) {
            TraceEvent e = events[i];
            if (i > index && e.kind() == TraceKind.RECEIVE && e.vios() == send.peer() && e.peer() == send.vios()
                    && send.response() == e.response()) {
                out.add(i);
                break;
            }
        }
        return out;
    }

    /** The response sends (TRANSMIT by a VIOS other than the sender) of request {@code messageId}, in order. */
    public List<Integer> responsesOf(long messageId) {
        List<Integer> out = new ArrayList<>();
        for (int i : eventsOf(messageId)) {
            if (events[i].kind() == TraceKind.TRANSMIT && events[i].response()) {
                out.add(i);
            }
        }
        return out;
    }

    /** The message type (DATA, PING, ...) of {@code messageId}, as its SEND event says, or null. */
    public String typeOf(long messageId) {
        for (int i : byMessage.getOrDefault(messageId, new int[0])) {
            if (events[i].kind() == TraceKind.SEND) {
                return events[i].outcome();
            }
        }
        return null;
    }

    /** The VIOS that sent request {@code messageId} (its queue is made and its SEND traced there first), or null. */
    public Integer senderOf(long messageId) {
        for (int i : byMessage.getOrDefault(messageId, new int[0])) {
            TraceKind k = events[i].kind();
            if (k == TraceKind.QUEUE_CREATE || k == TraceKind.SEND) {
                return events[i].vios();
            }
        }
        return null;
    }

    /** The membership events with which {@code viewer} saw {@code peer} change, in order. */
    int[] viewEvents(int viewer, int peer) {
        return byView.getOrDefault(viewKey(viewer, peer), new int[0]);
    }

    /** Every (viewer, peer) pair with membership events. */
    long[] viewPairs() {
        return byView.keySet().stream().mapToLong(Long::longValue).toArray();
    }

    /** The index of the first event at or after {@code timeNanos} ({@link #size()} when none). */
    public int indexAt(long timeNanos) {
        int lo = 0;
        int hi = events.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (events[mid].timeNanos() < timeNanos) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The packet event {@code index} sent (a copy), or null when it is not a send or was recorded without bytes. */
    public byte[] packet(int index) {
        byte[] b = packets.get(index);
        return b == null ? null : b.clone();
    }

    /** Indexes of the events that carry packet bytes, ascending. */
    public java.util.Set<Integer> packetEvents() {
        return packets.keySet();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RecordedTrace t && Arrays.equals(events, t.events) && names.equals(t.names); // events compare their packets
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(events), names);
    }
}
