package org.viosbench.ui.topology.parts;

import org.eclipse.draw2d.Figure;
import org.eclipse.draw2d.Graphics;
import org.eclipse.draw2d.geometry.Rectangle;
import org.eclipse.swt.graphics.Color;

/**
 * A VIOS or an LPAR. A VIOS shows its name, id and role above the three layers a message passes
 * through inside it (daemon, system call, VKE); an LPAR its name and operating system.
 */
public final class PartitionFigure extends Figure {
    /** The layers drawn inside a VIOS, top to bottom. */
    public static final String[] LAYERS = org.viosbench.topology.SvgExport.LAYERS;

    private final boolean vios;
    private String name = "";
    private String detail = "";
    private boolean database;
    private String state;
    final ProblemMarks marks = new ProblemMarks();

    PartitionFigure(boolean vios) {
        this.vios = vios;
        setOpaque(false);
    }

    void setText(String name, String detail, boolean database) {
        this.name = name;
        this.detail = detail;
        this.database = database;
        repaint();
    }

    public String name() {
        return name;
    }

    public String detail() {
        return detail;
    }

    /** LPAR states while the cluster runs: every path up, some paths down, no path left. */
    public static final String IO_OK = "I/O OK";
    public static final String IO_DEGRADED = "PATH DOWN";
    public static final String IO_LOST = "NO I/O";

    private String fault;

    /** The injected fault shown on a VIOS, or null. */
    public String fault() {
        return fault;
    }

    void setFault(String fault) {
        if (!java.util.Objects.equals(this.fault, fault)) {
            this.fault = fault;
            repaint();
        }
    }

    /** The live state while the cluster runs (VIOS: UP, SUSPECTED, DOWN; LPAR: I/O OK, PATH DOWN, NO I/O), else null. */
    public String state() {
        return state;
    }

    void setState(String state) {
        if (!java.util.Objects.equals(this.state, state)) {
            this.state = state;
            repaint();
        }
    }

    public boolean isVios() {
        return vios;
    }

    /** Where layer {@code i} of a VIOS is drawn, in absolute coordinates (for animations). */
    public Rectangle layerBounds(int i) {
        Rectangle r = getBounds();
        int w = (r.width - 16) / LAYERS.length;
        return new Rectangle(r.x + 6 + i * (w + 2), r.bottom() - 26, w, 20);
    }

    @Override
    protected void paintFigure(Graphics g) {
        Rectangle r = getBounds().getCopy().resize(-1, -1);
        Color line = vios ? (database ? Palette.DB_LINE : Palette.VIOS_LINE) : Palette.LPAR_LINE;
        g.setBackgroundColor(vios ? Palette.VIOS_FILL : Palette.LPAR_FILL);
        g.fillRoundRectangle(r, 8, 8);
        Color problem = marks.color();
        g.setForegroundColor(problem != null ? problem : line);
        g.setLineWidth(problem != null || database ? 2 : 1);
        g.drawRoundRectangle(r, 8, 8);
        g.setLineWidth(1);
        org.eclipse.swt.graphics.Font normal = g.getFont();
        g.setFont(Palette.bold());
        g.setForegroundColor(Palette.TEXT);
        g.drawText(name, r.x + 8, r.y + 4);
        g.setFont(normal);
        g.setForegroundColor(Palette.SUBTLE);
        g.drawText(detail, r.x + 8, r.y + 22);
        if (vios) {
            for (int i = 0; i < LAYERS.length; i++) {
                Rectangle l = layerBounds(i);
                g.setBackgroundColor(Palette.LAYER_FILL);
                g.fillRectangle(l);
                g.setForegroundColor(line);
                g.drawRectangle(l.getResized(-1, -1));
                g.setForegroundColor(Palette.SUBTLE);
                org.eclipse.draw2d.geometry.Dimension size = org.eclipse.draw2d.FigureUtilities.getTextExtents(LAYERS[i], g.getFont());
                g.drawText(LAYERS[i], l.x + (l.width - size.width) / 2, l.y + (l.height - size.height) / 2);
            }
        }
        if (state != null) {
            paintState(g, r);
        }
        if (fault != null) {
            org.eclipse.draw2d.geometry.Dimension size = org.eclipse.draw2d.FigureUtilities.getTextExtents(fault, g.getFont());
            Rectangle badge = new Rectangle(r.right() - size.width - 12, r.y + 24, size.width + 8, size.height + 2);
            g.setBackgroundColor(Palette.ERROR);
            g.fillRoundRectangle(badge, 6, 6);
            g.setForegroundColor(Palette.LAYER_FILL);
            g.drawText(fault, badge.x + 4, badge.y + 1);
        }
        marks.paint(g, r);
    }

    /** A state badge in the top right corner; a VIOS that is down is greyed out. */
    private void paintState(Graphics g, Rectangle r) {
        Color c = switch (state) {
            case "UP", IO_OK -> Palette.STATE_UP;
            case "SUSPECTED", IO_DEGRADED -> Palette.WARNING;
            case IO_LOST -> Palette.ERROR;
            default -> Palette.STATE_DOWN;
        };
        if (!vios) { // an LPAR is small: a coloured dot (and a red frame when its I/O is lost) instead of a label
            g.setBackgroundColor(c);
            g.fillOval(r.right() - 16, r.y + 5, 10, 10);
            if (state.equals(IO_LOST)) {
                g.setForegroundColor(Palette.ERROR);
                g.setLineWidth(3);
                g.drawRoundRectangle(r, 8, 8);
                g.setLineWidth(1);
            }
            return;
        }
        if (!state.equals("UP")) {
            g.setAlpha(120);
            g.setBackgroundColor(Palette.STATE_DOWN);
            g.fillRoundRectangle(r, 8, 8);
            g.setAlpha(255);
        }
        org.eclipse.draw2d.geometry.Dimension size = org.eclipse.draw2d.FigureUtilities.getTextExtents(state, g.getFont());
        Rectangle badge = new Rectangle(r.right() - size.width - 26, r.y + 4, size.width + 8, size.height + 2);
        g.setBackgroundColor(c);
        g.fillRoundRectangle(badge, 6, 6);
        g.setForegroundColor(Palette.LAYER_FILL);
        g.drawText(state, badge.x + 4, badge.y + 1);
    }
}
