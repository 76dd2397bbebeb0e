package org.viosbench.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Starts the viosbench command line in a child JVM with the same bundles as the running test framework. */
final class ChildViosbench {

    private ChildViosbench() {
    }

    /** The command line for {@code viosbench ARGS}, with its own OSGi configuration area in {@code config}. */
    static List<String> command(Path config, List<String> args) throws IOException {
        Path ours = Path.of(URI.create(System.getProperty("osgi.configuration.area").replace(" ", "%20")));
        String configIni = Files.readString(ours.resolve("config.ini")).replace("\\:", ":");
        Matcher m = Pattern.compile("file:(/[^,@]*org\\.eclipse\\.equinox\\.launcher[-_][0-9][^,@/]*\\.jar)").matcher(configIni);
        assertTrue(m.find(), "the Equinox launcher is not in the test framework's config.ini");
        Files.createDirectories(config);
        Files.copy(ours.resolve("config.ini"), config.resolve("config.ini"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED", "-Xmx256m", "-jar", m.group(1),
                "-configuration", config.toString(), "-data", "@none", "-nosplash", "-application", "org.viosbench.cli.application"));
        cmd.addAll(args);
        return cmd;
    }
}
