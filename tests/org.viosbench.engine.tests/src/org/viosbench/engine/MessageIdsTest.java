package org.viosbench.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Message ids carry their sender, so two VIOSes' requests never share an id. */
class MessageIdsTest {

    @Test
    void theSenderIsInTheHighBitsAndLabelsStayShort() {
        assertEquals(0, MessageIds.base(0));
        assertEquals(3L << 32, MessageIds.base(3));
        assertEquals(3, MessageIds.sender(MessageIds.base(3) + 7));
        assertEquals("7", MessageIds.label(7));
        assertEquals("3.7", MessageIds.label(MessageIds.base(3) + 7));
        assertEquals("4294967295.1", MessageIds.label(MessageIds.base(-1) + 1), "VIOS ids are unsigned");
    }
}
