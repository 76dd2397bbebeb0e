package org.eclipse.jface.util;

/**
 * The assertion helper that JFace removed after 3.x and that GEF 3.2's editor classes still call
 * ({@code isNotNull} and {@code isTrue}). Failing checks throw {@link AssertionFailedException},
 * an unchecked exception, as the original did.
 */
public final class Assert {

    /** Thrown when an assertion does not hold. */
    public static class AssertionFailedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public AssertionFailedException(String detail) {
            super(detail);
        }
    }

    private Assert() {
    }

    public static boolean isLegal(boolean expression) {
        return isLegal(expression, "");
    }

    public static boolean isLegal(boolean expression, String message) {
        if (!expression) {
            throw new IllegalArgumentException(message);
        }
        return expression;
    }

    public static void isNotNull(Object object) {
        isNotNull(object, "");
    }

    public static void isNotNull(Object object, String message) {
        if (object == null) {
            throw new AssertionFailedException("null argument: " + message);
        }
    }

    public static boolean isTrue(boolean expression) {
        return isTrue(expression, "");
    }

    public static boolean isTrue(boolean expression, String message) {
        if (!expression) {
            throw new AssertionFailedException("assertion failed: " + message);
        }
        return expression;
    }
}
