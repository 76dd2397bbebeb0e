package org.viosbench.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.viosbench.protocol.CompletionPolicy;
import org.viosbench.protocol.MessageType;
import org.viosbench.protocol.Wire;

/** The one reader of messages from user input: defaults, the protocol's limits, and errors that name the field. */
class MessageSpecTest {

    /** Fields as a file gives them (typed), named by JSON-like paths. */
    private static MessageSpec.Fields file(Map<String, Object> v) {
        return new MessageSpec.Fields() {
            @Override
            public Object get(String field) {
                return v.get(field);
            }

            @Override
            public String where(String field) {
                return "/fire/" + field;
            }
        };
    }

    @Test
    void absentFieldsTakeTheOneSetOfDefaults() throws Exception {
        MessageSpec s = MessageSpec.read(file(Map.of("to", List.of(2L))), null);
        assertEquals(MessageSpec.DEFAULT_SENDING_DAEMON, s.sendingDaemon());
        assertEquals(MessageSpec.DEFAULT_TARGET_DAEMON, s.targetDaemon());
        assertEquals(MessageSpec.DEFAULT_TIMEOUT_MILLIS, s.timeoutMillis());
        assertEquals(Message.DEFAULT_TIMEOUT.toMillis(), s.timeoutMillis());
        assertEquals(MessageType.DATA, s.type());
        assertEquals(MessageSpec.Expect.ALL, s.expect());
        assertEquals(1, s.repeat());
        assertArrayEquals(new byte[0], s.payload());
        Message m = s.message();
        assertTrue(m.responsesWanted());
        assertEquals(CompletionPolicy.ALL, m.policy());
        assertArrayEquals(new int[] { 2 }, m.destinations());
    }

