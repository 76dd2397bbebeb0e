package org.viosbench.json;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A JSON value and its JSON path, read strictly: each accessor checks the type and range it
 * expects and refuses anything else with an {@link InputException} at the path of the offending
 * value ({@code /cecs/0/vioses/1/id}), worded the same for every format.
 */
public final class JsonAt {
    private final JsonNode node;
    private final String path;

    private JsonAt(JsonNode node, String path) {
        this.node = node;
        this.path = path;
    }

    /** The root value of a document (path "/"). */
    public static JsonAt root(JsonNode node) {
        return new JsonAt(node, "");
    }

    /** {@code node} at {@code path} (empty for the root). */
    public static JsonAt at(JsonNode node, String path) {
        return new JsonAt(node, path);
    }

    /** The JSON value. */
    public JsonNode node() {
        return node;
    }

    /** Its JSON path ("/" for the root). */
    public String path() {
        return path.isEmpty() ? "/" : path;
    }

    /** The path of {@code field} of this object (a field name from the input clipped as {@link #clipped} does). */
    public String pathOf(String field) {
        return path + "/" + clipped(field);
    }

    /** A problem with this value. */
    public InputException problem(String what) {
        return new InputException(path(), what);
    }

    /** A problem with {@code field} of this object. */
    public InputException problem(String field, String what) {
        return new InputException(pathOf(field), what);
    }

    /** This value, checked to be an object whose fields are all in {@code known}. */
    public JsonAt object(Set<String> known) throws InputException {
        if (!node.isObject()) {
            throw problem("expected a JSON object, found " + kind(node));
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            String f = it.next();
            if (!known.contains(f)) {
                throw problem(clipped(f), "unknown field \"" + clipped(f) + "\" (known here: " + new TreeSet<>(known) + ")");
            }
        }
        return this;
    }

    /** Whether {@code field} is given (and not null). */
    public boolean has(String field) {
        JsonNode v = node.get(field);
        return v != null && !v.isNull();
    }

    /** Field {@code field}, which must be given. */
    public JsonAt get(String field) throws InputException {
        if (!has(field)) {
            throw problem(field, "missing field \"" + field + "\"");
        }
        return new JsonAt(node.get(field), pathOf(field));
    }

    /** Field {@code field}, or null when it is not given. */
    public JsonAt find(String field) {
        return has(field) ? new JsonAt(node.get(field), pathOf(field)) : null;
    }

    /** This value as a string. */
    public String text() throws InputException {
        if (!node.isTextual()) {
            throw problem("expected a string, found " + kind(node));
        }
        return node.asText();
    }

    /** String field {@code field}, which must be given. */
    public String text(String field) throws InputException {
        return get(field).text();
    }

    /** String field {@code field}, which must be given and not blank. */
    public String nonBlank(String field) throws InputException {
        String text = text(field);
        if (text.isBlank()) {
            throw problem(field, "expected a non-empty string");
        }
        return text;
    }

    /** String field {@code field}, or {@code otherwise} when it is not given. */
    public String text(String field, String otherwise) throws InputException {
        return has(field) ? text(field) : otherwise;
    }

    /** This value as a whole number within {@code min..max}. */
    public long integer(long min, long max) throws InputException {
        if (!node.isIntegralNumber() || !node.canConvertToLong() || node.asLong() < min || node.asLong() > max) {
            throw problem("expected a whole number " + min + ".." + max + ", found " + shown(node));
        }
        return node.asLong();
    }

    /** Whole-number field {@code field} within {@code min..max}, which must be given. */
    public long integer(String field, long min, long max) throws InputException {
        return get(field).integer(min, max);
    }

    /** Whole-number field {@code field} within {@code min..max}, or {@code otherwise} when it is not given. */
    public long integer(String field, long min, long max, long otherwise) throws InputException {
        return has(field) ? integer(field, min, max) : otherwise;
    }

    /** This value as a number (whole or not) within {@code min..max}. */
    public double number(double min, double max) throws InputException {
        if (!node.isNumber() || node.asDouble() < min || node.asDouble() > max) {
            throw problem("expected a number " + plain(min) + ".." + plain(max) + ", found " + shown(node));
        }
        return node.asDouble();
    }

    /** Number field {@code field} within {@code min..max}, which must be given. */
    public double number(String field, double min, double max) throws InputException {
        return get(field).number(min, max);
    }

    private static String plain(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }

    /** This value as an unsigned 64-bit number (0..2^64-1), in a long's bits. */
    public long unsignedLong() throws InputException {
        if (!node.isIntegralNumber() || node.bigIntegerValue().signum() < 0 || node.bigIntegerValue().bitLength() > 64) {
            throw problem("expected a whole number 0..18446744073709551615, found " + shown(node));
        }
        return node.bigIntegerValue().longValue();
    }

    /** This value as the name of a constant of {@code type}. */
    public <E extends Enum<E>> E oneOf(Class<E> type) throws InputException {
        String name = text();
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(name)) {
                return e;
            }
        }
        throw problem(shown(node) + " is not one of " + List.of(type.getEnumConstants()));
    }

    /** This value as a boolean. */
    public boolean bool() throws InputException {
        if (!node.isBoolean()) {
            throw problem("expected true or false, found " + kind(node));
        }
        return node.asBoolean();
    }

    /** Boolean field {@code field}, or {@code otherwise} when it is not given. */
    public boolean bool(String field, boolean otherwise) throws InputException {
        return has(field) ? get(field).bool() : otherwise;
    }

    /** This value's elements, which must be an array. */
    public List<JsonAt> elements() throws InputException {
        if (!node.isArray()) {
            throw problem("expected an array, found " + kind(node));
        }
        List<JsonAt> out = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            out.add(new JsonAt(node.get(i), path + "/" + i));
        }
        return out;
    }

    /** The elements of array field {@code field}, which must be given. */
    public List<JsonAt> array(String field) throws InputException {
        return get(field).elements();
    }

    /** How a value is named in a problem: "an array", "the string \"x\"", "the number 3", "true", "null". */
    public static String kind(JsonNode n) {
        return switch (n.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case STRING -> "the string " + shown(n);
            case NUMBER -> "the number " + shown(n);
            case BOOLEAN -> n.asText();
            default -> "null";
        };
    }

    /** A value as a problem quotes it: at most 60 characters of its JSON, the rest elided. */
    public static String shown(JsonNode n) {
        return clipped(n.toString());
    }

    /** Text from the input as a problem quotes it: at most 60 characters, the rest elided. */
    public static String clipped(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }

    @Override
    public String toString() {
        return path() + " " + node;
    }
}
