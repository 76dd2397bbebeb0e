package org.viosbench.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The decoder's hot path decides with small boolean checks and asks the descriptive checks only to
 * word a failure: both must agree on every input, or a packet would be refused without a reason
 * (or accepted with one).
 */
class HotPathChecksTest {

    @Test
    void flagChecksAgreeForEveryFlagCombinationAndDestinationCount() {
        int refused = 0;
        for (int flags = 0; flags < 32; flags++) {
            for (int count = 0; count <= 3; count++) {
                String problem = PacketRules.flagProblem(flags, count);
                assertEquals(problem == null, PacketRules.flagsValid(flags, count), "flags " + flags + ", " + count + " destinations");
                refused += problem == null ? 0 : 1;
            }
        }
        assertTrue(refused > 0 && refused < 128, "both outcomes occur: " + refused);
    }

    @Test
    void entryChecksAgreeForEverySubHeaderShape() {
        int refused = 0;
        for (int flags = 0; flags < 16; flags++) {
            for (int shape = 0; shape < 8; shape++) {
                SubHeader.Builder b = SubHeader.builder();
                if ((shape & 1) != 0) {
                    b.responses(ResponseSpec.all(2));
                }
                if ((shape & 2) != 0) {
                    b.targetDaemon(7);
                }
                if ((shape & 4) != 0) {
                    b.errorCode(5);
                }
                SubHeader sub = b.build();
                String problem = PacketRules.entryProblem(flags, sub);
                assertEquals(problem == null, PacketRules.entriesValid(flags, sub), "flags " + flags + ", shape " + shape);
                refused += problem == null ? 0 : 1;
            }
        }
        assertTrue(refused > 0 && refused < 128, "both outcomes occur: " + refused);
    }

    @Test
    void responseChecksAgreeOverPoliciesAndCounts() {
        int valid = 0;
        for (int code = -1; code <= 4; code++) {
            for (int expected = -1; expected <= 4; expected++) {
                for (int required = -1; required <= 5; required++) {
                    CompletionPolicy policy = CompletionPolicy.fromCode(code);
                    boolean described = policy != null && ResponseSpec.problem(policy, expected, required) == null;
                    assertEquals(described, ResponseSpec.valid(code, expected, required), code + "/" + expected + "/" + required);
                    valid += described ? 1 : 0;
                }
            }
        }
        assertTrue(valid > 0, "some combinations are valid");
        assertEquals(false, ResponseSpec.valid(0, 0x10000, 0x10000), "expected above 65535");
    }
}
