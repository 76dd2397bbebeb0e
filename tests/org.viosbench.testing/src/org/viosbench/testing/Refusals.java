package org.viosbench.testing;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.function.Executable;

/** Bad input refused as the product promises: the right exception type, and a message that starts by saying where and what. */
public final class Refusals {

    private Refusals() {
    }

    /** Asserts that {@code what} throws {@code type} with a message starting {@code expected}; returns the exception. */
    public static <T extends Throwable> T refused(Class<T> type, Executable what, String name, String expected) {
        T e = assertThrows(type, what, name);
        assertTrue(String.valueOf(e.getMessage()).startsWith(expected), name + ": " + e.getMessage());
        return e;
    }
}
