package org.viosbench.ui.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Locale;

import org.eclipse.draw2d.FigureCanvas;
import org.eclipse.gef.commands.CommandStack;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.viosbench.topology.Bounds;
import org.viosbench.topology.Cec;
import org.viosbench.topology.Samples;
import org.viosbench.topology.Topology;
import org.viosbench.topology.TopologyFile;
import org.viosbench.ui.topology.commands.Edits;

/**
 * A benchmark, not a timed test: the editor on 64 CECs x (4 VIOSes + 32 LPARs), 4096 mappings.
 * Prints one JSON line (open, scroll and drag times on this display); asserts only that it all drew.
 */
@org.junit.jupiter.api.extension.ExtendWith(org.viosbench.testing.ui.NoErrorsLogged.class)
class LargeTopologyBenchmarkTest {

    @TempDir
    Path tmp;

    /** Lets Draw2d lay out and paint what the last change damaged, now (its update manager would do it a moment later). */
    private static void paint(Display d, FigureCanvas canvas) {
        while (d.readAndDispatch()) {
            // pending events first
        }
        canvas.getLightweightSystem().getUpdateManager().performUpdate();
    }

    /** Paints everything the viewport shows into an offscreen image: the worst case of a scroll step (all of it exposed). */
    private static double frameMs(FigureCanvas canvas) {
        org.eclipse.draw2d.geometry.Rectangle view = canvas.getViewport().getClientArea();
        org.eclipse.swt.graphics.Image image = new org.eclipse.swt.graphics.Image(canvas.getDisplay(), Math.max(1, view.width),
                Math.max(1, view.height));
        org.eclipse.swt.graphics.GC gc = new org.eclipse.swt.graphics.GC(image);
        long a = System.nanoTime();
        org.eclipse.draw2d.SWTGraphics g = new org.eclipse.draw2d.SWTGraphics(gc);
        g.translate(-view.x, -view.y);
        g.clipRect(view);
        canvas.getViewport().getContents().paint(g);
        g.dispose();
        double ms = (System.nanoTime() - a) / 1e6;
        gc.dispose();
        image.dispose();
        return ms;
    }

    @Test
    void openScrollAndDragALargeTopology() throws Exception {
        Topology large = Samples.build("large", 64, 4, 32);
        Path file = tmp.resolve("large" + TopologyFile.SUFFIX);
        TopologyFile.write(large, file);
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        Display d = Display.getCurrent();

        long t0 = System.nanoTime();
        TopologyEditor e = (TopologyEditor) page.openEditor(TopologyEditorInput.of(file), TopologyEditor.ID);
        FigureCanvas canvas = (FigureCanvas) e.getGraphicalViewer().getControl();
        paint(d, canvas);
        double openMs = (System.nanoTime() - t0) / 1e6;
        assertEquals(64 * 36, e.getGraphicalViewer().getEditPartRegistry().values().stream()
                .filter(p -> p instanceof org.viosbench.ui.topology.parts.PartitionPart).count());

        // scroll down as a mouse wheel does: 40 steps of 100 px, each painted before the next
        int steps = 40;
        double scrollMax = 0;
        long s0 = System.nanoTime();
        for (int i = 1; i <= steps; i++) {
            long a = System.nanoTime();
            canvas.scrollToY(100 * i);
            paint(d, canvas);
            scrollMax = Math.max(scrollMax, (System.nanoTime() - a) / 1e6);
        }
        double scrollAvg = (System.nanoTime() - s0) / 1e6 / steps;

        // a full frame of the visible part, at 10 places
        double fullPaint = 0;
        for (int i = 0; i < 10; i++) {
            canvas.scrollToY(400 * i);
            paint(d, canvas);
            fullPaint += frameMs(canvas) / 10;
        }

        // drag (the command a drag ends in, and its repaint): a CEC with its 36 partitions and 64 mappings, 20 times
        canvas.scrollTo(0, 0);
        paint(d, canvas);
        Cec cec = e.topology().cecs().get(0);
        CommandStack stack = e.getCommandStack();
        double dragMax = 0;
        long g0 = System.nanoTime();
        for (int i = 1; i <= 20; i++) {
            Bounds b = cec.bounds();
            long a = System.nanoTime();
            stack.execute(Edits.setBounds(cec, b.movedTo(b.x() + (i % 2 == 0 ? -8 : 8), b.y())));
            paint(d, canvas);
            dragMax = Math.max(dragMax, (System.nanoTime() - a) / 1e6);
        }
        double dragAvg = (System.nanoTime() - g0) / 1e6 / 20;
        long v0 = System.nanoTime();
        for (int i = 0; i < 20; i++) {
            org.viosbench.topology.Validator.validate(e.topology());
        }
        double validateMs = (System.nanoTime() - v0) / 1e6 / 20;
        // the same drag with the Outline view (the overview thumbnail) closed
        org.eclipse.ui.IViewPart outline = page.findView(org.eclipse.ui.IPageLayout.ID_OUTLINE);
        if (outline != null) {
            page.hideView(outline);
        }
        paint(d, canvas);
        long h0 = System.nanoTime();
        for (int i = 1; i <= 20; i++) {
            Bounds b = cec.bounds();
            stack.execute(Edits.setBounds(cec, b.movedTo(b.x() + (i % 2 == 0 ? -8 : 8), b.y())));
            paint(d, canvas);
        }
        double dragNoOutline = (System.nanoTime() - h0) / 1e6 / 20;
        long k0 = System.nanoTime();
        for (int i = 1; i <= steps; i++) {
            canvas.scrollToY(100 * i);
            paint(d, canvas);
        }
        double scrollNoOutline = (System.nanoTime() - k0) / 1e6 / steps;
        if (outline != null) {
            page.showView(org.eclipse.ui.IPageLayout.ID_OUTLINE);
        }
        System.out.println(String.format(Locale.ROOT, "{\"bench\":\"editor-large-no-outline\",\"scroll_ms_avg\":%.1f,\"drag_ms_avg\":%.1f}",
                scrollNoOutline, dragNoOutline));
        System.out.println(String.format(Locale.ROOT, "{\"bench\":\"editor-large\",\"cecs\":64,\"partitions\":%d,\"mappings\":%d,"
                + "\"open_ms\":%.0f,\"frame_ms\":%.1f,\"scroll_ms_avg\":%.1f,\"scroll_ms_max\":%.1f,\"drag_ms_avg\":%.1f,\"drag_ms_max\":%.1f,\"validate_ms\":%.1f}",
                large.vioses().size() + large.lpars().size(), large.mappings().size(), openMs, fullPaint, scrollAvg, scrollMax, dragAvg, dragMax, validateMs));
        page.closeAllEditors(false);
    }
}
