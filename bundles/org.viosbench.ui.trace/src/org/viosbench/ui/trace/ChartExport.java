package org.viosbench.ui.trace;

import org.eclipse.draw2d.FigureCanvas;
import org.eclipse.swt.SWT;

/** The whole sequence chart (every row, at the current zoom) as SVG or PNG, painted by the chart's own code. */
final class ChartExport {

    private ChartExport() {
    }

    /** The whole chart's size, refused beyond 30,000 pixels tall (an export of everything). */
    private static org.eclipse.draw2d.geometry.Dimension size(ChartFigure chart) throws java.io.IOException {
        org.eclipse.draw2d.geometry.Dimension size = chart.getPreferredSize();
        if (size.height > 30_000) {
            throw new java.io.IOException("the chart is " + size.height + " pixels tall; filter or zoom out first (at most 30,000)");
        }
        return size;
    }

    /**
     * Writes the whole chart (every row, at the current zoom) as SVG, painted by the same code as
     * the screen through {@link SvgGraphics}; refused beyond 30,000 pixels tall.
     */
    static void svg(ChartFigure chart, FigureCanvas canvas, java.nio.file.Path file) throws java.io.IOException {
        org.eclipse.draw2d.geometry.Dimension size = size(chart);
        org.eclipse.swt.graphics.GC measure = new org.eclipse.swt.graphics.GC(canvas);
        SvgGraphics g;
        try {
            g = new SvgGraphics(size.width, size.height, canvas.getFont(), measure.getFontMetrics());
        } finally {
            measure.dispose();
        }
        org.eclipse.draw2d.geometry.Rectangle b = chart.getBounds();
        g.translate(-b.x, -b.y);
        chart.paintForExport(g);
        java.nio.file.Files.writeString(file, g.svg());
    }

    /** Writes the whole chart (every row, at the current zoom) as a PNG image; refused beyond 30,000 pixels tall. */
    static void png(ChartFigure chart, FigureCanvas canvas, java.nio.file.Path file) throws java.io.IOException {
        org.eclipse.draw2d.geometry.Dimension size = size(chart);
        org.eclipse.swt.graphics.Image image = new org.eclipse.swt.graphics.Image(canvas.getDisplay(), size.width, size.height);
        org.eclipse.swt.graphics.GC gc = new org.eclipse.swt.graphics.GC(image);
        try {
            org.eclipse.draw2d.SWTGraphics g = new org.eclipse.draw2d.SWTGraphics(gc);
            org.eclipse.draw2d.geometry.Rectangle b = chart.getBounds();
            g.translate(-b.x, -b.y);
            g.clipRect(new org.eclipse.draw2d.geometry.Rectangle(b.x, b.y, size.width, size.height));
            chart.paintForExport(g);
            g.dispose();
            org.eclipse.swt.graphics.ImageLoader loader = new org.eclipse.swt.graphics.ImageLoader();
            loader.data = new org.eclipse.swt.graphics.ImageData[] { image.getImageData() };
            loader.save(file.toString(), SWT.IMAGE_PNG);
        } catch (org.eclipse.swt.SWTException e) {
            throw new java.io.IOException(file + " was not written: " + e.getMessage(), e);
        } finally {
            gc.dispose();
            image.dispose();
        }
    }
}
