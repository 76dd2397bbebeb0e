package org.viosbench.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntPredicate;

import org.viosbench.engine.MessageSpec;
import org.viosbench.json.InputException;
import org.viosbench.json.JsonAt;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A message given as a JSON object — a scenario's fire step, a node's send command, a step
 * recipe's message — read by {@link MessageSpec#read}: the same defaults, checks and wording as
 * the Fire dialog, with errors at the field's JSON path. Numbers must be JSON numbers and flags
 * JSON booleans; a field the format does not know is refused.
 */
public final class JsonMessage {

    private JsonMessage() {
    }

    /**
     * The message object {@code n} at JSON path {@code path}.
     *
     * @param others the other fields the format puts in the same object ("from", "op", ...)
     * @param names the format's own names of spec fields where they differ (spec field → JSON field), e.g. daemon → targetDaemon
     * @param vioses the VIOS ids a destination may name, or null for any
     * @throws MessageSpec.Invalid at the JSON path of the field that is wrong
     */
    public static MessageSpec read(JsonNode n, String path, Set<String> others, Map<String, String> names, IntPredicate vioses)
            throws MessageSpec.Invalid {
        Set<String> known = new TreeSet<>(others);
        MessageSpec.FIELDS.forEach(f -> known.add(names.getOrDefault(f, f)));
        try {
            JsonAt.at(n, path).object(known);
        } catch (InputException e) {
            throw new MessageSpec.Invalid(e);
        }
        return MessageSpec.read(new MessageSpec.Fields() {
            @Override
            public Object get(String field) {
                JsonNode v = n.get(names.getOrDefault(field, field));
                return v == null ? null : value(v);
            }

            @Override
            public String where(String field) {
                return path + "/" + names.getOrDefault(field, field);
            }
        }, vioses);
    }

    /** A JSON value as {@link MessageSpec.Fields#get} gives it; anything else (null, an object) as the node, which no field accepts. */
    private static Object value(JsonNode v) {
        if (v.isIntegralNumber()) {
            return v.canConvertToLong() ? (Object) v.asLong() : v.asText();
        }
        if (v.isNumber()) {
            return v.asDouble();
        }
        if (v.isTextual()) {
            return v.asText();
        }
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        if (v.isArray()) {
            List<Object> list = new ArrayList<>();
            v.forEach(e -> list.add(value(e)));
            return list;
        }
        return v;
    }
}
