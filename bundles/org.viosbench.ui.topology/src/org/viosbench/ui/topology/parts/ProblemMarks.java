package org.viosbench.ui.topology.parts;

import java.util.List;
import java.util.stream.Collectors;

import org.eclipse.draw2d.Graphics;
import org.eclipse.draw2d.IFigure;
import org.eclipse.draw2d.Label;
import org.eclipse.draw2d.geometry.Rectangle;
import org.eclipse.swt.graphics.Color;
import org.viosbench.topology.Problem;

/** How a figure shows its validation problems: a marker in its top right corner and the messages as tooltip. */
final class ProblemMarks {
    private List<Problem> problems = List.of();
    private String shownFor;

    void set(IFigure figure, List<Problem> now, String normalTooltip) {
        if (now.equals(problems) && normalTooltip.equals(shownFor)) {
            return; // unchanged: no new tooltip, no repaint (large topologies revalidate thousands of figures per edit)
        }
        shownFor = normalTooltip;
        problems = List.copyOf(now);
        String text = problems.isEmpty() ? normalTooltip
                : normalTooltip + "\n" + problems.stream().map(p -> p.severity() + ": " + p.message()).collect(Collectors.joining("\n"));
        figure.setToolTip(new Label(text));
        figure.repaint();
    }

    List<Problem> problems() {
        return problems;
    }

    /** The colour of the worst problem, or null without problems. */
    Color color() {
        if (problems.stream().anyMatch(p -> p.severity() == Problem.Severity.ERROR)) {
            return Palette.ERROR;
        }
        return problems.isEmpty() ? null : Palette.WARNING;
    }

    void paint(Graphics g, Rectangle r) {
        Color c = color();
        if (c == null) {
            return;
        }
        Rectangle dot = new Rectangle(r.right() - 17, r.y + 3, 14, 14);
        g.setBackgroundColor(c);
        g.fillOval(dot);
        g.setForegroundColor(Palette.LAYER_FILL);
        g.drawText("!", dot.x + 5, dot.y - 1);
    }
}
