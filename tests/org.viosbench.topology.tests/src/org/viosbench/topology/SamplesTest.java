package org.viosbench.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.osgi.framework.FrameworkUtil;

/** The sample files in the bundle are what {@link Samples} builds, load cleanly and have the sizes promised. */
class SamplesTest {

    @ParameterizedTest
    @CsvSource({ "small, 2, 4, 8", "medium, 4, 16, 64", "largest, 6, 24, 96" })
    void shippedSamplesAreCleanAndSized(String name, int cecs, int vioses, int lpars) throws Exception {
        java.net.URL url = FrameworkUtil.getBundle(Samples.class).getEntry(Samples.resource(name));
        assertNotNull(url, "the bundle ships " + Samples.resource(name));
        String text;
        try (InputStream in = url.openStream()) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertEquals(TopologyFile.format(Samples.build(name)), text, "regenerate with: viosbench topology sample " + name + " --out FILE");
        Topology t = TopologyFile.parse(text);
        assertEquals(cecs, t.cecs().size());
        assertEquals(vioses, t.vioses().size());
        assertEquals(lpars, t.lpars().size());
        assertEquals(java.util.List.of(), Validator.validate(t));
    }
}
