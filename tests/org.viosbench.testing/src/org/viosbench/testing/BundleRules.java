package org.viosbench.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;

/**
 * Checks the layering rules of the viosbench bundles on the running framework: a bundle resolves,
 * headless bundles are wired to no UI bundle, and a bundle depends on no viosbench bundle above it.
 */
public final class BundleRules {

    /** Bundle name prefixes that make a bundle a UI bundle. */
    private static final List<String> UI_PREFIXES = List.of("org.eclipse.swt", "org.eclipse.jface",
            "org.eclipse.ui", "org.eclipse.e4.ui", "org.eclipse.draw2d", "org.eclipse.gef", "org.viosbench.ui");

    private BundleRules() {
    }

    /** The installed bundle {@code symbolicName}; fails the test when it is not installed. */
    public static Bundle bundle(String symbolicName) {
        Bundle self = FrameworkUtil.getBundle(BundleRules.class);
        assertNotNull(self, "the test support bundle does not run inside OSGi");
        for (Bundle b : self.getBundleContext().getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                return b;
            }
        }
        return fail("bundle " + symbolicName + " is not installed");
    }

    /** The symbolic names of the bundles {@code symbolicName} is wired to (imports and requires). */
    public static Set<String> wiredProviders(String symbolicName) {
        Bundle b = bundle(symbolicName);
        BundleWiring wiring = b.adapt(BundleWiring.class);
        assertNotNull(wiring, symbolicName + " is not resolved (state " + b.getState() + ")");
        Set<String> providers = new TreeSet<>();
        for (BundleWire wire : wiring.getRequiredWires(null)) {
            String provider = wire.getProvider().getSymbolicName();
            if (!provider.equals(symbolicName) && !"org.eclipse.osgi".equals(provider)) {
                providers.add(provider);
            }
        }
        return providers;
    }

    /**
     * Asserts that {@code symbolicName} resolved, is wired to no UI bundle, and is wired to no
     * viosbench bundle except {@code allowedViosbench} (test support excepted).
     */
    public static void assertHeadlessLayer(String symbolicName, String... allowedViosbench) {
        Bundle b = bundle(symbolicName);
        assertTrue((b.getState() & (Bundle.RESOLVED | Bundle.STARTING | Bundle.ACTIVE)) != 0,
                symbolicName + " did not resolve (state " + b.getState() + ")");
        Set<String> allowed = Set.of(allowedViosbench);
        List<String> violations = new ArrayList<>();
        for (String provider : wiredProviders(symbolicName)) {
            if (UI_PREFIXES.stream().anyMatch(provider::startsWith)) {
                violations.add(provider + " (UI bundle)");
            } else if (provider.startsWith("org.viosbench.") && !provider.equals("org.viosbench.testing")
                    && !allowed.contains(provider)) {
                violations.add(provider + " (not below " + symbolicName + ")");
            }
        }
        assertEquals(List.of(), violations, symbolicName + " breaks the layering");
        for (String header : new String[] { "Require-Bundle", "Import-Package" }) {
            String value = b.getHeaders("").get(header);
            if (value != null) {
                for (String prefix : UI_PREFIXES) {
                    assertTrue(!value.contains(prefix), symbolicName + " declares " + header + " on " + prefix);
                }
            }
        }
    }
}
