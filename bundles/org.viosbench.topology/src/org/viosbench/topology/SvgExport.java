package org.viosbench.topology;

import java.util.Locale;

/**
 * The diagram of a laid-out topology as SVG: CECs with their title bars, VIOSes with their
 * daemon/syscall/VKE layers, LPARs, and mappings as arrows from each LPAR to its VIOS, drawn as the
 * editor draws them. Elements without bounds are left out (lay the topology out first).
 */
public final class SvgExport {
    /** The layers drawn inside a VIOS, as in the editor. */
    public static final String[] LAYERS = { "daemon", "syscall", "VKE" };
    private static final int MARGIN = 24;

    private SvgExport() {
    }

    public static String svg(Topology t) {
        int width = MARGIN;
        int height = MARGIN;
        for (Cec c : t.cecs()) {
            if (c.bounds() != null) {
                width = Math.max(width, c.bounds().x() + c.bounds().width() + MARGIN);
                height = Math.max(height, c.bounds().y() + c.bounds().height() + MARGIN);
            }
        }
        StringBuilder s = new StringBuilder();
        s.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\""
                + " font-family=\"DejaVu Sans, Arial, sans-serif\" font-size=\"12\">%n", width, height, width, height));
        s.append("<title>").append(esc(t.name())).append("</title>\n");
        s.append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"8\" markerHeight=\"8\" orient=\"auto\">"
                + "<path d=\"M0,0 L10,5 L0,10 z\" fill=\"#5a6478\"/></marker></defs>\n");
        s.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"#ffffff\"/>%n", width, height));
        for (Cec c : t.cecs()) {
            cec(s, c);
        }
        for (Mapping m : t.mappings()) {
            mapping(s, m);
        }
        return s.append("</svg>\n").toString();
    }

    private static void cec(StringBuilder s, Cec c) {
        Bounds b = c.bounds();
        if (b == null) {
            return;
        }
        s.append("<g class=\"cec\" id=\"cec-").append(esc(c.serial())).append("\">\n");
        rect(s, b.x(), b.y(), b.width(), b.height(), 10, "#f4f6fa", "#606e8c", 1);
        s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#606e8c\"/>%n", b.x() + 1, b.y() + 1,
                b.width() - 2, AutoLayout.CEC_TITLE - 4));
        text(s, b.x() + 8, b.y() + 16, Labels.title(c), "#ffffff", true);
        for (Partition p : c.children()) {
            partition(s, b, p);
        }
        s.append("</g>\n");
    }

    private static void partition(StringBuilder s, Bounds cec, Partition p) {
        if (p.bounds() == null) {
            return;
        }
        int x = cec.x() + p.bounds().x();
        int y = cec.y() + p.bounds().y();
        int w = p.bounds().width();
        int h = p.bounds().height();
        boolean vios = p instanceof Vios;
        boolean db = p instanceof Vios v && v.role() == ViosRole.DB_PRIMARY;
        String line = vios ? (db ? "#965000" : "#265eaa") : "#3c8246";
        s.append("<g class=\"").append(vios ? "vios" : "lpar").append("\">\n");
        rect(s, x, y, w, h, 8, vios ? "#d6e6fa" : "#e2f2e2", line, db ? 2 : 1);
        text(s, x + 8, y + 16, p.name(), "#000000", true);
        text(s, x + 8, y + 34, Labels.detail(p), "#50505a", false);
        if (vios) {
            int lw = (w - 16) / LAYERS.length;
            for (int i = 0; i < LAYERS.length; i++) {
                int lx = x + 6 + i * (lw + 2);
                int ly = y + h - 26;
                rect(s, lx, ly, lw - 1, 19, 0, "#ffffff", line, 1);
                s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"#50505a\" text-anchor=\"middle\">%s</text>%n",
                        lx + lw / 2, ly + 14, LAYERS[i]));
            }
        }
        s.append("</g>\n");
    }

    private static void mapping(StringBuilder s, Mapping m) {
        int[] from = center(m.lpar());
        int[] to = center(m.vios());
        if (from == null || to == null) {
            return;
        }
        double[] a = clip(m.lpar(), from, to);
        double[] b = clip(m.vios(), to, from);
        s.append(String.format(Locale.ROOT, "<line class=\"mapping\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#5a6478\""
                + " marker-end=\"url(#arrow)\"><title>%s</title></line>%n", a[0], a[1], b[0], b[1],
                esc(m.lpar().name() + " -> " + m.vios().name() + ": " + m.adapter() + " serves " + m.backingDevice())));
    }

    private static int[] center(Partition p) {
        if (p.bounds() == null || p.cec() == null || p.cec().bounds() == null) {
            return null;
        }
        return new int[] { p.cec().bounds().x() + p.bounds().x() + p.bounds().width() / 2,
                p.cec().bounds().y() + p.bounds().y() + p.bounds().height() / 2 };
    }

    /** Where the line from the centre of {@code p} towards {@code toward} leaves its rectangle. */
    private static double[] clip(Partition p, int[] center, int[] toward) {
        double dx = toward[0] - center[0];
        double dy = toward[1] - center[1];
        if (dx == 0 && dy == 0) {
            return new double[] { center[0], center[1] };
        }
        double hw = p.bounds().width() / 2.0;
        double hh = p.bounds().height() / 2.0;
        double scale = Math.min(dx == 0 ? Double.MAX_VALUE : hw / Math.abs(dx), dy == 0 ? Double.MAX_VALUE : hh / Math.abs(dy));
        return new double[] { center[0] + dx * scale, center[1] + dy * scale };
    }

    private static void rect(StringBuilder s, int x, int y, int w, int h, int r, String fill, String stroke, int strokeWidth) {
        s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" rx=\"%d\" fill=\"%s\" stroke=\"%s\""
                + " stroke-width=\"%d\"/>%n", x, y, w, h, r, fill, stroke, strokeWidth));
    }

    private static void text(StringBuilder s, int x, int y, String text, String color, boolean bold) {
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"%s\"%s>%s</text>%n", x, y, color,
                bold ? " font-weight=\"bold\"" : "", esc(text)));
    }

    private static String esc(String text) {
        // XML 1.0 has no way to write most control characters, not even escaped: each is shown as U+FFFD
        String legal = text.codePoints().map(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0xFFFE || c == 0xFFFF
                || (c >= 0xD800 && c <= 0xDFFF) ? 0xFFFD : c).collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        return legal.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
