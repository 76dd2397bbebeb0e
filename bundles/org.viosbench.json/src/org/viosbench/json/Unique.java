package org.viosbench.json;

import java.util.HashMap;
import java.util.Map;

/** Values a document must not repeat (ids, names, serials), each remembered with the JSON path where it was first seen. */
public final class Unique {
    private final Map<String, String> seen = new HashMap<>();

    /**
     * {@code value} of field {@code field} of {@code at}, a {@code what} ("VIOS id"), refused when an
     * earlier {@code what} had it; {@code why} (may be empty) says why it must be unique.
     */
    public <T> T of(String what, JsonAt at, String field, T value, String why) throws InputException {
        String earlier = seen.putIfAbsent(what + '\u0000' + value, at.pathOf(field));
        if (earlier != null) {
            throw at.problem(field, what + " " + value + " is already used at " + earlier + (why.isEmpty() ? "" : " (" + why + ")"));
        }
        return value;
    }
}
