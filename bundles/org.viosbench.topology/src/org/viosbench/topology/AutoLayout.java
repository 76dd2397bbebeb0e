package org.viosbench.topology;

import java.util.List;

/**
 * Places elements that have no bounds: CECs in a grid on the diagram, inside each CEC the VIOSes
 * in rows at the top and the LPARs in rows below them (room between for the mapping lines).
 * Elements that have bounds keep them. Pure arithmetic, no UI.
 */
public final class AutoLayout {
    public static final int VIOS_WIDTH = 184;
    public static final int VIOS_HEIGHT = 76;
    public static final int LPAR_WIDTH = 132;
    public static final int LPAR_HEIGHT = 44;
    /** Height of a CEC's title bar. */
    public static final int CEC_TITLE = 26;
    private static final int MARGIN = 16;
    private static final int GAP = 16;
    private static final int ROW_GAP = 56;
    private static final int CEC_GAP = 48;
    private static final int VIOS_PER_ROW = 6;
    private static final int LPARS_PER_ROW = 8;

    private AutoLayout() {
    }

    /** Whether some element of {@code t} has no bounds. */
    public static boolean needed(Topology t) {
        return t.elements().anyMatch(e -> !(e instanceof Mapping) && e.bounds() == null);
    }

    /** Gives every element without bounds a place, in one batch. */
    public static void apply(Topology t) {
        t.batch(() -> {
            List<Cec> cecs = t.cecs();
            int columns = Math.max(1, (int) Math.ceil(Math.sqrt(cecs.size())));
            int x = CEC_GAP / 2;
            int y = CEC_GAP / 2;
            int rowHeight = 0;
            for (int i = 0; i < cecs.size(); i++) {
                Cec c = cecs.get(i);
                layoutInside(c);
                Bounds size = c.bounds() != null ? c.bounds() : new Bounds(x, y, width(c), height(c));
                if (c.bounds() == null) {
                    c.setBounds(size);
                }
                rowHeight = Math.max(rowHeight, size.height());
                x += size.width() + CEC_GAP;
                if ((i + 1) % columns == 0) {
                    x = CEC_GAP / 2;
                    y += rowHeight + CEC_GAP;
                    rowHeight = 0;
                }
            }
        });
    }

    /** Places the partitions of {@code c} that have no bounds, in their slots. */
    private static void layoutInside(Cec c) {
        List<Vios> vioses = c.vioses();
        for (int i = 0; i < vioses.size(); i++) {
            if (vioses.get(i).bounds() == null) {
                vioses.get(i).setBounds(viosSlot(c, i));
            }
        }
        List<Lpar> lpars = c.lpars();
        for (int i = 0; i < lpars.size(); i++) {
            if (lpars.get(i).bounds() == null) {
                lpars.get(i).setBounds(lparSlot(c, i));
            }
        }
    }

    /** Where the {@code index}-th VIOS of {@code c} goes (relative to the CEC). */
    public static Bounds viosSlot(Cec c, int index) {
        return new Bounds(MARGIN + (index % VIOS_PER_ROW) * (VIOS_WIDTH + GAP), CEC_TITLE + MARGIN + (index / VIOS_PER_ROW) * (VIOS_HEIGHT + GAP),
                VIOS_WIDTH, VIOS_HEIGHT);
    }

    /** Where the {@code index}-th LPAR of {@code c} goes (relative to the CEC). */
    public static Bounds lparSlot(Cec c, int index) {
        int top = CEC_TITLE + MARGIN + viosRows(c) * (VIOS_HEIGHT + GAP) - GAP + ROW_GAP;
        return new Bounds(MARGIN + (index % LPARS_PER_ROW) * (LPAR_WIDTH + GAP), top + (index / LPARS_PER_ROW) * (LPAR_HEIGHT + GAP),
                LPAR_WIDTH, LPAR_HEIGHT);
    }

    private static int viosRows(Cec c) {
        return Math.max(1, (c.vioses().size() + VIOS_PER_ROW - 1) / VIOS_PER_ROW);
    }

    private static int width(Cec c) {
        int viosColumns = Math.max(1, Math.min(VIOS_PER_ROW, c.vioses().size()));
        int lparColumns = Math.min(LPARS_PER_ROW, c.lpars().size());
        int inner = Math.max(viosColumns * (VIOS_WIDTH + GAP), lparColumns * (LPAR_WIDTH + GAP)) - GAP;
        int right = c.children().stream().filter(p -> p.bounds() != null).mapToInt(p -> p.bounds().x() + p.bounds().width()).max().orElse(0);
        return Math.max(2 * MARGIN + inner, right + MARGIN);
    }

    private static int height(Cec c) {
        int lparRows = (c.lpars().size() + LPARS_PER_ROW - 1) / LPARS_PER_ROW;
        int inner = CEC_TITLE + MARGIN + viosRows(c) * (VIOS_HEIGHT + GAP) - GAP
                + (lparRows == 0 ? 0 : ROW_GAP + lparRows * (LPAR_HEIGHT + GAP) - GAP);
        int bottom = c.children().stream().filter(p -> p.bounds() != null).mapToInt(p -> p.bounds().y() + p.bounds().height()).max().orElse(0);
        return Math.max(inner + MARGIN, bottom + MARGIN);
    }
}
