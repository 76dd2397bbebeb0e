package org.viosbench.testing;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.spi.ToolProvider;

import org.osgi.framework.Bundle;

/**
 * The package cycles inside a bundle, from its compiled classes: the JDK's {@code jdeps} lists
 * which package uses which, and the strongly connected components of that graph with more than one
 * package are the cycles.
 */
public final class PackageCycles {

    private PackageCycles() {
    }

    /**
     * The compiled classes of {@code b}: its directory's {@code target/classes} when it runs from
     * the build (as under Tycho), else its jar; null when neither is found.
     */
    public static Path classes(Bundle b) {
        String location = b.getLocation().replaceFirst("^initial@", "").replaceFirst("^reference:", "");
        if (!location.startsWith("file:")) {
            return null;
        }
        Path p = Path.of(location.substring("file:".length()));
        if (!p.isAbsolute()) { // relative to the framework's install area
            String area = b.getBundleContext() != null ? b.getBundleContext().getProperty("osgi.install.area")
                    : org.osgi.framework.FrameworkUtil.getBundle(PackageCycles.class).getBundleContext().getProperty("osgi.install.area");
            p = Path.of(URI.create(area)).resolve(p).normalize();
        }
        Path built = p.resolve("target/classes");
        return Files.isDirectory(built) ? built : Files.isRegularFile(p) ? p : null;
    }

    /** Package → the packages of {@code prefix} it uses (itself excluded), from the classes at {@code classes}. */
    public static Map<String, Set<String>> uses(Path classes, String prefix) {
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow(() -> new AssertionError("this JDK has no jdeps"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int rc = jdeps.run(new PrintWriter(out), new PrintWriter(err), "-verbose:package", "-filter:none", classes.toString());
        if (rc != 0) {
            throw new AssertionError("jdeps " + classes + " failed (" + rc + "): " + err);
        }
        Map<String, Set<String>> uses = new TreeMap<>();
        for (String line : out.toString().split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 3 && f[1].equals("->") && f[0].startsWith(prefix) && f[2].startsWith(prefix) && !f[0].equals(f[2])) {
                uses.computeIfAbsent(f[0], k -> new TreeSet<>()).add(f[2]);
            }
        }
        return uses;
    }

    /** The cycles of {@code uses}: each a sorted set of packages that reach each other (Tarjan's algorithm). */
    public static List<Set<String>> cycles(Map<String, Set<String>> uses) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        List<Set<String>> out = new ArrayList<>();
        for (String v : uses.keySet()) {
            if (!index.containsKey(v)) {
                connect(v, uses, index, low, stack, out);
            }
        }
        return out;
    }

    private static void connect(String v, Map<String, Set<String>> uses, Map<String, Integer> index, Map<String, Integer> low,
            Deque<String> stack, List<Set<String>> out) {
        index.put(v, index.size());
        low.put(v, index.get(v));
        stack.push(v);
        for (String w : uses.getOrDefault(v, Set.of())) {
            if (!index.containsKey(w)) {
                connect(w, uses, index, low, stack, out);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (stack.contains(w)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            Set<String> component = new TreeSet<>();
            String w;
            do {
                w = stack.pop();
                component.add(w);
            } while (!w.equals(v));
            if (component.size() > 1) {
                out.add(component);
            }
        }
    }
}
