package org.viosbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.viosbench.cli.CliTest.Run;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code viosbench topology validate|sample}: JSON out, exit 0 clean / 1 errors or unreadable / 2 usage. */
class TopologyCommandTest {

    @TempDir
    Path tmp;

    @Test
    void samplesAreWrittenAndValidateClean() throws Exception {
        Path file = tmp.resolve("medium.vios.json");
        Run sample = CliTest.run("topology", "sample", "medium", "--out", file.toString());
        assertEquals(Cli.OK, sample.code(), sample.err());
        assertEquals(16, sample.json().get("vioses").asInt());
        Run v = CliTest.run("topology", "validate", file.toString());
        assertEquals(Cli.OK, v.code(), v.out());
        JsonNode j = v.json();
        assertTrue(j.get("ok").asBoolean());
        assertEquals(64, j.get("lpars").asInt());
        assertEquals(0, j.get("problems").size());
        assertEquals(Cli.USAGE, CliTest.run("topology", "sample", "huge", "--out", file.toString()).code());
        assertEquals(Cli.USAGE, CliTest.run("topology").code());
    }

    @Test
    void problemsAndBadFilesExitOne() throws Exception {
        Path file = tmp.resolve("small.vios.json");
        assertEquals(Cli.OK, CliTest.run("topology", "sample", "small", "--out", file.toString()).code());
        // drop every mapping of lpar101: it loses its I/O paths
        String text = Files.readString(file).replaceAll("\\{\\s*\"lpar\" : 101,[^}]*\\},?\\s*", "");
        Files.writeString(file, text);
        Run v = CliTest.run("topology", "validate", file.toString());
        assertEquals(Cli.FAILURE, v.code(), v.out());
        JsonNode p = v.json().get("problems").get(0);
        assertEquals("ERROR", p.get("severity").asText());
        assertEquals("NO_IO_PATH", p.get("code").asText());
        assertEquals("LPAR lpar101", p.get("element").asText());
        assertEquals("cec1", p.get("cec").asText());

        Files.writeString(file, text.replace("\"version\" : 1", "\"version\" : 9"));
        Run newer = CliTest.run("topology", "validate", file.toString());
        assertEquals(Cli.FAILURE, newer.code());
        assertFalse(newer.json().get("ok").asBoolean());
        assertEquals("/version", newer.json().get("where").asText());
        assertTrue(newer.json().get("error").asText().contains("newer viosbench"), newer.out());

        Run missing = CliTest.run("topology", "validate", tmp.resolve("nope.vios.json").toString());
        assertEquals(Cli.FAILURE, missing.code());
        assertTrue(missing.json().get("error").asText().contains("no such file"), missing.out());
    }

    @Test
    void exportDrawsSvg() throws Exception {
        Path file = tmp.resolve("small.vios.json");
        assertEquals(Cli.OK, CliTest.run("topology", "sample", "small", "--out", file.toString()).code());
        Path svg = tmp.resolve("small.svg");
        Run r = CliTest.run("topology", "export", file.toString(), "--svg", svg.toString());
        assertEquals(Cli.OK, r.code(), r.out());
        String text = Files.readString(svg);
        assertTrue(text.startsWith("<?xml") && text.contains("<svg") && text.contains("vios4"), text.substring(0, 200));
        Files.writeString(file, "{");
        Run bad = CliTest.run("topology", "export", file.toString(), "--svg", svg.toString());
        assertEquals(Cli.FAILURE, bad.code());
        assertTrue(bad.json().get("where").asText().startsWith("line 1"), bad.out());
    }
}
