package org.viosbench.ui.topology.parts;

import org.eclipse.draw2d.Figure;
import org.eclipse.draw2d.Graphics;
import org.eclipse.draw2d.MarginBorder;
import org.eclipse.draw2d.XYLayout;
import org.eclipse.draw2d.geometry.Rectangle;
import org.viosbench.topology.AutoLayout;

/** A CEC: a titled frame whose children (VIOSes, LPARs) are placed by their bounds. */
public final class CecFigure extends Figure {
    private String title = "";
    final ProblemMarks marks = new ProblemMarks();

    CecFigure() {
        setLayoutManager(new XYLayout());
        setBorder(new MarginBorder(0));
        setOpaque(true);
    }

    void setTitle(String title) {
        this.title = title;
        repaint();
    }

    public String title() {
        return title;
    }

    @Override
    protected void paintFigure(Graphics g) {
        Rectangle r = getBounds().getCopy();
        g.setBackgroundColor(Palette.CEC_FILL);
        g.fillRoundRectangle(r.getResized(-1, -1), 10, 10);
        g.setBackgroundColor(Palette.CEC_LINE);
        g.fillRectangle(r.x + 1, r.y + 1, r.width - 2, AutoLayout.CEC_TITLE - 4);
        g.setForegroundColor(marks.color() == null ? Palette.CEC_LINE : marks.color());
        g.setLineWidth(marks.color() == null ? 1 : 2);
        g.drawRoundRectangle(r.getResized(-1, -1), 10, 10);
        g.setForegroundColor(Palette.LAYER_FILL);
        g.setFont(Palette.bold());
        g.drawText(title, r.x + 8, r.y + 4);
        marks.paint(g, r);
    }
}
