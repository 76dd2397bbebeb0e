package org.viosbench.json;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Files a user hands over, read within bounds: only a regular file (a FIFO or a device could block
 * or never end), at most a stated size (refused before any of it is read), UTF-8 text (the first
 * byte that is not, named). And outputs that would overwrite an input refused.
 */
public final class InputFiles {
    /** What a text input may weigh unless a format says otherwise: 64 MiB. */
    public static final long DEFAULT_MAX_BYTES = 64L << 20;

    private InputFiles() {
    }

    /**
     * The text of {@code file}, at most {@code maxBytes} bytes of UTF-8.
     *
     * @throws NoSuchFileException when there is no such file
     * @throws InputException (where: "file") when it is not a regular file, too large, or not UTF-8 ("byte N")
     */
    public static String read(Path file, long maxBytes) throws IOException, InputException {
        return text(bytes(file, maxBytes));
    }

    /** As {@link #read(Path, long)}, the bytes undecoded. */
    public static byte[] bytes(Path file, long maxBytes) throws IOException, InputException {
        requireRegular(file);
        long size = Files.size(file);
        if (size > maxBytes) {
            throw new InputException("file", "is " + size + " bytes; at most " + maxBytes + " are read");
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] b = in.readNBytes((int) Math.min(maxBytes + 1, Integer.MAX_VALUE - 8));
            if (b.length > maxBytes) { // it grew while being read
                throw new InputException("file", "is more than " + maxBytes + " bytes; at most " + maxBytes + " are read");
            }
            return b;
        }
    }

    /**
     * Refuses what is not a regular file (before opening it, which for a FIFO would block).
     *
     * @throws NoSuchFileException when there is no such file
     */
    public static void requireRegular(Path file) throws NoSuchFileException, InputException {
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString());
        }
        if (!Files.isRegularFile(file)) {
            throw new InputException("file", Files.isDirectory(file) ? "is a directory, not a file"
                    : "is not a regular file (a FIFO or a device is not read: it may never end)");
        }
    }

    /** {@code bytes} as UTF-8 text; the offset of the first byte that is not UTF-8 is named. */
    public static String text(byte[] bytes) throws InputException {
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult r = d.decode(in, out, true);
        if (r.isError()) {
            throw new InputException("byte " + in.position(), "not UTF-8 text");
        }
        r = d.flush(out);
        if (r.isError()) {
            throw new InputException("byte " + in.position(), "not UTF-8 text");
        }
        return out.flip().toString();
    }

    /**
     * Refuses an output that is one of the inputs (it would be overwritten before or while it is
     * read) or that another output already names.
     *
     * @param output the option naming the output and its path, e.g. "--trace" and the file
     * @param others the options and paths of the inputs and the other outputs, in pairs
     */
    public static void requireDistinct(String option, Path output, Object... others) throws InputException {
        for (int i = 0; i + 1 < others.length; i += 2) {
            if (others[i + 1] instanceof Path other && same(output, other)) {
                throw new InputException(option, output + " is also the " + others[i] + " file: refused, it would be overwritten");
            }
        }
    }

    private static boolean same(Path a, Path b) {
        try {
            if (Files.exists(a, LinkOption.NOFOLLOW_LINKS) && Files.exists(b)) {
                return Files.isSameFile(a, b);
            }
        } catch (IOException e) {
            // fall back to the names
        }
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }
}
