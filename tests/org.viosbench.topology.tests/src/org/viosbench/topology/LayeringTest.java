package org.viosbench.topology;

import org.junit.jupiter.api.Test;
import org.viosbench.testing.BundleRules;

/** The bundle resolves on the product's bundles and stays in its layer. */
class LayeringTest {

    @Test
    void resolvesHeadlessAndOnlyOnLowerLayers() {
        // a pure model: no bundle of ours below it but the strict JSON reader (the running cluster and the VIOS database are the session's)
        BundleRules.assertHeadlessLayer("org.viosbench.topology", "org.viosbench.json");
    }
}
