package org.viosbench.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.viosbench.topology.Problem.Severity;

/** Each validation rule, on topologies that break exactly it. */
class ValidatorTest {

    private static List<String> codes(Topology t) {
        return Validator.validate(t).stream().map(p -> p.severity() + ":" + p.code()).toList();
    }

    /** Two VIOSes serving one LPAR, one of them the database node: clean. */
    static Topology clean() {
        Topology t = TopologyModelTest.twoViosOneLpar();
        t.vios(1).setRole(ViosRole.DB_PRIMARY);
        t.addMapping(new Mapping(t.lpar(11), t.vios(1), "vhost0", "hdisk2"));
        t.addMapping(new Mapping(t.lpar(11), t.vios(2), "vhost0", "hdisk2"));
        return t;
    }

    @Test
    void aDualPathTopologyIsClean() {
        assertEquals(List.of(), codes(clean()));
        assertFalse(Validator.hasErrors(Validator.validate(clean())));
    }

    @Test
    void ioPaths() {
        Topology t = clean();
        t.removeMapping(t.mappings().get(1));
        assertEquals(List.of("WARNING:SINGLE_PATH"), codes(t));
        Problem p = Validator.validate(t).get(0);
        assertEquals("lpar11", p.element().name());
        assertTrue(p.message().contains("vios1 is down"), p.message());
        t.removeMapping(t.mappings().get(0));
        assertEquals(List.of("ERROR:NO_IO_PATH"), codes(t));
        assertTrue(Validator.hasErrors(Validator.validate(t)));
    }

    @Test
    void uniqueness() {
        Topology t = clean();
        t.vios(2).setName("vios1");
        t.lpar(11).setPartitionId(1);
        assertEquals(List.of("ERROR:DUPLICATE_NAME", "ERROR:DUPLICATE_PARTITION_ID"), codes(t));
        t = clean();
        t.vios(2).setId(1);
        assertTrue(codes(t).contains("ERROR:DUPLICATE_VIOS_ID"), codes(t).toString());
        t = clean();
        t.cecs().get(0).add(new Lpar(11, "lpar11b", 9));
        assertTrue(codes(t).contains("ERROR:DUPLICATE_LPAR_ID"), codes(t).toString());
        t = clean();
        t.addCec(new Cec("S1", "cec2"));
        assertEquals(List.of("ERROR:DUPLICATE_CEC_SERIAL"), codes(t));
    }

    @Test
    void namesTimingRolesDaemonsAddresses() {
        Topology t = clean();
        t.lpar(11).setName("bad name");
        t.setTiming(500, 900);
        t.vios(2).setRole(ViosRole.DB_PRIMARY);
        t.vios(2).setDaemons(List.of());
        t.vios(1).setAddress("localhost");
        assertEquals(List.of("ERROR:FAILURE_TIMEOUT_TOO_SHORT", "ERROR:BAD_NAME", "ERROR:TWO_DB_PRIMARIES", "ERROR:BAD_ADDRESS",
                "WARNING:NO_DAEMON"), codes(t));
        t = clean();
        t.vios(1).setRole(ViosRole.MEMBER);
        t.vios(1).setAddress("127.0.0.1:99999");
        assertEquals(List.of("WARNING:NO_DB_PRIMARY", "ERROR:BAD_ADDRESS"), codes(t));
        t.vios(1).setAddress("[::1]:7401");
        assertEquals(List.of("WARNING:NO_DB_PRIMARY"), codes(t));
        assertEquals(List.of("WARNING:NO_VIOS"), codes(new Topology("empty")));
    }

    @Test
    void mappingsStayInOneCecAndAdaptersServeOneLpar() {
        Topology t = clean();
        Cec other = new Cec("S2", "cec2");
        t.addCec(other);
        Lpar far = new Lpar(21, "lpar21", 1);
        other.add(far);
        t.addMapping(new Mapping(far, t.vios(1), "vhost0", "hdisk9"));
        List<String> c = codes(t);
        assertTrue(c.contains("ERROR:CROSS_CEC_MAPPING"), c.toString());
        assertTrue(c.contains("ERROR:ADAPTER_SHARED"), c.toString());
        assertTrue(c.contains("WARNING:SINGLE_PATH"), c.toString());

        Topology d = clean();
        d.addMapping(new Mapping(d.lpar(11), d.vios(1), "vhost1", "hdisk2"));
        d.addMapping(new Mapping(d.lpar(11), d.vios(2), "", "hdisk5"));
        assertEquals(List.of("WARNING:DUPLICATE_MAPPING", "ERROR:INCOMPLETE_MAPPING"), codes(d));
    }

    @Test
    void clusterSizeBeyondTheRealLimitIsAWarning() {
        Topology t = Samples.build("big", 5, 5, 0);
        List<Problem> problems = Validator.validate(t);
        assertEquals(Severity.WARNING, problems.get(0).severity());
        assertEquals("CLUSTER_TOO_LARGE", problems.get(0).code());
        assertTrue(problems.get(0).message().startsWith("25 VIOSes"), problems.get(0).message());
        assertEquals(List.of(), Validator.validate(Samples.build("largest")), "24 is within the limit");
    }
}
