package org.viosbench.ui.topology;

import java.util.HashSet;
import java.util.Set;

import org.viosbench.topology.Cec;
import org.viosbench.topology.Element;
import org.viosbench.topology.Lpar;
import org.viosbench.topology.Topology;
import org.viosbench.topology.Vios;

/** Hands out ids, serials and names that a topology does not use yet, none of them twice. */
final class FreeNames {
    private final Set<String> names = new HashSet<>();
    private final Set<String> serials = new HashSet<>();
    private long nextVios;
    private int nextLpar;

    FreeNames(Topology t) {
        t.elements().map(Element::name).forEach(names::add);
        t.cecs().forEach(c -> serials.add(c.serial()));
        nextVios = t.vioses().stream().mapToLong(Vios::id).max().orElse(0) + 1;
        nextLpar = t.lpars().stream().mapToInt(Lpar::id).max().orElse(100) + 1;
    }

    Cec cec() {
        int n = serials.size() + 1;
        while (serials.contains("NEW" + n) || names.contains("cec" + n)) {
            n++;
        }
        serials.add("NEW" + n);
        names.add("cec" + n);
        return new Cec("NEW" + n, "cec" + n);
    }

    Vios vios() {
        while (names.contains("vios" + nextVios)) {
            nextVios++;
        }
        names.add("vios" + nextVios);
        Vios v = new Vios(nextVios, "vios" + nextVios, 1);
        nextVios++;
        return v;
    }

    Lpar lpar() {
        while (names.contains("lpar" + nextLpar)) {
            nextLpar++;
        }
        names.add("lpar" + nextLpar);
        Lpar l = new Lpar(nextLpar, "lpar" + nextLpar, 1);
        nextLpar++;
        return l;
    }
}
