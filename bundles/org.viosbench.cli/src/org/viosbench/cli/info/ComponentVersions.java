package org.viosbench.cli.info;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.Version;

/**
 * The versions of viosbench and of the components it runs on, read from the installed bundles
 * (so they are the versions actually running, not the ones a build file names). Used by
 * {@code viosbench --version} and by the About dialog.
 */
public final class ComponentVersions {

    /** One line of the version report: a JSON key, a label for people, and the version. */
    public record Component(String key, String label, String version) {
    }

    /** Shown when a component's bundle is not installed. */
    public static final String NOT_INSTALLED = "not installed";

    private ComponentVersions() {
    }

    /** All components, viosbench first; never null, never empty. */
    public static List<Component> all() {
        Bundle self = FrameworkUtil.getBundle(ComponentVersions.class);
        Bundle[] bundles = self == null ? new Bundle[0] : self.getBundleContext().getBundles();
        List<Component> list = new ArrayList<>();
        list.add(new Component("viosbench", "viosbench",
                self == null ? NOT_INSTALLED : self.getVersion().toString()));
        list.add(bundle(bundles, "eclipse", "Eclipse platform (workbench)", "org.eclipse.ui.workbench"));
        list.add(bundle(bundles, "swt", "SWT", "org.eclipse.swt"));
        list.add(bundle(bundles, "osgi", "Equinox OSGi", "org.eclipse.osgi"));
        list.add(bundle(bundles, "gef", "GEF classic", "org.eclipse.gef"));
        list.add(bundle(bundles, "draw2d", "Draw2d", "org.eclipse.draw2d"));
        Version derby = newest(bundles, "derby");
        list.add(new Component("derby", "Apache Derby", derby == null ? NOT_INSTALLED : derbyRelease(derby)));
        list.add(bundle(bundles, "netty", "Netty", "io.netty.common"));
        list.add(new Component("java", "Java", Runtime.version() + " (" + System.getProperty("java.vendor") + ")"));
        list.add(new Component("os", "Operating system", String.format(Locale.ROOT, "%s %s %s",
                System.getProperty("os.name"), System.getProperty("os.version"), System.getProperty("os.arch"))));
        return List.copyOf(list);
    }

    /**
     * Derby encodes its release {@code a.b.c.d} as the OSGi version {@code a.b.(c*1000000+d).build};
     * this turns it back into the release number Derby's own tools print.
     */
    static String derbyRelease(Version v) {
        return v.getMajor() + "." + v.getMinor() + "." + v.getMicro() / 1_000_000 + "." + v.getMicro() % 1_000_000;
    }

    private static Component bundle(Bundle[] bundles, String key, String label, String symbolicName) {
        Version v = newest(bundles, symbolicName);
        return new Component(key, label, v == null ? NOT_INSTALLED : v.toString());
    }

    private static Version newest(Bundle[] bundles, String symbolicName) {
        Version best = null;
        for (Bundle b : bundles) {
            if (symbolicName.equals(b.getSymbolicName()) && (best == null || b.getVersion().compareTo(best) > 0)) {
                best = b.getVersion();
            }
        }
        return best;
    }
}
