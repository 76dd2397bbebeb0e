package org.viosbench.topology;

import java.util.List;

/**
 * The sample topologies shipped with viosbench, built here and stored as files under
 * {@code samples/} in this bundle (a test keeps the two the same): small (2 CECs, 4 VIOSes,
 * 8 LPARs), medium (4 CECs, 16 VIOSes, 64 LPARs) and the largest real cluster (24 VIOSes).
 */
public final class Samples {
    /** The sample names, smallest first. */
    public static final List<String> NAMES = List.of("small", "medium", "largest");

    private Samples() {
    }

    /** The sample called {@code name}, laid out. */
    public static Topology build(String name) {
        return switch (name) {
            case "small" -> build("small", 2, 2, 4);
            case "medium" -> build("medium", 4, 4, 16);
            case "largest" -> build("largest", 6, 4, 16);
            default -> throw new IllegalArgumentException("no sample called " + name + " (samples: " + NAMES + ")");
        };
    }

    /** The bundle-relative path of the sample file called {@code name}. */
    public static String resource(String name) {
        return "samples/" + name + TopologyFile.SUFFIX;
    }

    /**
     * {@code cecs} CECs, each with {@code viosPerCec} VIOSes and {@code lparsPerCec} LPARs; every
     * LPAR served by two VIOSes of its CEC (dual paths), the first VIOS holding the VIOS database.
     */
    public static Topology build(String name, int cecs, int viosPerCec, int lparsPerCec) {
        Topology t = new Topology(name);
        long viosId = 1;
        int lparId = 101;
        for (int c = 0; c < cecs; c++) {
            Cec cec = new Cec(String.format("78%05X", 0x1A2B0 + c), "cec" + (c + 1));
            cec.setModel("9080-M9S");
            t.addCec(cec);
            Vios[] vs = new Vios[viosPerCec];
            for (int v = 0; v < viosPerCec; v++) {
                vs[v] = new Vios(viosId, "vios" + viosId, v + 1);
                vs[v].setAddress("127.0.0.1:" + (17400 + viosId));
                vs[v].setDaemons(List.of(10, 11));
                if (viosId == 1) {
                    vs[v].setRole(ViosRole.DB_PRIMARY);
                }
                cec.add(vs[v]);
                viosId++;
            }
            for (int l = 0; l < lparsPerCec; l++) {
                Lpar lpar = new Lpar(lparId, "lpar" + lparId, viosPerCec + l + 1);
                lpar.setOsType(OsType.values()[l % 3]);
                cec.add(lpar);
                int first = (l * 2) % viosPerCec;
                int second = (first + 1) % viosPerCec;
                String disk = "hdisk" + (l + 2);
                t.addMapping(new Mapping(lpar, vs[first], "vhost" + l, disk));
                if (second != first) {
                    t.addMapping(new Mapping(lpar, vs[second], "vhost" + l, disk));
                }
                lparId++;
            }
        }
        AutoLayout.apply(t);
        return t;
    }
}
