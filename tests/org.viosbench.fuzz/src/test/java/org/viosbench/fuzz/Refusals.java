package org.viosbench.fuzz;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.viosbench.json.InputException;

/**
 * The contract every reader of user input keeps: it returns what it read, or refuses the input whole with an
 * {@link InputException} that says where and what, in a message of bounded length (an input is never echoed
 * back at length). Any other exception, an error, or a hang is a finding.
 */
public final class Refusals {
    /** Longest refusal message: where + what, with quoted values clipped (60 characters each). */
    public static final int MAX_MESSAGE = 600;

    private Refusals() {
    }

    public interface Reader {
        Object read() throws IOException, InputException;
    }

    /** Runs {@code reader}; a refusal must be typed, located and short. Returns what was read, or null when refused. */
    public static Object readOrRefuse(Reader reader) throws IOException {
        try {
            Object read = reader.read();
            assertTrue(read != null, "a reader returned nothing without refusing");
            return read;
        } catch (InputException e) {
            assertFalse(e.where() == null || e.where().isBlank(), () -> "a refusal without a location: " + e.getMessage());
            assertFalse(e.problem() == null || e.problem().isBlank(), () -> "a refusal without a reason: " + e.getMessage());
            assertTrue(e.getMessage().length() <= MAX_MESSAGE, () -> "a refusal of " + e.getMessage().length() + " characters");
            return null;
        }
    }

    /** A scratch file holding {@code bytes}, for the readers that take a path (one per fuzz test class, reused). */
    public static Path file(Path file, byte[] bytes) throws IOException {
        Files.write(file, bytes);
        return file;
    }
}
