package org.viosbench.topology;

import org.junit.jupiter.api.Test;
import org.viosbench.testing.BundleRules;

/** The bundle resolves on the product's bundles and stays in its layer. */
class LayeringTest {

    @Test
    void resolvesHeadlessAndOnlyOnLowerLayers() {
        BundleRules.assertHeadlessLayer("org.viosbench.topology", "org.viosbench.cluster", "org.viosbench.db",
                "org.viosbench.engine" /* through cluster; the tests drive a cluster */);
    }
}
