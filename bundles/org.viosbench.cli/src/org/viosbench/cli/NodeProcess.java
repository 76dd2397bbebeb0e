package org.viosbench.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A child {@code viosbench} process that speaks JSON lines ({@code node}, {@code db-server}): commands to its standard
 * input, its output lines parsed as they come (a line that is not JSON becomes {@code {"event":"unparsable"}}), its
 * standard error to a log file. Closing it kills the process; a child {@code node} also ends by itself when its
 * input ends, so a parent that dies leaves no node behind (unless the node is stopped by a signal).
 */
public final class NodeProcess implements AutoCloseable {
    /** How long {@link #next(String, String)} waits. */
    public static final long WAIT_SECONDS = 30;

    private final Process process;
    private final PrintWriter in;
    private final BlockingQueue<JsonNode> lines = new LinkedBlockingQueue<>();

    /** Starts {@code command} (from {@link ChildViosbench#command}), its standard error going to {@code log}. */
    public NodeProcess(List<String> command, Path log) throws IOException {
        process = new ProcessBuilder(command).redirectError(log.toFile()).start();
        in = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null;) {
                    try {
                        lines.add(Json.MAPPER.readTree(line));
                    } catch (IOException e) {
                        lines.add(Json.object().put("event", "unparsable").put("line", line));
                    }
                }
            } catch (IOException e) { // the process ended and its output with it
                lines.add(Json.object().put("event", "ended").put("detail", e.getMessage()));
            }
        }, "viosbench-child-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    /** The child process. */
    public Process process() {
        return process;
    }

    /** Sends one line (a JSON command) to the child's standard input. */
    public void send(String json) {
        in.println(json);
    }

    /**
     * The next line with {@code event} (and {@code tag}, when not null), skipping others.
     *
     * @throws IOException when none comes within {@link #WAIT_SECONDS}
     */
    public JsonNode next(String event, String tag) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (System.nanoTime() < deadline) {
            JsonNode n = lines.poll(100, TimeUnit.MILLISECONDS);
            if (n != null && event.equals(n.path("event").asText()) && (tag == null || tag.equals(n.path("tag").asText()))) {
                return n;
            }
        }
        throw new IOException("no " + event + (tag == null ? "" : " " + tag) + " line from process " + process.pid() + " within "
                + WAIT_SECONDS + " s" + (process.isAlive() ? "" : " (it ended with exit status " + process.exitValue() + ")"));
    }

    /** The next line of any kind within {@code timeout}, or null. */
    public JsonNode poll(long timeout, TimeUnit unit) throws InterruptedException {
        return lines.poll(timeout, unit);
    }

    /** Sends {@code signal} (STOP, CONT, ...) to the process with kill(1). */
    public void signal(String signal) throws IOException, InterruptedException {
        int status = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).redirectErrorStream(true).start().waitFor();
        if (status != 0 && process.isAlive()) {
            throw new IOException("kill -" + signal + " " + process.pid() + " failed with exit status " + status);
        }
    }

    /** Kills the process (SIGKILL). */
    @Override
    public void close() {
        process.destroyForcibly();
    }
}
