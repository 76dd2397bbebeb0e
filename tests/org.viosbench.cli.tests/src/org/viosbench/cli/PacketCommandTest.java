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
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.viosbench.protocol.Packet;
import org.viosbench.protocol.PacketDecoder;
import org.viosbench.protocol.PacketEncoder;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;

class PacketCommandTest {
    /** The unicast-request example of docs/protocol.md. */
    static final String UNICAST = "56494f5301000030000100020000000101020304050607080000000700010028000000059a71bb4ccee2236c00000002"
            + "01010006000000010001020000040000138803010002000a0401000600000001000b05000002000b68656c6c6f";
    static final String UNKNOWN_ENTRY = "56494f530100003400020000000000050000000000000009000000030002000c00000000000000005fb99db9"
            + "00000006000000070301000200017f000002cafe";

    @TempDir
    Path tmp;

    @Test
    void decodePrintsEveryFieldAsJson() throws Exception {
        Run r = CliTest.run("packet", "decode", "--hex", UNICAST);
        assertEquals(Cli.OK, r.code(), r.err());
        JsonNode j = r.json();
        assertTrue(j.get("ok").asBoolean());
        assertEquals("DATA", j.at("/header/type").asText());
        assertEquals("RESPONSE_REQUESTED", j.at("/header/flags/0").asText());
        assertEquals(72623859790382856L, j.at("/header/messageId").asLong());
        assertEquals(2, j.at("/header/destinations/0").asInt());
        assertEquals("ALL", j.at("/subHeader/expectedResponses/policy").asText());
        assertEquals(5000, j.at("/subHeader/timeoutMillis").asInt());
        assertEquals(11, j.at("/subHeader/replyTo/daemon").asInt());
        assertEquals("68656c6c6f", j.at("/payload/hex").asText());
    }

    @Test
    void malformedPacketGivesReasonAndOffsetAndExitsOne() throws Exception {
        String bad = "00" + UNICAST.substring(2);
        Run r = CliTest.run("packet", "decode", "--hex", bad);
        assertEquals(Cli.FAILURE, r.code());
        JsonNode j = r.json();
        assertFalse(j.get("ok").asBoolean());
        assertEquals("BAD_MAGIC", j.get("error").asText());
        assertEquals(0, j.get("offset").asInt());
        Run truncated = CliTest.run("packet", "decode", "--hex", UNICAST.substring(0, 100));
        assertEquals("TRUNCATED", truncated.json().get("error").asText());
        assertEquals(50, truncated.json().get("offset").asInt());
    }

    @Test
    void decodeReadsRawBytesFromAFile() throws Exception {
        Path f = tmp.resolve("p.bin");
        Files.write(f, ByteBufUtil.decodeHexDump(UNICAST));
        Run r = CliTest.run("packet", "decode", "--file", f.toString());
        assertEquals(Cli.OK, r.code(), r.err());
        assertEquals(CliTest.run("packet", "decode", "--hex", UNICAST).out(), r.out());
        Run missing = CliTest.run("packet", "decode", "--file", tmp.resolve("none").toString());
        assertEquals(Cli.FAILURE, missing.code());
        assertTrue(missing.json().get("detail").asText().contains("no such file"));
    }

    @Test
    void decodeThenEncodeRoundTripsExactly() throws Exception {
        for (String hex : new String[] { UNICAST, UNKNOWN_ENTRY }) {
            Path json = tmp.resolve("p.json");
            Files.writeString(json, CliTest.run("packet", "decode", "--hex", hex).out());
            Run enc = CliTest.run("packet", "encode", "--json", json.toString());
            assertEquals(Cli.OK, enc.code(), enc.err() + enc.out());
            assertEquals(hex, enc.out().strip());
        }
    }

