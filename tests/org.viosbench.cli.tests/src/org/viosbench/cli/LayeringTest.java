package org.viosbench.cli;

import org.junit.jupiter.api.Test;
import org.viosbench.testing.BundleRules;

/** The bundle resolves on the product's bundles and stays in its layer. */
class LayeringTest {

    @Test
    void resolvesHeadlessAndOnlyOnLowerLayers() {
        BundleRules.assertHeadlessLayer("org.viosbench.cli", "org.viosbench.json", "org.viosbench.protocol", "org.viosbench.engine", "org.viosbench.transport", "org.viosbench.cluster", "org.viosbench.topology", "org.viosbench.trace", "org.viosbench.db", "org.viosbench.session");
    }
}
