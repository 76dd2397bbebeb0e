package org.viosbench.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.viosbench.testing.PackageCycles;

/** No package of a viosbench bundle depends, through others, on itself: every bundle of the product, from its classes. */
class PackageCyclesTest {

    @Test
    void theCycleFinderFindsACycle() {
        Map<String, Set<String>> uses = Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a"), "d", Set.of("a"));
        assertEquals(List.of(Set.of("a", "b", "c")), PackageCycles.cycles(uses));
        assertEquals(List.of(), PackageCycles.cycles(Map.of("a", Set.of("b"), "b", Set.of("c"))));
    }

    @Test
    void noViosbenchBundleHasAPackageCycle() {
        Map<String, List<Set<String>>> cycles = new TreeMap<>();
        List<String> checked = new ArrayList<>();
        for (Bundle b : FrameworkUtil.getBundle(PackageCyclesTest.class).getBundleContext().getBundles()) {
            String name = b.getSymbolicName();
            if (!name.startsWith("org.viosbench.") || b.getHeaders("").get("Fragment-Host") != null) {
                continue; // test fragments and compatibility fragments: what is checked is what ships in bundles of ours
            }
            Path classes = PackageCycles.classes(b);
            if (classes == null) {
                continue;
            }
            checked.add(name);
            Map<String, Set<String>> uses = PackageCycles.uses(classes, "org.viosbench.");
            if (name.equals("org.viosbench.engine")) {
                assertTrue(uses.getOrDefault("org.viosbench.engine", Set.of()).contains("org.viosbench.engine.kcluster"),
                        "jdeps was read: the engine routes over its kcluster SPI: " + uses);
            }
            List<Set<String>> found = PackageCycles.cycles(uses);
            if (!found.isEmpty()) {
                cycles.put(name, found);
            }
        }
        System.out.println("PACKAGE CYCLES checked " + checked);
        assertTrue(checked.contains("org.viosbench.engine") && checked.contains("org.viosbench.ui.run"), "the bundles were found: " + checked);
        assertEquals(Map.of(), cycles);
    }
}
