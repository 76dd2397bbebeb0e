package org.viosbench.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.viosbench.engine.Layer;
import org.viosbench.engine.TraceEvent;
import org.viosbench.engine.TraceKind;

/** Trace files: exact round trips, every kind of bad file refused whole with its line, and a million events. */
class TraceFileTest {

    @TempDir
    Path tmp;

    @Test
    void roundTripsExactly() throws Exception {
        RecordedTrace t = TraceCursorTest.broadcast();
        Path f = tmp.resolve("run.jsonl");
        TraceFile.write(t, f);
        RecordedTrace back = TraceFile.read(f);
        assertEquals(t, back);
        assertEquals(t.size() + 1, Files.readAllLines(f).size(), "a description line, then one line per event");
        assertTrue(Files.readAllLines(f).get(0).contains("\"format\":\"viosbench-trace\""));
    }

    /** Bytes that are not UTF-8, a line longer than any event, a FIFO: refused with the line, bounded in time and memory. */
    @Test
    void notTextTooLongAndNotAFileAreRefused() throws Exception {
        Path f = broken(3, "\"outcome\"", "\"outcome\"");
        byte[] bytes = Files.readAllBytes(f);
        int third = 0;
        for (int i = 0, nl = 0; i < bytes.length && nl < 2; i++) {
            if (bytes[i] == '\n' && ++nl == 2) {
                third = i + 1;
            }
        }
        bytes[third + 1] = (byte) 0xFF;
        Files.write(f, bytes);
        TraceFileException latin = assertThrows(TraceFileException.class, () -> TraceFile.read(f));
        assertEquals(3, latin.line(), latin.getMessage());
        assertTrue(latin.getMessage().startsWith("line 3, byte 1: not UTF-8 text"), latin.getMessage());

        List<String> lines = new ArrayList<>(Files.readAllLines(broken(2, "\"outcome\"", "\"outcome\"")));
        lines.set(1, "{\"outcome\":\"" + "x".repeat(TraceFile.MAX_LINE) + "\"}");
        Files.write(f, lines);
        TraceFileException longLine = assertThrows(TraceFileException.class, () -> TraceFile.read(f));
        assertEquals(2, longLine.line());
        assertTrue(longLine.getMessage().contains("longer than"), longLine.getMessage());

        Path fifo = tmp.resolve("fifo.jsonl");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        assertTrue(assertThrows(TraceFileException.class, () -> TraceFile.read(fifo)).getMessage().contains("not a regular file"));
    }

