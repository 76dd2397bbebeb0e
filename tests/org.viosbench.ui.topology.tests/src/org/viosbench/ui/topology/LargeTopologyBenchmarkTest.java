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
class LargeTopologyBenchmarkTest {

    @TempDir
    Path tmp;

    private static void paint(Display d, FigureCanvas canvas) {
        canvas.update(); // paint now what the last change damaged
        while (d.readAndDispatch()) {
            // and whatever else is pending
        }
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

        // scroll across the diagram in 40 steps
        int width = canvas.getViewport().getContents().getBounds().width;
        int height = canvas.getViewport().getContents().getBounds().height;
        int steps = 40;
        double scrollMax = 0;
        long s0 = System.nanoTime();
        for (int i = 1; i <= steps; i++) {
            long a = System.nanoTime();
            canvas.scrollTo(width * i / steps / 2, height * i / steps / 2);
            paint(d, canvas);
            scrollMax = Math.max(scrollMax, (System.nanoTime() - a) / 1e6);
        }
        double scrollAvg = (System.nanoTime() - s0) / 1e6 / steps;

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
            canvas.scrollTo(width * i / steps / 2, height * i / steps / 2);
            paint(d, canvas);
        }
        double scrollNoOutline = (System.nanoTime() - k0) / 1e6 / steps;
        if (outline != null) {
            page.showView(org.eclipse.ui.IPageLayout.ID_OUTLINE);
        }
        System.out.println(String.format(Locale.ROOT, "{\"bench\":\"editor-large-no-outline\",\"scroll_ms_avg\":%.1f,\"drag_ms_avg\":%.1f}",
                scrollNoOutline, dragNoOutline));
        System.out.println(String.format(Locale.ROOT, "{\"bench\":\"editor-large\",\"cecs\":64,\"partitions\":%d,\"mappings\":%d,"
                + "\"open_ms\":%.0f,\"scroll_ms_avg\":%.1f,\"scroll_ms_max\":%.1f,\"drag_ms_avg\":%.1f,\"drag_ms_max\":%.1f}",
                large.vioses().size() + large.lpars().size(), large.mappings().size(), openMs, scrollAvg, scrollMax, dragAvg, dragMax));
        page.closeAllEditors(false);
    }
}
