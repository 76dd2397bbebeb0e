package org.viosbench.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The command line that starts {@code viosbench ARGS} in a child JVM with the bundles of this one: the same Java,
 * the Equinox launcher this JVM was started with, and the product's configuration (several JVMs share it, as
 * several {@code ./viosbench} commands do); in a framework without a product configuration (a test runtime, whose
 * {@code config.ini} names every bundle by absolute path) a copy of its {@code config.ini} in {@code scratch}.
 */
public final class ChildViosbench {
    private static final Pattern LAUNCHER = Pattern.compile("(?:file:)?(/[^,@:]*org\\.eclipse\\.equinox\\.launcher[-_][0-9][^,@/:]*\\.jar)");

    private ChildViosbench() {
    }

    /**
     * The command for {@code viosbench ARGS}, headless, with {@code -Xmx256m}.
     *
     * @param scratch a directory of the caller's for the child's own OSGi configuration, when it needs one
     * @throws IOException when this JVM was not started by the Equinox launcher, or its configuration cannot be read
     */
    public static List<String> command(Path scratch, List<String> args) throws IOException {
        String area = System.getProperty("osgi.configuration.area");
        if (area == null) {
            throw new IOException("not running in an OSGi framework (no osgi.configuration.area): cannot start viosbench processes");
        }
        Path ours = Path.of(URI.create(area.replace(" ", "%20")));
        String configIni = Files.readString(ours.resolve("config.ini")).replace("\\:", ":");
        String launcher = launcher(configIni);
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "--enable-native-access=ALL-UNNAMED",
                "-Xmx256m", "-Djava.awt.headless=true", "-jar", launcher));
        String install = System.getProperty("osgi.install.area");
        if (Files.isRegularFile(ours.resolve("org.eclipse.equinox.simpleconfigurator/bundles.info")) && install != null) {
            cmd.addAll(List.of("-install", Path.of(URI.create(install.replace(" ", "%20"))).toString(), "-configuration", ours.toString()));
        } else {
            Path config = scratch.resolve("osgi-configuration");
            Files.createDirectories(config);
            Files.copy(ours.resolve("config.ini"), config.resolve("config.ini"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            cmd.addAll(List.of("-configuration", config.toString()));
        }
        cmd.addAll(List.of("-data", "@none", "-nosplash", "-application", "org.viosbench.cli.application"));
        cmd.addAll(args);
        return cmd;
    }

    /** The Equinox launcher jar: on this JVM's class path (the product), else named in the framework's configuration. */
    private static String launcher(String configIni) throws IOException {
        for (String entry : System.getProperty("java.class.path", "").split(java.io.File.pathSeparator)) {
            if (LAUNCHER.matcher(entry).matches()) {
                return entry;
            }
        }
        Matcher m = LAUNCHER.matcher(configIni);
        if (!m.find()) {
            throw new IOException("cannot find the Equinox launcher this JVM was started with (not on its class path nor in its config.ini)");
        }
        return m.group(1);
    }
}