    @Test
    void everyFieldReadsAsGiven() throws Exception {
        Map<String, Object> v = new HashMap<>();
        v.put("sendingDaemon", 7L);
        v.put("type", "PING");
        v.put("broadcast", true);
        v.put("daemon", 11L);
        v.put("payloadHex", "c0 ff ee");
        v.put("expect", 2L);
        v.put("timeoutMillis", 0L);
        v.put("repeat", 3L);
        MessageSpec s = MessageSpec.read(file(v), null);
        assertEquals(new MessageSpec(7, MessageType.PING, true, new int[0], 11, new byte[] { (byte) 0xc0, (byte) 0xff, (byte) 0xee },
                MessageSpec.Expect.AT_LEAST, 2, 0, 3), s);
        assertEquals(CompletionPolicy.N_OF_M, s.message().policy());
        assertEquals(2, s.message().required());
        assertFalse(MessageSpec.read(file(Map.of("to", List.of(1L), "expect", "none")), null).message().responsesWanted());
        assertEquals(CompletionPolicy.FIRST, MessageSpec.read(file(Map.of("to", List.of(1L), "expect", "first")), null).message().policy());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            daemon as text in a file  | daemon        | '"10"'     | /fire/daemon: must be a whole number 0..65535
            daemon too large          | daemon        | 65536       | /fire/daemon: must be a whole number 0..65535, not 65536
            sending daemon negative   | sendingDaemon | -1          | /fire/sendingDaemon: must be a whole number 0..65535
            fractional timeout        | timeoutMillis | 2.5         | /fire/timeoutMillis: must be a whole number
            negative timeout          | timeoutMillis | -5          | /fire/timeoutMillis: must be a whole number 0..2147483647
            unknown type              | type          | '"PONG"'   | /fire/type: must be one of [DATA, PING
            broadcast as text         | broadcast     | '"yes"'    | /fire/broadcast: must be true or false
            bad expect word           | expect        | '"most"'   | /fire/expect: must be "all", "first", "none" or a number
            expect zero               | expect        | 0           | /fire/expect: must be a whole number 1..65535
            repeat zero               | repeat        | 0           | /fire/repeat: must be a whole number 1..10000
            bad hex                   | payloadHex    | '"zz"'     | /fire/payloadHex: must be hex
            """)
    void aWrongFieldIsNamedWithWhatIsWrong(String name, String field, String json, String expected) {
        Map<String, Object> v = new HashMap<>();
        v.put("to", List.of(1L, 2L));
        v.put(field, json.startsWith("\"") ? json.substring(1, json.length() - 1) : json.contains(".") ? (Object) Double.parseDouble(json)
                : (Object) Long.parseLong(json));
        assertEquals("/fire/" + field, org.viosbench.testing.Refusals.refused(MessageSpec.Invalid.class, () -> MessageSpec.read(file(v), null),
                name, expected).where());
    }

    @Test
    void rulesBetweenFieldsAndTheProtocolsLimits() {
        assertEquals("/fire/to: needs at least one VIOS, or a broadcast", invalid(Map.of()).getMessage());
        assertTrue(invalid(Map.of("broadcast", true, "to", List.of(1L))).getMessage().startsWith("/fire/to: names destinations of a broadcast"));
        assertTrue(invalid(Map.of("to", List.of(1L), "payload", "a", "payloadHex", "61")).getMessage().startsWith("/fire/payloadHex: give the payload once"));
        assertEquals("/fire/expect: at least 3 responses, but only 2 VIOS(es) are asked",
                invalid(Map.of("to", List.of(1L, 2L), "expect", 3L)).getMessage());
        assertEquals("/fire/to/1: must be a VIOS id 0..4294967295, not 4294967298",
                invalid(Map.of("to", List.of(1L, 0x1_0000_0002L))).getMessage(), "an id that would wrap around to VIOS 2");
        List<Object> many = new java.util.ArrayList<>();
        for (long i = 0; i <= Wire.MAX_DESTINATIONS; i++) {
            many.add(i);
        }
        assertTrue(invalid(Map.of("to", many)).getMessage().contains("at most " + Wire.MAX_DESTINATIONS));
        String tooBig = "a".repeat(Wire.MAX_PAYLOAD_LENGTH + 1);
        assertTrue(invalid(Map.of("to", List.of(1L), "payload", tooBig)).getMessage().startsWith("/fire/payload: " + (Wire.MAX_PAYLOAD_LENGTH + 1)
                + " bytes; a payload is at most " + Wire.MAX_PAYLOAD_LENGTH));
        MessageSpec.Invalid unknown = assertThrows(MessageSpec.Invalid.class,
                () -> MessageSpec.read(file(Map.of("to", List.of(1L, 9L))), id -> id < 5));
        assertEquals("/fire/to: VIOS 9 is not in the cluster", unknown.getMessage());
    }

    private static MessageSpec.Invalid invalid(Map<String, Object> v) {
        return assertThrows(MessageSpec.Invalid.class, () -> MessageSpec.read(file(v), null));
    }

    @Test
    void aFormGivesTextAndIsNamedByItsLabels() throws Exception {
        Map<String, Object> v = new HashMap<>();
        v.put("to", List.of(2L));
        v.put("daemon", " 12 ");
        v.put("expect", "2");
        v.put("timeoutMillis", "");
        v.put("broadcast", false);
        MessageSpec.Invalid few = assertThrows(MessageSpec.Invalid.class,
                () -> MessageSpec.read(MessageSpec.form(v, Map.of("expect", "N (for at least N)")), null));
        assertEquals("N (for at least N): at least 2 responses, but only 1 VIOS(es) are asked", few.getMessage());
        v.put("expect", "all");
        MessageSpec s = MessageSpec.read(MessageSpec.form(v, Map.of()), null);
        assertEquals(12, s.targetDaemon(), "text is trimmed");
        assertEquals(MessageSpec.DEFAULT_TIMEOUT_MILLIS, s.timeoutMillis(), "an empty field takes the default");
        v.put("daemon", "ten");
        MessageSpec.Invalid e = assertThrows(MessageSpec.Invalid.class,
                () -> MessageSpec.read(MessageSpec.form(v, Map.of("daemon", "Target daemon")), null));
        assertEquals("Target daemon: must be a whole number 0..65535, not \"ten\"", e.getMessage());
    }

    @Test
    void specsFromCodeAreCheckedTheSameWay() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MessageSpec.of(20, MessageType.DATA, false, new int[0],
                10, new byte[0], MessageSpec.Expect.ALL, 0, 100, 1));
        assertEquals("to: needs at least one VIOS, or a broadcast", e.getMessage());
    }
}
