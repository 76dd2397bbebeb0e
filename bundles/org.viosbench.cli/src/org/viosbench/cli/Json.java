package org.viosbench.cli;

import java.io.PrintWriter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** JSON output of the commands: one compact document per line. */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** Writes {@code value} as one line of JSON. */
    /** Prints {@code out} with {@code "ok":false,"error":message} added to the command's output; returns the failure exit code. */
    static int fail(picocli.CommandLine.Model.CommandSpec spec, com.fasterxml.jackson.databind.node.ObjectNode out, String message) {
        print(spec.commandLine().getOut(), out.put("ok", false).put("error", message));
        return Cli.FAILURE;
    }

    public static void print(PrintWriter out, Object value) {
        try {
            out.println(MAPPER.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
        out.flush();
    }
}
