package org.viosbench.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.beans.PropertyChangeEvent;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The model: containment, mappings at both ends, property-change events and batches. */
class TopologyModelTest {

    static Topology twoViosOneLpar() {
        Topology t = new Topology("t");
        Cec cec = new Cec("S1", "cec1");
        t.addCec(cec);
        cec.add(new Vios(1, "vios1", 1));
        cec.add(new Vios(2, "vios2", 2));
        cec.add(new Lpar(11, "lpar11", 3));
        return t;
    }

    @Test
    void mappingsConnectBothEndsAndLeaveCleanly() {
        Topology t = twoViosOneLpar();
        Lpar l = t.lpar(11);
        Mapping m = new Mapping(l, t.vios(1), "vhost0", "hdisk2");
        t.addMapping(m);
        assertEquals(List.of(m), l.mappings());
        assertEquals(List.of(m), t.vios(1).mappings());
        assertSame(t, m.topology());
        assertThrows(IllegalArgumentException.class, () -> t.addMapping(m), "twice");
        assertThrows(IllegalStateException.class, () -> t.removeCec(t.cecs().get(0)), "a CEC with mapped partitions");
        t.removeMapping(m);
        assertEquals(List.of(), l.mappings());
        assertEquals(List.of(), t.vios(1).mappings());
        t.removeCec(t.cecs().get(0));
        assertEquals(List.of(), t.vioses());

        Topology other = twoViosOneLpar();
        assertThrows(IllegalArgumentException.class, () -> t.addMapping(new Mapping(other.lpar(11), other.vios(1), "a", "b")),
                "partitions of another topology");
        assertThrows(IllegalArgumentException.class, () -> new Vios(-1, "x", 1));
        assertThrows(IllegalArgumentException.class, () -> new Vios(1L << 32, "x", 1));
    }

    @Test
    void propertyChangesReachListenersAtOnceOrAfterTheBatch() {
        Topology t = twoViosOneLpar();
        Vios v = t.vios(1);
        List<String> seen = new ArrayList<>();
        v.addPropertyChangeListener(e -> seen.add(e.getPropertyName() + "=" + e.getNewValue()));
        Cec cec = t.cecs().get(0);
        cec.addPropertyChangeListener(e -> seen.add("cec." + e.getPropertyName()));
        v.setName("alpha");
        v.setName("alpha"); // no change, no event
        assertEquals(List.of("name=alpha"), seen);

        seen.clear();
        t.batch(() -> {
            v.setAddress("127.0.0.1:7401");
            v.setRole(ViosRole.DB_PRIMARY);
            cec.add(new Lpar(12, "lpar12", 4));
            assertEquals(List.of(), seen, "nothing during the batch");
        });
        assertEquals(List.of("address=127.0.0.1:7401", "role=DB_PRIMARY", "cec.children"), seen, "all after it, in order");

        seen.clear();
        t.batch(() -> t.batch(() -> v.setBounds(new Bounds(1, 2, 3, 4))));
        assertEquals(List.of("bounds=Bounds[x=1, y=2, width=3, height=4]"), seen, "nested batches deliver once, at the end");

        List<PropertyChangeEvent> top = new ArrayList<>();
        t.addPropertyChangeListener(top::add);
        Mapping m = new Mapping(t.lpar(11), v, "vhost0", "hdisk2");
        t.addMapping(m);
        assertEquals(Topology.MAPPINGS, top.get(0).getPropertyName());
        assertSame(m, top.get(0).getNewValue());
        assertTrue(seen.contains("mappings=" + m), seen.toString());
        m.setBackingDevice("hdisk3");
        assertEquals("vhost0:hdisk3", m.name());
    }

    @Test
    void reparentingMovesAPartitionWithItsMappings() {
        Topology t = twoViosOneLpar();
        Cec second = new Cec("S2", "cec2");
        t.addCec(second);
        Lpar l = t.lpar(11);
        t.addMapping(new Mapping(l, t.vios(1), "vhost0", "hdisk2"));
        t.cecs().get(0).remove(l);
        second.add(l);
        assertSame(second, l.cec());
        assertEquals(1, l.mappings().size(), "the mapping moves along (and is now a cross-CEC error)");
        assertTrue(Validator.validate(t).stream().anyMatch(p -> p.code().equals("CROSS_CEC_MAPPING")));
        assertThrows(IllegalArgumentException.class, () -> second.add(l), "already in a CEC");
    }
}
