package org.viosbench.json;

import org.junit.jupiter.api.Test;
import org.viosbench.testing.BundleRules;

/** The bundle resolves on the product's bundles and stays in its layer: Jackson only. */
class LayeringTest {

    @Test
    void resolvesHeadlessOnNoBundleOfOurs() {
        BundleRules.assertHeadlessLayer("org.viosbench.json");
    }
}