    @Test
    void aNewerMinorShowsItsWireLengthsAndEncodesAsGiven() throws Exception {
        Packet unicast = (Packet) PacketDecoder.decode(Unpooled.wrappedBuffer(ByteBufUtil.decodeHexDump(UNICAST)));
        Packet newer = new Packet(unicast.header().withVersion(2, new byte[] { (byte) 0xDE, (byte) 0xAD, (byte) 0xBE, (byte) 0xEF }),
                unicast.subHeader(), unicast.payloadBytes());
        String hex = ByteBufUtil.hexDump(PacketEncoder.INSTANCE.encodeToArray(newer));
        Run r = CliTest.run("packet", "decode", "--hex", hex);
        assertEquals(Cli.OK, r.code(), r.err());
        assertEquals(2, r.json().at("/header/versionMinor").asInt());
        assertEquals(52, r.json().at("/header/headerLength").asInt(), "the header as on the wire");
        assertEquals(hex.length() / 2, r.json().get("length").asInt(), "the packet as on the wire");
        assertEquals("deadbeef", r.json().at("/header/extensionHex").asText());
        Path json = tmp.resolve("newer.json");
        Files.writeString(json, r.out());
        assertEquals(hex, CliTest.run("packet", "encode", "--json", json.toString()).out().strip());

        ObjectNode minorOne = (ObjectNode) CliTest.run("packet", "decode", "--hex", UNICAST).json();
        ((ObjectNode) minorOne.get("header")).put("versionMinor", 1);
        Files.writeString(json, minorOne.toString());
        String written = CliTest.run("packet", "encode", "--json", json.toString()).out().strip();
        assertEquals("01", written.substring(10, 12), "minor version byte as given");
        ((ObjectNode) minorOne.get("header")).put("versionMinor", 0).put("extensionHex", "00000000");
        Files.writeString(json, minorOne.toString());
        Run refused = CliTest.run("packet", "encode", "--json", json.toString());
        assertEquals(Cli.FAILURE, refused.code(), refused.out());
        assertEquals("/header", refused.json().get("path").asText());
    }

    @Test
    void badJsonIsRefusedWithItsLocation() throws Exception {
        Path notJson = tmp.resolve("broken.json");
        Files.writeString(notJson, "{\n  \"header\": {\n    \"type\": DATA\n  }\n}\n");
        Run r = CliTest.run("packet", "encode", "--json", notJson.toString());
        assertEquals(Cli.FAILURE, r.code());
        assertTrue(r.json().get("detail").asText().contains("line 3"), r.out());

        ObjectNode good = (ObjectNode) CliTest.run("packet", "decode", "--hex", UNICAST).json();
        ((ObjectNode) good.get("header")).put("type", "SHOUT");
        Path badType = tmp.resolve("type.json");
        Files.writeString(badType, good.toString());
        Run t = CliTest.run("packet", "encode", "--json", badType.toString());
        assertEquals(Cli.FAILURE, t.code());
        assertEquals("/header/type", t.json().get("path").asText());

        ObjectNode rules = (ObjectNode) CliTest.run("packet", "decode", "--hex", UNICAST).json();
        ((ObjectNode) rules.get("header")).putArray("flags").add("BROADCAST");
        Path badRules = tmp.resolve("rules.json");
        Files.writeString(badRules, rules.toString());
        Run br = CliTest.run("packet", "encode", "--json", badRules.toString());
        assertEquals(Cli.FAILURE, br.code());
        assertTrue(br.json().get("detail").asText().contains("broadcast"), br.out());

        ObjectNode hex = (ObjectNode) CliTest.run("packet", "decode", "--hex", UNICAST).json();
        ((ObjectNode) hex.get("payload")).put("hex", "abc");
        Path badHex = tmp.resolve("hex.json");
        Files.writeString(badHex, hex.toString());
        assertEquals("/payload/hex", CliTest.run("packet", "encode", "--json", badHex.toString()).json().get("path").asText());
    }

    @Test
    void usageErrors() {
        assertEquals(Cli.USAGE, CliTest.run("packet").code());
        assertEquals(Cli.USAGE, CliTest.run("packet", "decode").code());
        assertEquals(Cli.USAGE, CliTest.run("packet", "decode", "--hex", "00", "--file", "x").code());
        assertEquals(Cli.USAGE, CliTest.run("packet", "decode", "--hex", "zz").code());
        assertEquals(Cli.USAGE, CliTest.run("packet", "encode").code());
        assertEquals(Cli.OK, CliTest.run("packet", "decode", "--help").code());
        assertEquals(Cli.OK, CliTest.run("packet", "encode", "--help").code());
    }
}
