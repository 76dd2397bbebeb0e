package org.viosbench.ui.trace;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;

import org.eclipse.draw2d.Graphics;
import org.eclipse.draw2d.geometry.PointList;
import org.eclipse.draw2d.geometry.Rectangle;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontMetrics;
import org.eclipse.swt.graphics.Image;

/**
 * Draw2d graphics that write SVG: a figure paints itself once, and the same drawing becomes a
 * vector file (the chart's SVG export). Lines, rectangles, ovals, polygons and text are written;
 * images, arcs, gradients and XOR are not part of what the chart draws and are left out. Text is
 * placed by its top edge as Draw2d does (the SVG baseline is set one font ascent lower).
 */
final class SvgGraphics extends Graphics {

    private static final class State {
        Color fg;
        Color bg;
        int lineWidth = 1;
        int lineStyle = SWT.LINE_SOLID;
        int dx;
        int dy;
        Rectangle clip;
        Font font;

        State copy() {
            State s = new State();
            s.fg = fg;
            s.bg = bg;
            s.lineWidth = lineWidth;
            s.lineStyle = lineStyle;
            s.dx = dx;
            s.dy = dy;
            s.clip = clip.getCopy();
            s.font = font;
            return s;
        }
    }

    private final StringBuilder body = new StringBuilder();
    private final Deque<State> saved = new ArrayDeque<>();
    private State state = new State();
    private final int width;
    private final int height;
    private final int ascent;

    /** An SVG canvas of {@code width} x {@code height}; {@code font} (may be null) sets text size and ascent. */
    SvgGraphics(int width, int height, Font font, FontMetrics metrics) {
        this.width = width;
        this.height = height;
        state.clip = new Rectangle(0, 0, width, height);
        state.font = font;
        state.fg = new Color(0, 0, 0);
        state.bg = new Color(255, 255, 255);
        this.ascent = metrics == null ? 12 : metrics.getAscent();
    }

    /** The SVG document drawn so far. */
    String svg() {
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + width + "\" height=\"" + height + "\" viewBox=\"0 0 " + width + " "
                + height + "\" font-family=\"sans-serif\" font-size=\"12\">\n" + body + "</svg>\n";
    }

    private static String rgb(Color c) {
        return c == null ? "none" : String.format(Locale.ROOT, "#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
    }

    private String stroke() {
        String dash = switch (state.lineStyle) {
            case SWT.LINE_DASH -> " stroke-dasharray=\"6 3\"";
            case SWT.LINE_DOT -> " stroke-dasharray=\"1 2\"";
            case SWT.LINE_DASHDOT -> " stroke-dasharray=\"6 3 1 3\"";
            default -> "";
        };
        return " stroke=\"" + rgb(state.fg) + "\" stroke-width=\"" + state.lineWidth + "\"" + dash;
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private boolean outside(int x, int y, int w, int h) {
        Rectangle c = state.clip;
        return x + w < c.x || y + h < c.y || x > c.right() || y > c.bottom();
    }

    @Override
    public void drawLine(int x1, int y1, int x2, int y2) {
        body.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"%s/>\n", x1 + state.dx, y1 + state.dy, x2 + state.dx,
                y2 + state.dy, stroke()));
    }

