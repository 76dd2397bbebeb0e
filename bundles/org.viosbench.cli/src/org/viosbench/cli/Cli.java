package org.viosbench.cli;

import java.io.PrintWriter;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * Runs one command line. Exit codes: {@link #OK} on success, {@link #FAILURE} when the command
 * ran and failed, {@link #USAGE} when the command line itself is wrong (one line on stderr says why).
 * Results meant for machines are JSON on stdout.
 */
public final class Cli {
    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int USAGE = 2;

    private Cli() {
    }

    /** Parses and runs {@code args}, writing to {@code out} and {@code err}; returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new RootCommand());
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler(Cli::usageError);
        cl.setExecutionExceptionHandler((e, line, parsed) -> {
            err.println("viosbench " + line.getCommandName() + ": " + describe(e));
            return FAILURE;
        });
        return cl.execute(args);
    }

    private static int usageError(ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        String path = cmd.getCommandSpec().qualifiedName();
        String msg = e.getMessage() == null ? "invalid command line" : e.getMessage().replaceAll("\\s+", " ").trim();
        cmd.getErr().println(path + ": " + msg + " (see '" + path + " --help')");
        return USAGE;
    }

    static String describe(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}
