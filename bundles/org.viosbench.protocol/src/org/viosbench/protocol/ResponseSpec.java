package org.viosbench.protocol;

import java.util.Objects;

/**
 * The EXPECTED_RESPONSES entry: how many responses the sender waits for and when the request is
 * complete. Immutable; the constructor enforces the rules of docs/protocol.md.
 */
public record ResponseSpec(CompletionPolicy policy, int expected, int required) {

    public ResponseSpec {
        Objects.requireNonNull(policy, "policy");
        String problem = problem(policy, expected, required);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    /** Wait for all {@code expected} responses. */
    public static ResponseSpec all(int expected) {
        return new ResponseSpec(CompletionPolicy.ALL, expected, expected);
    }

    /** Complete with the first response of {@code expected}. */
    public static ResponseSpec first(int expected) {
        return new ResponseSpec(CompletionPolicy.FIRST, expected, 1);
    }

    /** Complete with {@code required} of {@code expected} responses. */
    public static ResponseSpec nOfM(int required, int expected) {
        return new ResponseSpec(CompletionPolicy.N_OF_M, expected, required);
    }

    /**
     * Whether the wire values of an EXPECTED_RESPONSES entry are valid: the decoder's check, small
     * enough to inline; {@link #problem} says what is wrong (the two agree, a test checks it).
     */
    static boolean valid(int policyCode, int expected, int required) {
        CompletionPolicy policy = CompletionPolicy.fromCode(policyCode);
        if (policy == null || expected < 1 || expected > 0xFFFF) {
            return false;
        }
        return switch (policy) {
            case ALL -> required == expected;
            case FIRST -> required == 1;
            case N_OF_M -> required >= 1 && required <= expected;
        };
    }

    /** What is wrong with these values, or null when they are valid. */
    static String problem(CompletionPolicy policy, int expected, int required) {
        if (expected < 1 || expected > 0xFFFF) {
            return "expected responses must be 1..65535, not " + expected;
        }
        return switch (policy) {
            case ALL -> required == expected ? null : "policy ALL requires required == expected (" + expected + "), not " + required;
            case FIRST -> required == 1 ? null : "policy FIRST requires required == 1, not " + required;
            case N_OF_M -> required >= 1 && required <= expected ? null
                    : "policy N_OF_M requires 1 <= required <= expected (" + expected + "), not " + required;
        };
    }
}
