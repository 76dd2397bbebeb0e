package org.viosbench.ui.trace;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.draw2d.Figure;
import org.eclipse.draw2d.Graphics;
import org.eclipse.draw2d.geometry.Dimension;
import org.eclipse.draw2d.geometry.Point;
import org.eclipse.draw2d.geometry.Rectangle;
import org.eclipse.swt.graphics.Color;
import org.viosbench.engine.TraceEvent;
import org.viosbench.engine.TraceKind;
import org.viosbench.trace.RecordedTrace;

/**
 * The sequence chart: one lane per VIOS (columns), one row per event (time runs down), a dot per
 * event on its VIOS's lane, an arrow from each kcluster send to its receipt (requests blue,
 * responses green; a send without receipt ends in a red cross), and the cursor as a line. Only the
 * rows in the clip are painted, so a million-event trace scrolls as fast as a small one.
 */
public final class ChartFigure extends Figure {
    static final int LANE = 150;
    static final int ROW = 18;
    /** The row height now (zoom in time): {@link #ROW} at 100 %. */
    private int row = ROW;
    /** Events the filter keeps are drawn as usual, the others faint; null keeps all. */
    private java.util.function.Predicate<TraceEvent> filter;
    /** Whether each VIOS lane is split into daemon / syscall / VKE / kcluster sub-lanes. */
    private boolean layers;
    static final int HEADER = 28;
    static final int LEFT = 80;
    static final Color REQUEST = new Color(30, 90, 200);
    static final Color RESPONSE = new Color(20, 150, 60);
    static final Color FAILURE = new Color(210, 30, 30);
    static final Color CURSOR = new Color(230, 120, 0);
    static final Color LANE_LINE = new Color(200, 205, 215);
    static final Color SELECTED = new Color(255, 245, 200);
    static final Color HEADER_FILL = new Color(235, 238, 245);

    private RecordedTrace trace;
    private LaneOrder lanes;
    /** For each event: the row of its receipt (for TRANSMIT), or -1; -2 when a send was never received. */
    private int[] receipt = new int[0];
    private int cursor;
    private int selected = -1;
    /** Sends still on their way (step mode's pending deliveries): drawn dashed to the cursor, not as lost. */
    private java.util.function.IntPredicate inFlight = i -> false;

    public ChartFigure() {
        setOpaque(true);
    }

    /**
     * Shows this chart in {@code canvas}. The lane header stays at the top of the visible area, so
     * every scroll repaints the whole visible chart (the canvas would copy the old header along).
     */
    /** While true the header is painted at the top of the whole chart (an export), not of the visible area. */
    private boolean exporting;

    /** Paints the whole chart into {@code g} for an export (header at the top of the image). */
    void paintForExport(Graphics g) {
        exporting = true;
        try {
            paint(g);
        } finally {
            exporting = false;
        }
    }

    /**
     * Shows this chart in a new canvas under {@code parent}, below a fixed header canvas that holds
     * the lane names and follows the chart's horizontal scrolling; returns the chart's canvas.
     */
    public org.eclipse.draw2d.FigureCanvas showIn(org.eclipse.swt.widgets.Composite parent) {
        org.eclipse.swt.widgets.Composite box = new org.eclipse.swt.widgets.Composite(parent, org.eclipse.swt.SWT.NONE);
        org.eclipse.swt.layout.GridLayout layout = new org.eclipse.swt.layout.GridLayout(1, false);
        layout.marginWidth = 0;
        layout.marginHeight = 0;
        layout.verticalSpacing = 0;
        box.setLayout(layout);
        header = new org.eclipse.draw2d.FigureCanvas(box);
        header.setScrollBarVisibility(org.eclipse.draw2d.FigureCanvas.NEVER);
        org.eclipse.swt.layout.GridData top = new org.eclipse.swt.layout.GridData(org.eclipse.swt.SWT.FILL, org.eclipse.swt.SWT.TOP, true, false);
        top.heightHint = HEADER;
        header.setLayoutData(top);
        header.setContents(headerFigure);
        org.eclipse.draw2d.FigureCanvas canvas = new org.eclipse.draw2d.FigureCanvas(box);
        org.eclipse.swt.layout.GridData rest = new org.eclipse.swt.layout.GridData(org.eclipse.swt.SWT.FILL, org.eclipse.swt.SWT.FILL, true, true);
        rest.minimumHeight = 40; // a view squeezed smaller clips the chart rather than giving GTK a negative size
        canvas.setLayoutData(rest);
        canvas.setContents(this);
        canvas.getViewport().getHorizontalRangeModel().addPropertyChangeListener(e -> {
            if (org.eclipse.draw2d.RangeModel.PROPERTY_VALUE.equals(e.getPropertyName())) {
                header.getViewport().setHorizontalLocation(canvas.getViewport().getViewLocation().x);
            }
        });
        return canvas;
    }

