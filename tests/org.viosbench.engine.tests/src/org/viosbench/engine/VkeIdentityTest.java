package org.viosbench.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class VkeIdentityTest {

    @Test
    void inquiryDataFollowsTheScsiLayoutAndReadsBack() {
        VkeIdentity id = VkeIdentity.of(7);
        byte[] data = id.inquiryData();
        assertEquals(VkeIdentity.INQUIRY_LENGTH, data.length);
        assertEquals(VkeIdentity.DEVICE_TYPE, data[0]);
        assertEquals("VIOSBNCH", new String(data, 8, 8, java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals(id, VkeIdentity.fromInquiryData(data));
        assertEquals("vscsi7", id.adapter());
        assertNull(VkeIdentity.fromInquiryData(new byte[3]));
    }

    @Test
    void messageBuilderRefusesNonsense() {
        assertThrows(IllegalArgumentException.class, () -> Message.to());
        assertThrows(IllegalArgumentException.class, () -> Message.to(1).targetDaemon(70_000));
        assertThrows(IllegalArgumentException.class, () -> Message.to(1).expectAtLeast(0));
        assertThrows(IllegalArgumentException.class, () -> Message.to(1).timeout(Duration.ofMillis(-1)));
        assertEquals(2, Message.to(3, 3, 4).build().destinations().length, "duplicates are ignored");
    }
}
