package org.viosbench.engine;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.IntPredicate;

import org.viosbench.protocol.MessageType;
import org.viosbench.protocol.Wire;

/**
 * A message as a person or a file asks for it, before it is sent: the sending daemon, the type,
 * one or more destinations or a broadcast, the target daemon, the payload, the responses wanted
 * (none, all, the first, or at least N) with their timeout, and how many times to send it.
 * <p>
 * The one way user input becomes a {@link Message}: the Fire dialog and view, the Step Mode view,
 * scenario files, the node's JSON commands and step recipes all {@link #read} their fields here,
 * with one set of defaults ({@link #DEFAULT_SENDING_DAEMON}, {@link #DEFAULT_TARGET_DAEMON},
 * {@link #DEFAULT_TIMEOUT_MILLIS}, expect all), one set of checks against the protocol's limits
 * ({@link Wire}), and one wording of what is wrong, the field named where the input names it.
 */
public record MessageSpec(int sendingDaemon, MessageType type, boolean broadcast, int[] destinations, int targetDaemon, byte[] payload,
        Expect expect, int atLeast, int timeoutMillis, int repeat) {

    /** The responses wanted. */
    public enum Expect {
        /** No response: nothing waits. */
        NONE,
        /** One from every destination. */
        ALL,
        /** The first that comes; the others are cancelled. */
        FIRST,
        /** At least {@link MessageSpec#atLeast()} of them. */
        AT_LEAST;

        /** How it is written: "none", "all", "first", "at least N". */
        public String word() {
            return this == AT_LEAST ? "at least N" : name().toLowerCase(Locale.ROOT);
        }
    }

    /** The daemon that sends, unless said otherwise. */
    public static final int DEFAULT_SENDING_DAEMON = 20;
    /** The daemon addressed, unless said otherwise (every VIOS of a topology runs daemon 10). */
    public static final int DEFAULT_TARGET_DAEMON = 10;
    /** The response timeout, unless said otherwise (virtual time in step mode). */
    public static final int DEFAULT_TIMEOUT_MILLIS = (int) Message.DEFAULT_TIMEOUT.toMillis();
    /** Most copies of one message fired at once. */
    public static final int MAX_REPEAT = 10_000;

    /** The field names, as files and commands spell them. */
    public static final String SENDING_DAEMON = "sendingDaemon";
    public static final String TYPE = "type";
    public static final String TO = "to";
    public static final String BROADCAST = "broadcast";
    public static final String DAEMON = "daemon";
    public static final String PAYLOAD = "payload";
    public static final String PAYLOAD_HEX = "payloadHex";
    public static final String EXPECT = "expect";
    public static final String TIMEOUT = "timeoutMillis";
    public static final String REPEAT = "repeat";
    /** Every field, in the order they are checked. */
    public static final List<String> FIELDS = List.of(SENDING_DAEMON, TYPE, BROADCAST, TO, DAEMON, PAYLOAD, PAYLOAD_HEX, EXPECT, TIMEOUT, REPEAT);

    public MessageSpec {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(expect, "expect");
        destinations = destinations.clone();
        payload = payload.clone();
    }

    /** A spec from code (not user input), checked the same way. */
    public static MessageSpec of(int sendingDaemon, MessageType type, boolean broadcast, int[] destinations, int targetDaemon, byte[] payload,
            Expect expect, int atLeast, int timeoutMillis, int repeat) {
        MessageSpec s = new MessageSpec(sendingDaemon, type, broadcast, destinations, targetDaemon, payload, expect, atLeast, timeoutMillis,
                repeat);
        String problem = s.problem();
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        return s;
    }

    @Override
    public int[] destinations() {
        return destinations.clone();
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    /** The engine message this spec describes. */
    public Message message() {
        Message.Builder b = broadcast ? Message.broadcast() : Message.to(destinations);
        b.type(type).targetDaemon(targetDaemon).payload(payload).timeout(Duration.ofMillis(timeoutMillis));
        switch (expect) {
            case ALL -> b.expectAll();
            case FIRST -> b.expectFirst();
            case AT_LEAST -> b.expectAtLeast(atLeast);
            case NONE -> {
                // no response requested
            }
        }
        return b.build();
    }

    /** "vios2, vios3" or "broadcast". */
    public String describeTo(java.util.function.IntFunction<String> name) {
        if (broadcast) {
            return "broadcast";
        }
        StringBuilder s = new StringBuilder();
        for (int d : destinations) {
            s.append(s.length() == 0 ? "" : ", ").append(name.apply(d));
        }
        return s.toString();
    }

    /** What is wrong with this spec (unnamed fields), or null. */
    private String problem() {
        try {
            check(this, null, f -> f);
            return null;
        } catch (Invalid e) {
            return e.getMessage();
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MessageSpec m && sendingDaemon == m.sendingDaemon && type == m.type && broadcast == m.broadcast
                && Arrays.equals(destinations, m.destinations) && targetDaemon == m.targetDaemon && Arrays.equals(payload, m.payload)
                && expect == m.expect && atLeast == m.atLeast && timeoutMillis == m.timeoutMillis && repeat == m.repeat;
    }

    @Override
    public int hashCode() {
        return Objects.hash(sendingDaemon, type, broadcast, targetDaemon, expect, atLeast, timeoutMillis, repeat) * 961
                + Arrays.hashCode(destinations) * 31 + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        return "MessageSpec[" + type + " from daemon " + sendingDaemon + " to " + (broadcast ? "all" : Arrays.toString(destinations))
                + " daemon " + targetDaemon + ", " + payload.length + " B, expect " + (expect == Expect.AT_LEAST ? "at least " + atLeast
                        : expect.word()) + ", " + timeoutMillis + " ms, x" + repeat + "]";
    }

    /** Where a spec's fields come from: a form's text fields, or a JSON object of a file or command. */
    public interface Fields {
        /**
         * The value of {@code field}, or null when absent: a String (typed text, or a JSON string),
         * a Long (a JSON whole number), a Double (another JSON number), a Boolean, or a List of these
         * (a JSON array).
         */
        Object get(String field);

        /** How an error names {@code field}: "/steps/2/fire/daemon" in a file, "Target daemon" in a form. */
        String where(String field);

        /** Whether numbers and booleans may come as text (a form); a file must give numbers as numbers. */
        default boolean textual() {
            return false;
        }
    }

    /**
     * The fields of a form: {@code values} as typed (text; a list of ids for the destinations, a
     * boolean for a check box), named in errors by {@code labels} (the field name when it has none).
     */
    public static Fields form(java.util.Map<String, Object> values, java.util.Map<String, String> labels) {
        java.util.Map<String, Object> v = java.util.Map.copyOf(values);
        java.util.Map<String, String> l = java.util.Map.copyOf(labels);
        return new Fields() {
            @Override
            public Object get(String field) {
                return v.get(field);
            }

            @Override
            public String where(String field) {
                return l.getOrDefault(field, field);
            }

            @Override
            public boolean textual() {
                return true;
            }
        };
    }

    /** User input that does not make a message: {@link #where()} names the field, {@link #problem()} says what is wrong there. */
    public static final class Invalid extends org.viosbench.json.InputException {
        private static final long serialVersionUID = 1L;

        public Invalid(String where, String problem) {
            super(where, problem);
        }

        /** A problem the strict JSON reader found in the object that holds the message. */
        public Invalid(org.viosbench.json.InputException e) {
            super(e);
        }
    }

    /**
     * Reads a spec from {@code f}, absent fields taking the defaults.
     *
     * @param vioses which VIOS ids a destination may name (those of the topology or cluster), or null for any
     * @throws Invalid naming the first field that is wrong
     */
    public static MessageSpec read(Fields f, IntPredicate vioses) throws Invalid {
        Reader r = new Reader(f);
        int sending = (int) r.whole(SENDING_DAEMON, DEFAULT_SENDING_DAEMON, 0, Wire.MAX_DAEMON);
        MessageType type = r.type();
        boolean broadcast = r.bool(BROADCAST);
        int[] to = r.destinations(broadcast);
        int target = (int) r.whole(DAEMON, DEFAULT_TARGET_DAEMON, 0, Wire.MAX_DAEMON);
        byte[] payload = r.payload();
        Expect expect = Expect.ALL;
        int atLeast = 0;
        Object e = f.get(EXPECT);
        if (e instanceof Long || e instanceof Double || e instanceof String s && f.textual() && !s.isBlank()
                && Character.isDigit(s.strip().charAt(0))) {
            expect = Expect.AT_LEAST;
            atLeast = (int) r.whole(EXPECT, 0, 1, Wire.MAX_EXPECTED_RESPONSES);
        } else if (e != null) {
            String word = e instanceof String s ? s.strip() : null;
            expect = word == null ? null : switch (word) {
                case "none" -> Expect.NONE;
                case "all" -> Expect.ALL;
                case "first" -> Expect.FIRST;
                default -> null;
            };
            if (expect == null) {
                throw new Invalid(f.where(EXPECT), "must be \"all\", \"first\", \"none\" or a number of responses, not " + show(e));
            }
        }
        int timeout = (int) r.whole(TIMEOUT, DEFAULT_TIMEOUT_MILLIS, 0, Wire.MAX_TIMEOUT_MILLIS);
        int repeat = (int) r.whole(REPEAT, 1, 1, MAX_REPEAT);
        MessageSpec spec = new MessageSpec(sending, type, broadcast, to, target, payload, expect, atLeast, timeout, repeat);
        check(spec, vioses, f::where);
        return spec;
    }

    /** The checks between fields; the one that fails is named through {@code where}. */
    private static void check(MessageSpec s, IntPredicate vioses, java.util.function.UnaryOperator<String> where) throws Invalid {
        if (!s.broadcast && s.destinations.length == 0) {
            throw new Invalid(where.apply(TO), "needs at least one VIOS, or a broadcast");
        }
        if (s.broadcast && s.destinations.length > 0) {
            throw new Invalid(where.apply(TO), "names destinations of a broadcast: give either \"to\" or \"broadcast\": true");
        }
        if (s.destinations.length > Wire.MAX_DESTINATIONS) {
            throw new Invalid(where.apply(TO), "lists " + s.destinations.length + " VIOSes; a packet lists at most " + Wire.MAX_DESTINATIONS);
        }
        if (vioses != null) {
            for (int d : s.destinations) {
                if (!vioses.test(d)) {
                    throw new Invalid(where.apply(TO), "VIOS " + Integer.toUnsignedString(d) + " is not in the cluster");
                }
            }
        }
        if (s.payload.length > Wire.MAX_PAYLOAD_LENGTH) {
            throw new Invalid(where.apply(PAYLOAD), s.payload.length + " bytes; a payload is at most " + Wire.MAX_PAYLOAD_LENGTH);
        }
        if (s.expect == Expect.AT_LEAST && (s.atLeast < 1 || s.atLeast > Wire.MAX_EXPECTED_RESPONSES)) {
            throw new Invalid(where.apply(EXPECT), "at least N needs N in 1.." + Wire.MAX_EXPECTED_RESPONSES + ", not " + s.atLeast);
        }
        if (s.expect == Expect.AT_LEAST && !s.broadcast && s.atLeast > s.destinations.length) {
            throw new Invalid(where.apply(EXPECT), "at least " + s.atLeast + " responses, but only " + s.destinations.length
                    + " VIOS(es) are asked");
        }
        if (s.sendingDaemon < 0 || s.sendingDaemon > Wire.MAX_DAEMON || s.targetDaemon < 0 || s.targetDaemon > Wire.MAX_DAEMON) {
            throw new Invalid(where.apply(s.sendingDaemon < 0 || s.sendingDaemon > Wire.MAX_DAEMON ? SENDING_DAEMON : DAEMON),
                    "a daemon id is 0.." + Wire.MAX_DAEMON);
        }
        if (s.timeoutMillis < 0 || s.repeat < 1 || s.repeat > MAX_REPEAT) {
            throw new Invalid(where.apply(s.timeoutMillis < 0 ? TIMEOUT : REPEAT), s.timeoutMillis < 0 ? "cannot be negative"
                    : "must be 1.." + MAX_REPEAT);
        }
    }

    /** A value for an error message, cut short. */
    private static String show(Object v) {
        String s = v instanceof String t ? "\"" + t + "\"" : String.valueOf(v);
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }

    /** Typed access to the fields. */
    private record Reader(Fields f) {

        long whole(String field, long absent, long min, long max) throws Invalid {
            Object v = f.get(field);
            if (v == null || v instanceof String s && f.textual() && s.isBlank() && absent >= min) {
                return absent;
            }
            Long n = number(v);
            if (n == null || n < min || n > max) {
                throw new Invalid(f.where(field), "must be a whole number " + min + ".." + max + ", not " + show(v));
            }
            return n;
        }

        /** {@code v} as a whole number: a number, or (from a form) its text; null when it is neither. */
        private Long number(Object v) {
            if (v instanceof Long l) {
                return l;
            }
            if (v instanceof String s && f.textual()) {
                try {
                    return Long.parseLong(s.strip());
                } catch (NumberFormatException e) {
                    return null;
                }
            }
            return null;
        }

        boolean bool(String field) throws Invalid {
            Object v = f.get(field);
            if (v == null) {
                return false;
            }
            if (v instanceof Boolean b) {
                return b;
            }
            if (v instanceof String s && f.textual() && (s.equals("true") || s.equals("false"))) {
                return s.equals("true");
            }
            throw new Invalid(f.where(field), "must be true or false, not " + show(v));
        }

        MessageType type() throws Invalid {
            Object v = f.get(TYPE);
            if (v == null) {
                return MessageType.DATA;
            }
            if (v instanceof String s) {
                for (MessageType t : MessageType.values()) {
                    if (t.name().equals(s.strip())) {
                        return t;
                    }
                }
            }
            throw new Invalid(f.where(TYPE), "must be one of " + Arrays.toString(MessageType.values()) + ", not " + show(v));
        }

        int[] destinations(boolean broadcast) throws Invalid {
            Object v = f.get(TO);
            if (v == null) {
                return new int[0];
            }
            if (!(v instanceof List<?> list)) {
                throw new Invalid(f.where(TO), "must be a list of VIOS ids, not " + show(v));
            }
            int[] ids = new int[list.size()];
            for (int i = 0; i < ids.length; i++) {
                Object id = list.get(i);
                Long parsed = number(id);
                long n = parsed == null ? -1 : parsed;
                if (n < 0 || n > Wire.MAX_VIOS_ID) {
                    throw new Invalid(f.where(TO) + "/" + i, "must be a VIOS id 0.." + Wire.MAX_VIOS_ID + ", not " + show(id));
                }
                ids[i] = (int) n;
            }
            return Arrays.stream(ids).distinct().toArray();
        }

        byte[] payload() throws Invalid {
            Object text = f.get(PAYLOAD);
            Object hex = f.get(PAYLOAD_HEX);
            if (text != null && hex != null) {
                throw new Invalid(f.where(PAYLOAD_HEX), "give the payload once: as text (\"payload\") or as hex (\"payloadHex\")");
            }
            if (text != null) {
                if (!(text instanceof String s)) {
                    throw new Invalid(f.where(PAYLOAD), "must be text, not " + show(text));
                }
                return s.getBytes(StandardCharsets.UTF_8);
            }
            if (hex != null) {
                if (!(hex instanceof String s)) {
                    throw new Invalid(f.where(PAYLOAD_HEX), "must be the payload's bytes in hex, not " + show(hex));
                }
                String digits = s.replaceAll("\\s", "");
                if (digits.length() > 2L * Wire.MAX_PAYLOAD_LENGTH) {
                    throw new Invalid(f.where(PAYLOAD_HEX), digits.length() / 2 + " bytes; a payload is at most " + Wire.MAX_PAYLOAD_LENGTH);
                }
                try {
                    return HexFormat.of().parseHex(digits);
                } catch (IllegalArgumentException e) {
                    throw new Invalid(f.where(PAYLOAD_HEX), "must be hex: an even number of digits 0-9, a-f");
                }
            }
            return new byte[0];
        }
    }
}