    /** The fixed header canvas (after {@link #showIn}). */
    org.eclipse.draw2d.FigureCanvas headerCanvas() {
        return header;
    }

    private org.eclipse.draw2d.FigureCanvas header;
    private final Figure headerFigure = new Figure() {
        @Override
        protected void paintFigure(Graphics g) {
            Rectangle hb = getBounds();
            paintHeader(g, hb.x, hb.y, Math.max(hb.width, ChartFigure.this.getBounds().width));
        }
    };

    public void setTrace(RecordedTrace t) {
        trace = t;
        lanes = new LaneOrder(t);
        receipt = new int[t.size()];
        for (int i = 0; i < t.size(); i++) {
            receipt[i] = -1;
            if (t.event(i).kind() == TraceKind.TRANSMIT) {
                List<Integer> r = t.receiptsOf(i);
                receipt[i] = r.isEmpty() ? -2 : r.get(0);
            }
        }
        resize();
    }

    private void updateHeader() {
        headerFigure.setPreferredSize(new Dimension(getPreferredSize().width, HEADER));
        headerFigure.revalidate();
        headerFigure.repaint();
    }

    private void resize() {
        setPreferredSize(new Dimension(LEFT + Math.max(1, lanes.lanes()) * LANE, HEADER + trace.size() * row + row));
        revalidate();
        repaint();
        updateHeader();
    }

    /** Zooms in time: rows {@code factor} times as tall (between 6 and 60 pixels). */
    void zoom(double factor) {
        row = (int) Math.max(6, Math.min(60, Math.round(row * factor)));
        if (trace != null) {
            resize();
        }
    }

    int rowHeight() {
        return row;
    }

    /** Draws only the events {@code keep} accepts in full (the others faint); null for all. */
    void setFilter(java.util.function.Predicate<TraceEvent> keep) {
        filter = keep;
        repaint();
    }

    /** Whether event {@code i} passes the filter. */
    public boolean matches(int i) {
        return filter == null || filter.test(trace.event(i));
    }

    /** Which sends without a receipt are still in flight rather than lost; {@code null}: none. */
    public void setInFlight(java.util.function.IntPredicate p) {
        inFlight = p == null ? i -> false : p;
        repaint();
    }

    public boolean inFlight(int event) {
        return receipt[event] == -2 && inFlight.test(event);
    }

    public void setCursor(int position) {
        cursor = position;
        repaint();
    }

    public void setSelected(int event) {
        selected = event;
        repaint();
    }

    /** Splits every VIOS lane into daemon / syscall / VKE / kcluster sub-lanes (true) or draws one line per VIOS. */
    void setLayers(boolean split) {
        layers = split;
        repaint();
        headerFigure.repaint();
    }

    boolean layers() {
        return layers;
    }

    /** The x of {@code layer}'s sub-lane in VIOS lane {@code lane} (the lane's middle when not split). */
    private int x(int lane, org.viosbench.engine.Layer layer) {
        int left = getBounds().x + LEFT + lane * LANE;
        if (!layers) {
            return left + LANE / 2;
        }
        int sub = switch (layer) {
            case DAEMON, QUEUE -> 0;
            case SYSCALL -> 1;
            case VKE -> 2;
            case KCLUSTER -> 3;
        };
        return left + LANE / 8 + sub * LANE / 4;
    }

    /** Where event {@code i}'s dot is. */
    public Point dot(int i) {
        Rectangle b = getBounds();
        TraceEvent e = trace.event(i);
        return new Point(x(lanes.laneOf(e.vios()), e.layer()), b.y + HEADER + i * row + row / 2);
    }

    /** The event whose row holds point {@code y} (figure coordinates), or -1. */
    public int eventAt(int y) {
        int i = (y - getBounds().y - HEADER) / row;
        return trace == null || i < 0 || i >= trace.size() ? -1 : i;
    }

    /** The arrows drawn for rows first..last (send index, receipt index or -2), for tests. */
    public List<int[]> arrows(int first, int last) {
        List<int[]> out = new ArrayList<>();
        for (int i = Math.max(0, first); i <= Math.min(last, receipt.length - 1); i++) {
            if (receipt[i] != -1) {
                out.add(new int[] { i, receipt[i] });
            }
        }
        return out;
    }

