package org.viosbench.cluster;

import org.junit.jupiter.api.Test;
import org.viosbench.testing.BundleRules;

/** The bundle resolves on the product's bundles and stays in its layer. */
class LayeringTest {

    @Test
    void resolvesHeadlessAndOnlyOnLowerLayers() {
        BundleRules.assertHeadlessLayer("org.viosbench.cluster", "org.viosbench.json", "org.viosbench.transport", "org.viosbench.engine", "org.viosbench.protocol");
    }
}
