package org.viosbench.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Strict JSON: every refusal names its place (line and column, or JSON path) and says what is wrong, the same way for every format. */
class JsonAtTest {

    private static JsonAt read(String text) throws InputException {
        return JsonAt.root(StrictJson.parse(text));
    }

    private static String refusal(String text, Reading r) {
        InputException e = assertThrows(InputException.class, () -> r.read(read(text)));
        assertEquals(e.where() + ": " + e.problem(), e.getMessage());
        return e.getMessage();
    }

    private interface Reading {
        void read(JsonAt root) throws InputException;
    }

    @Test
    void aWellFormedDocumentIsReadFieldByField() throws InputException {
        JsonAt root = read("{\"name\": \"c\", \"n\": 3, \"on\": true, \"list\": [{\"id\": 1}, {\"id\": 2}]}")
                .object(Set.of("name", "n", "on", "list", "later"));
        assertEquals("c", root.text("name"));
        assertEquals(3, root.integer("n", 0, 10));
        assertEquals(true, root.bool("on", false));
        assertEquals(7, root.integer("later", 0, 10, 7), "absent: the default");
        assertEquals("x", root.text("later", "x"));
        List<JsonAt> list = root.array("list");
        assertEquals(List.of("/list/0", "/list/1"), list.stream().map(JsonAt::path).toList());
        assertEquals(2, list.get(1).object(Set.of("id")).integer("id", 1, 2));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"a\": 1, \"a\": 2}|line 1, column 15: the key \"a\" appears twice in one object",
            "{\"a\": 1} {}|line 1, column 10: more after the JSON value (one value is allowed)",
            "{\"a\": |line 1, column 6: not valid JSON: Unexpected end-of-input",
            "'   '|line 1, column 1: the file is empty" })
    void syntaxIsRefusedWithLineAndColumn(String text, String expected) {
        InputException e = assertThrows(InputException.class, () -> StrictJson.parse(text));
        assertEquals(true, e.getMessage().startsWith(expected), e.getMessage());
    }

    @Test
    void contentIsRefusedAtItsJsonPath() throws InputException {
        assertEquals("/: expected a JSON object, found an array", refusal("[1]", r -> r.object(Set.of())));
        assertEquals("/b: unknown field \"b\" (known here: [a])", refusal("{\"b\": 1}", r -> r.object(Set.of("a"))));
        String longKey = "k".repeat(400);
        String clipped = "k".repeat(57) + "...";
        assertEquals("/" + clipped + ": unknown field \"" + clipped + "\" (known here: [a])", refusal("{\"" + longKey + "\": 1}",
                r -> r.object(Set.of("a"))), "a key from the input is clipped in the path too");
        assertEquals("/" + clipped, read("{}").pathOf(longKey));
        assertEquals("/a: missing field \"a\"", refusal("{\"a\": null}", r -> r.text("a")));
        assertEquals("/a: expected a string, found the number 1", refusal("{\"a\": 1}", r -> r.text("a")));
        assertEquals("/a: expected a whole number 0..9, found 10", refusal("{\"a\": 10}", r -> r.integer("a", 0, 9)));
        assertEquals("/a: expected a whole number 0..9, found 1.5", refusal("{\"a\": 1.5}", r -> r.integer("a", 0, 9)));
        assertEquals("/a: expected a whole number 0..9, found \"1\"", refusal("{\"a\": \"1\"}", r -> r.integer("a", 0, 9)));
        assertEquals("/a: expected a whole number 0..9223372036854775807, found 18446744073709551616",
                refusal("{\"a\": 18446744073709551616}", r -> r.integer("a", 0, Long.MAX_VALUE)));
        assertEquals("/a: expected true or false, found the string \"yes\"", refusal("{\"a\": \"yes\"}", r -> r.bool("a", false)));
        assertEquals("/a: expected an array, found an object", refusal("{\"a\": {}}", r -> r.array("a")));
        assertEquals("/a/1/id: expected a string, found true",
                refusal("{\"a\": [{\"id\": \"x\"}, {\"id\": true}]}", r -> {
                    for (JsonAt e : r.array("a")) {
                        e.text("id");
                    }
                }));
    }

    @Test
    void aJsonLinesLineIsPlacedInTheWholeText() {
        InputException e = assertThrows(InputException.class, () -> StrictJson.parse("{\"a\" 1}", 7));
        assertEquals(true, e.where().startsWith("line 7, column "), e.where());
        assertEquals("line 7: the line is empty", assertThrows(InputException.class, () -> StrictJson.parse("", 7)).getMessage());
    }
}