    @Override
    public void drawRectangle(int x, int y, int w, int h) {
        body.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\"%s/>\n", x + state.dx,
                y + state.dy, w, h, stroke()));
    }

    @Override
    public void fillRectangle(int x, int y, int w, int h) {
        if (outside(x, y, w, h)) {
            return;
        }
        body.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"/>\n", x + state.dx, y + state.dy,
                w, h, rgb(state.bg)));
    }

    @Override
    public void drawOval(int x, int y, int w, int h) {
        body.append(String.format(Locale.ROOT, "<ellipse cx=\"%.1f\" cy=\"%.1f\" rx=\"%.1f\" ry=\"%.1f\" fill=\"none\"%s/>\n",
                x + state.dx + w / 2.0, y + state.dy + h / 2.0, w / 2.0, h / 2.0, stroke()));
    }

    @Override
    public void fillOval(int x, int y, int w, int h) {
        body.append(String.format(Locale.ROOT, "<ellipse cx=\"%.1f\" cy=\"%.1f\" rx=\"%.1f\" ry=\"%.1f\" fill=\"%s\"/>\n", x + state.dx + w / 2.0,
                y + state.dy + h / 2.0, w / 2.0, h / 2.0, rgb(state.bg)));
    }

    private String points(PointList list) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < list.size(); i++) {
            sb.append(i == 0 ? "" : " ").append(list.getPoint(i).x + state.dx).append(',').append(list.getPoint(i).y + state.dy);
        }
        return sb.toString();
    }

    @Override
    public void drawPolyline(PointList points) {
        body.append("<polyline points=\"").append(points(points)).append("\" fill=\"none\"").append(stroke()).append("/>\n");
    }

    @Override
    public void drawPolygon(PointList points) {
        body.append("<polygon points=\"").append(points(points)).append("\" fill=\"none\"").append(stroke()).append("/>\n");
    }

    @Override
    public void fillPolygon(PointList points) {
        body.append("<polygon points=\"").append(points(points)).append("\" fill=\"").append(rgb(state.bg)).append("\"/>\n");
    }

    @Override
    public void drawText(String s, int x, int y) {
        body.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"%s\">%s</text>\n", x + state.dx, y + state.dy + ascent, rgb(state.fg),
                escape(s)));
    }

    @Override
    public void drawString(String s, int x, int y) {
        drawText(s, x, y);
    }

    @Override
    public void fillText(String s, int x, int y) {
        drawText(s, x, y);
    }

    @Override
    public void fillString(String s, int x, int y) {
        drawText(s, x, y);
    }

    @Override
    public void drawRoundRectangle(Rectangle r, int arcWidth, int arcHeight) {
        drawRectangle(r.x, r.y, r.width, r.height);
    }

    @Override
    public void fillRoundRectangle(Rectangle r, int arcWidth, int arcHeight) {
        fillRectangle(r.x, r.y, r.width, r.height);
    }

    @Override
    public void fillGradient(int x, int y, int w, int h, boolean vertical) {
        fillRectangle(x, y, w, h);
    }

    @Override
    public void drawArc(int x, int y, int w, int h, int offset, int length) {
        // not drawn by the chart
    }

    @Override
    public void fillArc(int x, int y, int w, int h, int offset, int length) {
        // not drawn by the chart
    }

    @Override
    public void drawFocus(int x, int y, int w, int h) {
        // focus rectangles do not belong in an exported picture
    }

    @Override
    public void drawImage(Image image, int x, int y) {
        // not drawn by the chart
    }

    @Override
    public void drawImage(Image image, int x1, int y1, int w1, int h1, int x2, int y2, int w2, int h2) {
        // not drawn by the chart
    }

    @Override
    public void clipRect(Rectangle r) {
        state.clip.intersect(r); // both in the current (translated) coordinates
    }

    @Override
    public void setClip(Rectangle r) {
        state.clip = r.getCopy();
    }

    @Override
    public Rectangle getClip(Rectangle r) {
        r.setBounds(state.clip);
        return r;
    }

    @Override
    public void translate(int x, int y) {
        state.dx += x;
        state.dy += y;
        state.clip.translate(-x, -y);
    }

    @Override
    public void scale(double amount) {
        throw new UnsupportedOperationException("the SVG export draws at 100 %");
    }

    @Override
    public Color getBackgroundColor() {
        return state.bg;
    }

    @Override
    public Color getForegroundColor() {
        return state.fg;
    }

    @Override
    public void setBackgroundColor(Color c) {
        state.bg = c;
    }

    @Override
    public void setForegroundColor(Color c) {
        state.fg = c;
    }

    @Override
    public Font getFont() {
        return state.font;
    }

    @Override
    public void setFont(Font f) {
        state.font = f;
    }

    @Override
    public FontMetrics getFontMetrics() {
        throw new UnsupportedOperationException("measure text on the screen's graphics, not the SVG's");
    }

    @Override
    public int getLineStyle() {
        return state.lineStyle;
    }

    @Override
    public void setLineStyle(int style) {
        state.lineStyle = style;
    }

    @Override
    public int getLineWidth() {
        return state.lineWidth;
    }

    @Override
    public void setLineWidth(int w) {
        state.lineWidth = w;
    }

    @Override
    public boolean getXORMode() {
        return false;
    }

    @Override
    public void setXORMode(boolean on) {
        // XOR drawing has no SVG counterpart; the chart does not use it
    }

    @Override
    public void pushState() {
        saved.push(state.copy());
    }

    @Override
    public void popState() {
        state = saved.pop();
    }

    @Override
    public void restoreState() {
        state = saved.peek().copy();
    }

    @Override
    public void dispose() {
        saved.clear();
    }
}
