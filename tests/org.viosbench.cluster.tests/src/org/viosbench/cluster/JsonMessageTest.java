package org.viosbench.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.viosbench.engine.MessageSpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Messages in JSON files and commands: strict types, unknown fields refused, errors at the JSON path. */
class JsonMessageTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static MessageSpec read(String json) throws Exception {
        return JsonMessage.read(JSON.readTree(json), "/steps/0/fire", Set.of("from"), Map.of(), id -> id >= 1 && id <= 4);
    }

    @Test
    void aScenarioStyleMessageReads() throws Exception {
        MessageSpec s = read("{\"from\":1,\"to\":[2,4],\"daemon\":10,\"payload\":\"hi\",\"expect\":\"first\",\"timeoutMillis\":300}");
        assertEquals(MessageSpec.Expect.FIRST, s.expect());
        assertEquals(300, s.timeoutMillis());
        assertEquals("hi", new String(s.payload()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown field      | {"to":[2],"deamon":10}       | /steps/0/fire/deamon: unknown field
            number as string   | {"to":[2],"daemon":"10"}   | /steps/0/fire/daemon: must be a whole number 0..65535, not "10"
            float              | {"to":[2],"daemon":10.0}     | /steps/0/fire/daemon: must be a whole number 0..65535, not 10.0
            null               | {"to":[2],"daemon":null}     | /steps/0/fire/daemon: must be a whole number 0..65535, not null
            huge               | {"to":[2],"daemon":123456789012345678901234567890} | /steps/0/fire/daemon: must be a whole number
            id as string       | {"to":["2"]}                 | /steps/0/fire/to/0: must be a VIOS id
            wrapping id        | {"to":[4294967298]}           | /steps/0/fire/to/0: must be a VIOS id 0..4294967295
            VIOS not there     | {"to":[9]}                    | /steps/0/fire/to: VIOS 9 is not in the cluster
            heal false style   | {"broadcast":false}           | /steps/0/fire/to: needs at least one VIOS, or a broadcast
            not an object      | [1,2]                           | /steps/0/fire: expected a JSON object, found an array
            """)
    void refusedWithTheJsonPath(String name, String json, String expected) {
        org.viosbench.testing.Refusals.refused(MessageSpec.Invalid.class, () -> read(json), name, expected);
    }

    @Test
    void aFormatMayNameAFieldItsOwnWay() throws Exception {
        JsonNode n = JSON.readTree("{\"broadcast\":true,\"targetDaemon\":12}");
        assertEquals(12, JsonMessage.read(n, "/choices/0/fire/message", Set.of(), Map.of(MessageSpec.DAEMON, "targetDaemon"), null)
                .targetDaemon());
        MessageSpec.Invalid e = assertThrows(MessageSpec.Invalid.class, () -> JsonMessage.read(JSON.readTree("{\"broadcast\":true,\"targetDaemon\":-1}"),
                "/m", Set.of(), Map.of(MessageSpec.DAEMON, "targetDaemon"), null));
        assertEquals("/m/targetDaemon", e.where());
    }
}
