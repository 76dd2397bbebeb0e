package org.viosbench.json;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * JSON text read strictly: a key twice in one object, anything after the value, and an empty text
 * are refused like a syntax error, with the line and column. What the value holds is then read
 * through {@link JsonAt}, which names the JSON path of each problem.
 */
public final class StrictJson {
    /** Deepest nesting of arrays and objects read; no viosbench format comes near it. */
    public static final int MAX_DEPTH = 64;
    /** Longest string read (a packet's hex is the longest anyone writes). */
    public static final int MAX_STRING = 4 << 20;
    /** Longest number read, in digits. */
    public static final int MAX_NUMBER = 64;

    private static final ObjectMapper MAPPER = new ObjectMapper(com.fasterxml.jackson.core.JsonFactory.builder()
            .streamReadConstraints(com.fasterxml.jackson.core.StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH)
                    .maxStringLength(MAX_STRING).maxNumberLength(MAX_NUMBER).build())
            .build()).enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private StrictJson() {
    }

    /** The one JSON value of a file a user hands over, read within bounds ({@link InputFiles#read}). */
    public static JsonAt file(java.nio.file.Path file, long maxBytes) throws java.io.IOException, InputException {
        return JsonAt.root(parse(InputFiles.read(file, maxBytes)));
    }

    /** The one JSON value of {@code text}. */
    public static JsonNode parse(String text) throws InputException {
        return parse(text, 0);
    }

    /**
     * The one JSON value of line {@code line} of a JSON-lines text (its locations counted in the
     * whole text), or of a whole text when {@code line} is 0.
     */
    public static JsonNode parse(String text, int line) throws InputException {
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JsonParseException e) {
            throw new InputException(where(e, line), "not valid JSON: " + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw new InputException(where(e, line), plain(String.valueOf(e.getOriginalMessage())));
        } catch (RuntimeException e) { // a parser limit some Jackson versions report unchecked: said, never passed on raw
            throw new InputException(line == 0 ? "unknown place" : "line " + line, "not read: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + plain(e.getMessage())));
        }
        if (root == null || root.isMissingNode()) {
            throw new InputException(line == 0 ? "line 1, column 1" : "line " + line, line == 0 ? "the file is empty" : "the line is empty");
        }
        return root;
    }

    /** Jackson's words for the two strict rules, said for people; anything else as Jackson says it. */
    private static String plain(String jackson) {
        java.util.regex.Matcher duplicate = java.util.regex.Pattern.compile("^Duplicate field '(.*)' for").matcher(jackson);
        if (duplicate.find()) {
            return "the key \"" + duplicate.group(1) + "\" appears twice in one object";
        }
        if (jackson.startsWith("Trailing token")) {
            return "more after the JSON value (one value is allowed)";
        }
        if (jackson.contains("nesting depth")) {
            return "nested deeper than " + MAX_DEPTH + " levels";
        }
        if (jackson.contains("String value length")) {
            return "a string longer than " + MAX_STRING + " characters";
        }
        if (jackson.contains("Number value length")) {
            return "a number longer than " + MAX_NUMBER + " digits";
        }
        return jackson.length() > 200 ? jackson.substring(0, 200) + "..." : jackson;
    }

    private static String where(JsonProcessingException e, int line) {
        if (e.getLocation() == null) {
            return line == 0 ? "unknown place" : "line " + line;
        }
        return "line " + (line == 0 ? e.getLocation().getLineNr() : line) + ", column " + e.getLocation().getColumnNr();
    }
}
