package org.viosbench.topology;

/** The texts a diagram shows for an element, the same in the editor and in exported pictures. */
public final class Labels {

    private Labels() {
    }

    /** A CEC's title bar: name, serial, machine type-model. */
    public static String title(Cec c) {
        return c.name() + "   " + c.serial() + (c.model().isEmpty() ? "" : "   " + c.model());
    }

    /** The second line of a VIOS or LPAR figure. */
    public static String detail(Partition p) {
        if (p instanceof Vios v) {
            return "id " + v.id() + (v.role() == ViosRole.DB_PRIMARY ? "  ·  VIOS DB" : "") + "  ·  lpar " + v.partitionId();
        }
        Lpar l = (Lpar) p;
        return l.osType() + "  ·  id " + l.id();
    }
}
