package org.viosbench.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** What every command that does the work has: its spec (for output and usage errors) and --help. */
abstract class LeafCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = { "-h", "--help" }, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    /**
     * Refuses (a usage error, exit 2) an output {@code option} whose path {@code out} is also one of
     * {@code others} (option names and paths in pairs; null paths skipped): it would overwrite an input
     * or another output.
     */
    void requireDistinct(String option, java.nio.file.Path out, Object... others) {
        if (out == null) {
            return;
        }
        try {
            org.viosbench.json.InputFiles.requireDistinct(option, out, others);
        } catch (org.viosbench.json.InputException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** The cluster file {@code file}, or null after printing why it is refused (where, what) or missing. */
    ClusterFile clusterFile(java.nio.file.Path file) throws java.io.IOException {
        try {
            return ClusterFile.read(file);
        } catch (ClusterFile.BadFileException e) {
            fail(Json.object().put("where", e.where()), file + ": " + e.getMessage());
        } catch (java.nio.file.NoSuchFileException e) {
            fail(file + ": no such file");
        }
        return null;
    }

    /** Prints {@code {"ok":false,"error":message}} and returns the failure exit code. */
    int fail(String message) {
        return fail(Json.object(), message);
    }

    /** Prints {@code out} with {@code "ok":false,"error":message} added and returns the failure exit code. */
    int fail(com.fasterxml.jackson.databind.node.ObjectNode out, String message) {
        return Json.fail(spec, out, message);
    }
}