    private Path broken(int line, String from, String to) throws Exception {
        Path f = tmp.resolve("bad.jsonl");
        TraceFile.write(TraceCursorTest.broadcast(), f);
        List<String> lines = new ArrayList<>(Files.readAllLines(f));
        assertTrue(lines.get(line - 1).contains(from), lines.get(line - 1));
        lines.set(line - 1, lines.get(line - 1).replace(from, to));
        Files.write(f, lines);
        return f;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "not JSON          | 3 | {\"t\"        | {t            | not valid JSON",
            "wrong format      | 1 | viosbench-trace | other      | not a viosbench trace",
            "newer version     | 1 | \"version\":3 | \"version\":4 | written by a newer viosbench",
            "flags without type| 2 | \"type\":\"DATA\", | ''     | without \"type\"",
            "bad type          | 2 | \"DATA\"    | \"DATUM\"   | not one of",
            "flags too wide    | 2 | \"flags\":3 | \"flags\":65536 | 16-bit",
            "unknown kind      | 4 | \"SYSCALL\"   | \"SYSCAL\"    | not one of",
            "missing field     | 5 | ,\"bytes\":60 | ''          | missing field \"bytes\"",
            "unknown field     | 6 | \"outcome\"   | \"result\"    | unknown field \"result\"",
            "text for number   | 7 | \"msg\":7     | \"msg\":\"7\" | expected a whole number",
            "time going back   | 8 | \"t\":1006    | \"t\":5       | goes back",
            "key twice         | 4 | \"SYSCALL\"   | \"SYSCALL\",\"kind\":\"SYSCALL\" | appears twice",
            "two values        | 6 | \"outcome\"   | \"outcome\":1} {\"outcome\" | more after the JSON value",
    })
    void badFilesAreRefusedWithTheirLine(String name, int line, String from, String to, String why) throws Exception {
        Path f = broken(line, from, to);
        TraceFileException e = assertThrows(TraceFileException.class, () -> TraceFile.read(f), name);
        assertEquals(line, e.line(), e.getMessage());
        assertTrue(e.getMessage().contains(why), e.getMessage());
    }

    /** The trace of {@link TraceCursorTest#broadcast()} with a packet on its first kcluster send. */
    private static RecordedTrace withPacket(byte[] bytes) {
        RecordedTrace t = TraceCursorTest.broadcast();
        int send = 0;
        while (t.event(send).kind() != TraceKind.TRANSMIT) {
            send++;
        }
        return new RecordedTrace(t.events(), t.names(), java.util.Map.of(send, bytes));
    }

    @Test
    void packetsOfSendsRoundTripAndVersionOneFilesStillRead() throws Exception {
        byte[] bytes = { 0x56, 0x49, 0x4F, 0x53, 1, 0, (byte) 0xFF };
        RecordedTrace t = withPacket(bytes);
        Path f = tmp.resolve("packets.jsonl");
        TraceFile.write(t, f);
        RecordedTrace back = TraceFile.read(f);
        assertEquals(t, back);
        int send = back.packetEvents().iterator().next();
        assertTrue(java.util.Arrays.equals(bytes, back.packet(send)));
        assertTrue(Files.readString(f).contains("\"packet\":\"56494f530100ff\""), Files.readString(f));
        assertEquals(null, back.packet(0), "event 0 is not a send");

        Path v2 = tmp.resolve("v2.jsonl");
        Files.writeString(v2, Files.readString(f).replace("\"version\":3", "\"version\":2"));
        TraceFileException older = assertThrows(TraceFileException.class, () -> TraceFile.read(v2));
        assertTrue(older.getMessage().contains("came with version 3"), older.getMessage());
        Files.writeString(v2, Files.readString(f).replace("\"version\":3", "\"version\":1").replaceAll(",\"type\":\"DATA\",\"flags\":\\d+", ""));
        TraceFileException old = assertThrows(TraceFileException.class, () -> TraceFile.read(v2));
        assertTrue(old.getMessage().contains("/packet: unknown field \"packet\" (it came with version 2)"), old.getMessage());
    }

    /** Files of versions 1 and 2 name no packet facts: they are inferred, the same as the engine records them now. */
    @Test
    void olderFilesReadWithTheFactsTheEngineRecordsNow() throws Exception {
        RecordedTrace now = TraceCursorTest.broadcast();
        Path f = tmp.resolve("now.jsonl");
        TraceFile.write(now, f);
        for (int version = 1; version <= 2; version++) {
            Path old = tmp.resolve("v" + version + ".jsonl");
            Files.writeString(old, Files.readString(f).replace("\"version\":3", "\"version\":" + version)
                    .replaceAll(",\"type\":\"DATA\",\"flags\":\\d+", ""));
            assertFalse(Files.readString(old).contains("flags"));
            RecordedTrace back = TraceFile.read(old);
            for (int i = 0; i < now.size(); i++) {
                assertEquals(now.event(i).response(), back.event(i).response(), "version " + version + ", " + now.event(i));
                assertEquals(now.event(i).type(), back.event(i).type(), "version " + version + ", " + now.event(i));
            }
            assertEquals(List.of(11), back.receiptsOf(10));
            assertEquals(List.of(10), back.responsesOf(7));
        }
    }

    @Test
    void badPacketsAreRefusedWithTheirLine() throws Exception {
        Path f = tmp.resolve("p.jsonl");
        TraceFile.write(withPacket(new byte[] { 1, 2 }), f);
        List<String> lines = new ArrayList<>(Files.readAllLines(f));
        int at = 0;
        while (!lines.get(at).contains("\"packet\"")) {
            at++;
        }
        String good = lines.get(at);
        lines.set(at, good.replace("\"0102\"", "\"01zz\""));
        Files.write(f, lines);
        TraceFileException hex = assertThrows(TraceFileException.class, () -> TraceFile.read(f));
        assertEquals(at + 1, hex.line());
        assertTrue(hex.getMessage().contains("in hex"), hex.getMessage());
        lines.set(at, good);
        lines.set(1, lines.get(1).replace("}", ",\"packet\":\"00\"}"));
        Files.write(f, lines);
        TraceFileException notSend = assertThrows(TraceFileException.class, () -> TraceFile.read(f));
        assertEquals(2, notSend.line());
        assertTrue(notSend.getMessage().contains("only kcluster sends"), notSend.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new RecordedTrace(TraceCursorTest.broadcast().events(),
                TraceCursorTest.broadcast().names(), java.util.Map.of(0, new byte[1])), "event 0 is not a send");
    }

    @Test
    void anEmptyFileIsRefused() throws Exception {
        Path f = tmp.resolve("empty.jsonl");
        Files.writeString(f, "");
        assertEquals(1, assertThrows(TraceFileException.class, () -> TraceFile.read(f)).line());
    }

    /**
     * A benchmark, not a timed test: a million-event trace written, read back and stepped through;
     * prints one JSON line (goals: open < 3 s, a step < 16 ms).
     */
    @Test
    void aMillionEventsOpenAndStep() throws Exception {
        List<TraceEvent> events = new ArrayList<>(1_000_000);
        Layer[] layers = Layer.values();
        TraceKind[] kinds = { TraceKind.SEND, TraceKind.COPY_IN, TraceKind.ROUTE, TraceKind.TRANSMIT, TraceKind.RECEIVE, TraceKind.DELIVER,
                TraceKind.COPY_OUT, TraceKind.HANDLE };
        for (int i = 0; i < 1_000_000; i++) {
            long msg = i / 20;
            TraceKind kind = i % 20 == 0 ? TraceKind.QUEUE_CREATE : i % 20 == 19 ? TraceKind.COMPLETE : i % 20 == 18 ? TraceKind.MATCH
                    : kinds[i % kinds.length];
            events.add(new TraceEvent(i * 100L, i % 16, layers[i % layers.length], kind, msg, (i + 1) % 16, 80, "ok"));
        }
        RecordedTrace t = new RecordedTrace(events, java.util.Map.of(0, "vios0"));
        Path f = tmp.resolve("million.jsonl");
        TraceFile.write(t, f);
        long r0 = System.nanoTime();
        RecordedTrace back = TraceFile.read(f);
        double openMs = (System.nanoTime() - r0) / 1e6;
        assertEquals(1_000_000, back.size());
        TraceCursor c = new TraceCursor(back);
        java.util.Random random = new java.util.Random(1);
        double worst = 0;
        long s0 = System.nanoTime();
        for (int i = 0; i < 1000; i++) {
            long a = System.nanoTime();
            c.jumpToEvent(random.nextInt(back.size()));
            c.stepBack();
            QueueState q = c.queue(back.event(Math.max(0, c.position() - 1)).messageId());
            assertTrue(q == null || q.expected() >= 0);
            worst = Math.max(worst, (System.nanoTime() - a) / 1e6);
        }
        double stepMs = (System.nanoTime() - s0) / 1e6 / 1000;
        System.out.println(String.format(Locale.ROOT,
                "{\"bench\":\"trace-cursor\",\"events\":%d,\"file_mb\":%.1f,\"open_ms\":%.0f,\"step_ms_avg\":%.3f,\"step_ms_max\":%.3f}",
                back.size(), Files.size(f) / 1e6, openMs, stepMs, worst));
    }
}
