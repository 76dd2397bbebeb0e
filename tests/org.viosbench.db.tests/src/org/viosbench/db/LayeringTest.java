package org.viosbench.db;

import org.junit.jupiter.api.Test;
import org.viosbench.testing.BundleRules;

/** The bundle resolves on the product's bundles and stays in its layer. */
class LayeringTest {

    @Test
    void resolvesHeadlessAndOnlyOnLowerLayers() {
        BundleRules.assertHeadlessLayer("org.viosbench.db", "org.viosbench.engine", "org.viosbench.protocol", "org.viosbench.json");
    }
}
