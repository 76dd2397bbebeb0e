package org.viosbench.cli.info;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Version;

class ComponentVersionsTest {

    @Test
    void derbyOsgiVersionsDecodeToReleaseNumbers() {
        assertEquals("10.17.1.0", ComponentVersions.derbyRelease(Version.parseVersion("10.17.1000000.1913217")));
        assertEquals("10.16.1.1", ComponentVersions.derbyRelease(Version.parseVersion("10.16.1000001")));
    }

    @Test
    void everyComponentIsInstalledAndKeysAreUnique() {
        List<ComponentVersions.Component> all = ComponentVersions.all();
        Set<String> keys = new HashSet<>();
        for (ComponentVersions.Component c : all) {
            assertNotEquals(ComponentVersions.NOT_INSTALLED, c.version(), c.key());
            assertFalse(c.version().isBlank(), c.key());
            assertTrue(keys.add(c.key()), "duplicate key " + c.key());
        }
        assertEquals(List.of("viosbench", "eclipse", "swt", "osgi", "gef", "draw2d", "derby", "netty", "java", "os"),
                all.stream().map(ComponentVersions.Component::key).toList());
    }
}
