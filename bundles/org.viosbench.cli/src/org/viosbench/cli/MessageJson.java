package org.viosbench.cli;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.viosbench.engine.Message;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A message to send, as the node's "send" command and scenario "fire" steps give it:
 * {@code {"to":[1,2] | "broadcast":true, "daemon":10, "payload":"text" | "payloadHex":"c0ffee",
 * "expect":"all"|"first"|N|"none", "timeoutMillis":5000}}.
 */
final class MessageJson {

    private MessageJson() {
    }

    /**
     * The message {@code n} describes.
     *
     * @throws PacketJson.JsonInputException naming the field ({@code path} is where {@code n} sits) that is wrong
     */
    static Message message(JsonNode n, String path) throws PacketJson.JsonInputException {
        Message.Builder m;
        try {
            if (n.path("broadcast").asBoolean(false)) {
                m = Message.broadcast();
            } else {
                JsonNode to = n.path("to");
                if (!to.isArray() || to.isEmpty()) {
                    throw new PacketJson.JsonInputException(path + "/to", "a list of VIOS ids, or \"broadcast\":true");
                }
                int[] ids = new int[to.size()];
                for (int i = 0; i < ids.length; i++) {
                    if (!to.get(i).canConvertToLong() || to.get(i).asLong() < 0 || to.get(i).asLong() > 0xFFFF_FFFFL) {
                        throw new PacketJson.JsonInputException(path + "/to/" + i, "a VIOS id, not " + to.get(i));
                    }
                    ids[i] = (int) to.get(i).asLong();
                }
                m = Message.to(ids);
            }
            byte[] payload = n.has("payload") ? n.path("payload").asText().getBytes(StandardCharsets.UTF_8)
                    : PacketJson.hex(n.path("payloadHex").asText(""), path + "/payloadHex");
            m.targetDaemon(n.path("daemon").asInt(10)).payload(payload).timeout(Duration.ofMillis(n.path("timeoutMillis").asLong(5000)));
            JsonNode expect = n.path("expect");
            if (expect.isInt()) {
                m.expectAtLeast(expect.asInt());
            } else if (expect.asText("all").equals("first")) {
                m.expectFirst();
            } else if (expect.asText("all").equals("all")) {
                m.expectAll();
            } else if (!expect.asText().equals("none")) {
                throw new PacketJson.JsonInputException(path + "/expect", "\"all\", \"first\", \"none\" or a number, not " + expect);
            }
            return m.build();
        } catch (IllegalArgumentException e) {
            throw new PacketJson.JsonInputException(path.isEmpty() ? "/" : path, e.getMessage());
        }
    }
}