    @Override
    protected void paintFigure(Graphics g) {
        Rectangle b = getBounds();
        g.setBackgroundColor(org.eclipse.draw2d.ColorConstants.white);
        g.fillRectangle(b);
        if (trace == null) {
            return;
        }
        Rectangle clip = g.getClip(new Rectangle());
        int first = Math.max(0, (clip.y - b.y - HEADER) / row - 1);
        int last = Math.min(trace.size() - 1, (clip.bottom() - b.y - HEADER) / row + 1);
        for (int l = 0; l < lanes.lanes(); l++) {
            g.setForegroundColor(LANE_LINE);
            for (org.viosbench.engine.Layer layer : layers ? new org.viosbench.engine.Layer[] { org.viosbench.engine.Layer.DAEMON,
                    org.viosbench.engine.Layer.SYSCALL, org.viosbench.engine.Layer.VKE, org.viosbench.engine.Layer.KCLUSTER }
                    : new org.viosbench.engine.Layer[] { org.viosbench.engine.Layer.DAEMON }) {
                int x = x(l, layer);
                g.drawLine(x, Math.max(b.y + HEADER, clip.y), x, Math.min(b.bottom(), clip.bottom()));
            }
        }
        if (selected >= first && selected <= last) {
            g.setBackgroundColor(SELECTED);
            g.fillRectangle(b.x, b.y + HEADER + selected * row, b.width, row);
        }
        // arrows that start or end in view (a long arrow is drawn when either end shows)
        for (int i = 0; i < receipt.length; i++) {
            int r = receipt[i];
            if (r == -1 || (Math.max(i, r) < first || Math.min(i, r < 0 ? i : r) > last) || !matches(i)) {
                continue;
            }
            Point from = dot(i);
            if (r == -2 && inFlight.test(i)) {
                g.setForegroundColor(CURSOR);
                g.setLineStyle(org.eclipse.swt.SWT.LINE_DASH);
                Point to = new Point(x(lanes.laneOf(trace.event(i).peer()), org.viosbench.engine.Layer.KCLUSTER),
                        b.y + HEADER + cursor * row);
                g.drawLine(from, to);
                g.setLineStyle(org.eclipse.swt.SWT.LINE_SOLID);
                g.drawOval(to.x - 3, to.y - 3, 6, 6);
                continue;
            }
            if (r == -2) {
                g.setForegroundColor(FAILURE);
                int dir = Integer.signum(lanes.laneOf(trace.event(i).peer()) - lanes.laneOf(trace.event(i).vios()));
                Point end = new Point(from.x + dir * LANE / 2, from.y + row / 2);
                g.drawLine(from, end);
                g.drawLine(end.x - 4, end.y - 4, end.x + 4, end.y + 4);
                g.drawLine(end.x - 4, end.y + 4, end.x + 4, end.y - 4);
                continue;
            }
            Point to = dot(r);
            boolean response = trace.event(i).response();
            g.setForegroundColor(response ? RESPONSE : REQUEST);
            g.drawLine(from, to);
            double angle = Math.atan2(to.y - from.y, to.x - from.x);
            g.drawLine(to.x, to.y, (int) (to.x - 9 * Math.cos(angle - 0.4)), (int) (to.y - 9 * Math.sin(angle - 0.4)));
            g.drawLine(to.x, to.y, (int) (to.x - 9 * Math.cos(angle + 0.4)), (int) (to.y - 9 * Math.sin(angle + 0.4)));
        }
        for (int i = first; i <= last; i++) {
            EventRenderer.paint(g, this, trace.event(i), i, matches(i));
        }
        // the lane header: on screen a separate canvas above the chart holds it (a header painted inside a scrolled
        // canvas is copied along by every scroll); an export paints it at the top of the image
        if (exporting) {
            paintHeader(g, b.x, b.y, b.width);
        }
        int y = b.y + HEADER + cursor * row;
        g.setForegroundColor(CURSOR);
        g.setLineWidth(2);
        g.drawLine(b.x, y, b.right(), y);
        g.setLineWidth(1);
    }

    /** The lane names on the header band at ({@code left}, {@code top}), {@code width} wide. */
    void paintHeader(Graphics g, int left, int top, int width) {
        g.setBackgroundColor(HEADER_FILL);
        g.fillRectangle(left, top, width, HEADER);
        if (trace == null) {
            return;
        }
        g.setForegroundColor(org.eclipse.draw2d.ColorConstants.black);
        Rectangle b = getBounds();
        for (int l = 0; l < lanes.lanes(); l++) {
            int vios = lanes.viosOf(l);
            String name = trace.names().getOrDefault(vios, "vios" + Integer.toUnsignedString(vios));
            if (layers) {
                g.drawText(name + ": d s v k", left + LEFT + l * LANE + 8, top + 6);
            } else { // centred over the lane's line
                org.eclipse.swt.graphics.Font font = getFont() != null ? getFont() : g.getFont();
                int w = font == null ? 0 : org.eclipse.draw2d.FigureUtilities.getTextWidth(name, font);
                g.drawText(name, left + x(l, org.viosbench.engine.Layer.DAEMON) - b.x - w / 2, top + 6);
            }
        }
    }

    public RecordedTrace trace() {
        return trace;
    }
}
