package org.viosbench.ui.trace;

import org.eclipse.draw2d.Graphics;
import org.eclipse.draw2d.geometry.Point;
import org.eclipse.swt.graphics.Color;
import org.viosbench.engine.TraceEvent;

/** How one event is drawn on the chart: its time on the left, a dot on its lane, its kind beside the dot. */
final class EventRenderer {
    private static final Color TEXT = new Color(60, 60, 70);
    private static final Color DOT = new Color(90, 100, 120);

    private EventRenderer() {
    }

    private static final Color FAINT = new Color(215, 218, 225);

    static void paint(Graphics g, ChartFigure chart, TraceEvent e, int index, boolean kept) {
        Point p = chart.dot(index);
        if (!kept) {
            g.setBackgroundColor(FAINT);
            g.fillOval(p.x - 3, p.y - 3, 6, 6);
            return;
        }
        boolean failure = switch (e.kind()) {
            case DROP, ERROR, FAULT, TIMEOUT, SUSPECT, MATCH_ERROR, LATE, DUPLICATE, UNEXPECTED -> true;
            default -> false;
        };
        g.setBackgroundColor(failure ? ChartFigure.FAILURE : DOT);
        g.fillOval(p.x - 4, p.y - 4, 8, 8);
        g.setForegroundColor(failure ? ChartFigure.FAILURE : TEXT);
        g.drawText(e.kind().name(), p.x + 7, p.y - 8);
        g.setForegroundColor(TEXT);
        g.drawText(String.format("%,d", index), chart.getBounds().x + 6, p.y - 8);
    }
}
