package org.viosbench.db;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.viosbench.engine.Layer;
import org.viosbench.engine.TraceEvent;
import org.viosbench.engine.TraceKind;

/**
 * The stored form of a batch of trace events: a format version byte, then per event time (8),
 * VIOS (4), layer (1, ordinal), kind (1, ordinal), message id (8), peer (4), bytes (4) and the
 * outcome (a flag byte, then modified UTF-8 when present); since format 2 also the packet's message
 * type code (2, 0: none) and header flags (2), and the packet a send carried (length 4, -1: none,
 * then the bytes). Layers and kinds are stored by name in the header so that a batch written before
 * an enum grew still reads back; format 1 batches still read (without facts or packets).
 */
final class TraceBatchCodec {
    private static final int VERSION = 2;

    private TraceBatchCodec() {
    }

    static byte[] encode(List<TraceEvent> events) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(events.size() * 40 + 256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeByte(Layer.values().length);
            for (Layer l : Layer.values()) {
                out.writeUTF(l.name());
            }
            out.writeByte(TraceKind.values().length);
            for (TraceKind k : TraceKind.values()) {
                out.writeUTF(k.name());
            }
            out.writeInt(events.size());
            for (TraceEvent e : events) {
                out.writeLong(e.timeNanos());
                out.writeInt(e.vios());
                out.writeByte(e.layer().ordinal());
                out.writeByte(e.kind().ordinal());
                out.writeLong(e.messageId());
                out.writeInt(e.peer());
                out.writeInt(e.bytes());
                String outcome = e.outcome();
                out.writeBoolean(outcome != null);
                if (outcome != null) {
                    out.writeUTF(outcome.length() > 1024 ? outcome.substring(0, 1024) : outcome);
                }
                out.writeShort(e.type() == null ? 0 : e.type().code());
                out.writeShort(e.flags());
                out.writeInt(e.packet() == null ? -1 : e.packet().length);
                if (e.packet() != null) {
                    out.write(e.packet());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array stream does not fail
        }
        return bytes.toByteArray();
    }

    /** Decodes a stored batch; throws IOException with what is wrong when it is not one. */
    static List<TraceEvent> decode(byte[] data) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(data));
        int version = in.readUnsignedByte();
        if (version < 1 || version > VERSION) {
            throw new IOException("trace batch format " + version + ", this viosbench reads 1 to " + VERSION);
        }
        Layer[] layers = new Layer[in.readUnsignedByte()];
        for (int i = 0; i < layers.length; i++) {
            layers[i] = Layer.valueOf(in.readUTF());
        }
        TraceKind[] kinds = new TraceKind[in.readUnsignedByte()];
        for (int i = 0; i < kinds.length; i++) {
            kinds[i] = TraceKind.valueOf(in.readUTF());
        }
        int n = in.readInt();
        if (n < 0 || n > data.length / (version == 1 ? 30 : 38)) {
            throw new IOException("trace batch claims " + n + " events in " + data.length + " bytes");
        }
        List<TraceEvent> events = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            long time = in.readLong();
            int vios = in.readInt();
            Layer layer = layers[in.readUnsignedByte()];
            TraceKind kind = kinds[in.readUnsignedByte()];
            long id = in.readLong();
            int peer = in.readInt();
            int size = in.readInt();
            String outcome = in.readBoolean() ? in.readUTF() : null;
            if (version == 1) {
                events.add(new TraceEvent(time, vios, layer, kind, id, peer, size, outcome));
                continue;
            }
            org.viosbench.protocol.MessageType type = org.viosbench.protocol.MessageType.fromCode(in.readUnsignedShort());
            int flags = in.readUnsignedShort();
            int length = in.readInt();
            if (length < -1 || length > in.available()) {
                throw new IOException("event " + i + " claims a packet of " + length + " bytes, " + in.available() + " left");
            }
            byte[] packet = null;
            if (length >= 0) {
                packet = new byte[length];
                in.readFully(packet);
            }
            if (packet != null && kind != TraceKind.TRANSMIT) {
                throw new IOException("event " + i + " is a " + kind + " with a packet; only sends carry one");
            }
            events.add(new TraceEvent(time, vios, layer, kind, id, peer, size, outcome, type, flags, packet));
        }
        return events;
    }
}
