package org.viosbench.session;

import org.junit.jupiter.api.Test;
import org.viosbench.testing.BundleRules;

/** The bundle resolves on the product's bundles and stays in its layer: above every headless bundle but the command line. */
class LayeringTest {

    @Test
    void resolvesHeadlessAndOnlyOnLowerLayers() {
        BundleRules.assertHeadlessLayer("org.viosbench.session", "org.viosbench.topology", "org.viosbench.trace", "org.viosbench.cluster",
                "org.viosbench.db", "org.viosbench.engine", "org.viosbench.protocol", "org.viosbench.transport");
    }
}
