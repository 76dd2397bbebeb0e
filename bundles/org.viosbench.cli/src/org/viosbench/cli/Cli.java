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
            // what a command did not handle itself: said as JSON like every failure, and once for people on stderr
            String what = describe(e);
            System.getLogger(Cli.class.getName()).log(System.Logger.Level.DEBUG, "viosbench " + line.getCommandName() + " failed", e);
            Json.print(line.getOut(), Json.object().put("ok", false).put("error", what));
            err.println("viosbench " + line.getCommandName() + ": " + what);
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
        if (e instanceof java.nio.file.FileSystemException f) { // its message is often the bare path
            String why = e instanceof java.nio.file.NoSuchFileException ? "no such file or directory"
                    : e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                    : e instanceof java.nio.file.FileAlreadyExistsException ? "exists already"
                    : e instanceof java.nio.file.NotDirectoryException ? "not a directory"
                    : f.getReason() != null ? f.getReason() : e.getClass().getSimpleName();
            return f.getFile() + (f.getOtherFile() != null ? " -> " + f.getOtherFile() : "") + ": " + why;
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}
