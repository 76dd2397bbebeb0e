package org.viosbench.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The ShiViz log parses with its own regex, and every receipt's vector clock dominates its send's. */
class ShivizExportTest {

    private static Map<String, Long> clock(String json) {
        Map<String, Long> m = new HashMap<>();
        Matcher x = Pattern.compile("\"([^\"]+)\": (\\d+)").matcher(json);
        while (x.find()) {
            m.put(x.group(1), Long.parseLong(x.group(2)));
        }
        return m;
    }

    @Test
    void clocksJoinSendsAndReceipts() {
        RecordedTrace t = TraceCursorTest.broadcast();
        String log = ShivizExport.shiviz(t);
        String[] lines = log.split("\n", -1);
        assertEquals(ShivizExport.REGEX, lines[0]);
        assertEquals("", lines[1]);
        // ShiViz runs it in JavaScript, where a bare { } is literal; Java wants them escaped
        Pattern p = Pattern.compile(ShivizExport.REGEX.replace("\\n", "\n").replace("{", "\\{").replace("}", "\\}"));
        List<String[]> events = new ArrayList<>();
        for (int i = 2; i + 1 < lines.length; i += 2) {
            Matcher m = Pattern.compile("(?<host>\\S*) (?<clock>\\{.*\\})").matcher(lines[i + 1]);
            assertTrue(m.matches(), lines[i + 1]);
            events.add(new String[] { lines[i], m.group("host"), m.group("clock") });
        }
        assertEquals(15, events.size(), "every event of a message (membership ones left out)");
        assertTrue(p.matcher(lines[2] + "\n" + lines[3]).matches(), "ShiViz's regex reads it");
        // the receipt at vios2 (event 6) knows the send at vios1 (event 4)
        String[] send = events.get(4);
        String[] receipt = events.get(6);
        assertTrue(send[0].contains("TRANSMIT message 7 to vios2"), send[0]);
        assertTrue(receipt[0].contains("RECEIVE message 7 from vios1"), receipt[0]);
        Map<String, Long> s = clock(send[2]);
        Map<String, Long> r = clock(receipt[2]);
        s.forEach((h, c) -> assertTrue(r.getOrDefault(h, 0L) >= c, h + ": receipt " + r + " must know send " + s));
        assertEquals("vios2", receipt[1]);
    }
}
