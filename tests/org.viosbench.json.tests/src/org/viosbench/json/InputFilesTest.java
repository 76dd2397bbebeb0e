package org.viosbench.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Inputs read within bounds: regular files only, a size refused before reading, UTF-8 checked; outputs that are inputs refused. */
class InputFilesTest {

    @TempDir
    Path tmp;

    @Test
    void aFifoADirectoryAndAMissingFileAreRefusedWithoutBlocking() throws Exception {
        Path fifo = tmp.resolve("fifo");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor(10, TimeUnit.SECONDS) ? 0 : 1);
        InputException e = assertThrows(InputException.class, () -> InputFiles.read(fifo, 100)); // opening it would block for ever
        assertTrue(e.problem().contains("not a regular file"), e.getMessage());
        assertTrue(assertThrows(InputException.class, () -> InputFiles.read(tmp, 100)).problem().contains("directory"));
        assertThrows(NoSuchFileException.class, () -> InputFiles.read(tmp.resolve("none"), 100));
    }

    @Test
    void aFileTooLargeIsRefusedBeforeItIsRead() throws Exception {
        Path big = tmp.resolve("big.json");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(3L << 30); // sparse: 3 GiB that reading would need memory for
        }
        long before = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        InputException e = assertThrows(InputException.class, () -> InputFiles.read(big, InputFiles.DEFAULT_MAX_BYTES));
        assertEquals("file: is 3221225472 bytes; at most 67108864 are read", e.getMessage());
        long after = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        assertTrue(after - before < (256L << 20), "nothing of it was read: " + (after - before));
    }

    @Test
    void bytesThatAreNotUtf8AreNamedByTheirOffset() throws Exception {
        Path f = tmp.resolve("latin1.json");
        Files.write(f, new byte[] { '{', '"', 'a', '"', ':', '"', (byte) 0xE9, '"', '}' });
        InputException e = assertThrows(InputException.class, () -> InputFiles.read(f, 100));
        assertEquals("byte 6: not UTF-8 text", e.getMessage());
        Files.writeString(f, "{\"a\":\"é\"}");
        assertEquals("é", JsonAt.root(StrictJson.parse(InputFiles.read(f, 100))).text("a"));
    }

    @Test
    void anOutputThatIsAnInputIsRefused() throws Exception {
        Path in = Files.writeString(tmp.resolve("in.json"), "{}");
        Path sameByAnotherName = tmp.resolve("sub/../in.json");
        Files.createDirectories(tmp.resolve("sub"));
        InputException e = assertThrows(InputException.class, () -> InputFiles.requireDistinct("--trace", sameByAnotherName, "--scenario", in));
        assertTrue(e.getMessage().startsWith("--trace: "), e.getMessage());
        assertTrue(e.problem().contains("is also the --scenario file"), e.getMessage());
        Path link = Files.createSymbolicLink(tmp.resolve("link.json"), in);
        assertThrows(InputException.class, () -> InputFiles.requireDistinct("--out", link, "FILE", in));
        InputFiles.requireDistinct("--out", tmp.resolve("out.json"), "FILE", in, "--other", null); // distinct: fine
    }

    @Test
    void parserLimitsAreRefusedInOurWords() {
        String deep = "[".repeat(StrictJson.MAX_DEPTH + 1) + "]".repeat(StrictJson.MAX_DEPTH + 1);
        assertTrue(assertThrows(InputException.class, () -> StrictJson.parse(deep)).problem().contains("nested deeper than 64"));
        String longNumber = "{\"a\": " + "9".repeat(StrictJson.MAX_NUMBER + 10) + "}";
        assertTrue(assertThrows(InputException.class, () -> StrictJson.parse(longNumber)).problem().contains("a number longer than"));
        String longString = "{\"a\": \"" + "x".repeat(StrictJson.MAX_STRING + 1) + "\"}";
        InputException s = assertThrows(InputException.class, () -> StrictJson.parse(longString));
        assertTrue(s.problem().contains("a string longer than"), s.getMessage());
        assertTrue(s.getMessage().length() < 200, "the input is not echoed back");
    }

    @Test
    void aHugeWrongValueIsNotEchoedBack() throws Exception {
        String huge = "{\"n\": \"" + "y".repeat(1_000_000) + "\"}";
        InputException e = assertThrows(InputException.class, () -> JsonAt.root(StrictJson.parse(huge)).object(Set.of("n")).integer("n", 0, 9));
        assertTrue(e.getMessage().length() < 200, e.getMessage().length() + " characters");
        assertTrue(e.getMessage().startsWith("/n: expected a whole number 0..9, found \"yyy"), e.getMessage());
    }
}
