package org.viosbench.ui.trace;

import static org.viosbench.testing.ui.Screen.drain;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.viosbench.engine.Layer;
import org.viosbench.engine.TraceEvent;
import org.viosbench.engine.TraceKind;
import org.viosbench.trace.RecordedTrace;
import org.viosbench.trace.TraceFile;

/** The Trace view in the real workbench: chart, table and cursor follow one another; stepping back shows the queue as it was. */
@org.junit.jupiter.api.extension.ExtendWith(org.viosbench.testing.ui.NoErrorsLogged.class)
class TraceViewTest {

    @TempDir
    Path tmp;


    /** A broadcast from VIOS 1 to 2 and 3: 2 answers, the send to 3 is lost and 3 suspected. */
    static RecordedTrace broadcast() {
        List<TraceEvent> e = new ArrayList<>();
        long t = 1_000_000;
        e.add(new TraceEvent(t += 1000, 1, Layer.QUEUE, TraceKind.QUEUE_CREATE, 7, -1, 2, "ALL")); // 0
        e.add(new TraceEvent(t += 1000, 1, Layer.DAEMON, TraceKind.SEND, 7, -1, 60, "DATA"));
        e.add(new TraceEvent(t += 1000, 1, Layer.SYSCALL, TraceKind.COPY_IN, 7, -1, 60, "ok"));
        e.add(new TraceEvent(t += 1000, 1, Layer.VKE, TraceKind.ROUTE, 7, -1, 60, "broadcast to 2"));
        e.add(new TraceEvent(t += 1000, 1, Layer.KCLUSTER, TraceKind.TRANSMIT, 7, 2, 60, "broadcast")); // 4
        e.add(new TraceEvent(t += 1000, 1, Layer.KCLUSTER, TraceKind.TRANSMIT, 7, 3, 60, "broadcast")); // 5 lost
        e.add(new TraceEvent(t += 1000, 2, Layer.KCLUSTER, TraceKind.RECEIVE, 7, 1, 60, "ok")); // 6
        e.add(new TraceEvent(t += 1000, 2, Layer.DAEMON, TraceKind.HANDLE, 7, 1, 5, "ok"));
        e.add(new TraceEvent(t += 1000, 2, Layer.KCLUSTER, TraceKind.TRANSMIT, 7, 1, 50, "unicast")); // 8
        e.add(new TraceEvent(t += 1000, 1, Layer.KCLUSTER, TraceKind.RECEIVE, 7, 2, 50, "ok")); // 9
        e.add(new TraceEvent(t += 1000, 1, Layer.QUEUE, TraceKind.MATCH, 7, 2, 50, "ok")); // 10
        e.add(new TraceEvent(t += 1000, 1, Layer.QUEUE, TraceKind.SUSPECT, 7, 3, -1, "suspected")); // 11
        e.add(new TraceEvent(t += 1000, 1, Layer.QUEUE, TraceKind.COMPLETE, 7, -1, 1, "failed")); // 12
        return new RecordedTrace(e, Map.of(1, "vios1", 2, "vios2", 3, "vios3"));
    }

    @Test
    void chartTableAndCursorFollowOneAnother() throws Exception {
        Path file = tmp.resolve("run.jsonl");
        TraceFile.write(broadcast(), file);
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        TraceView view = OpenTraceHandler.open(page, file);
        assertNotNull(view);
        drain();
        assertEquals(13, view.eventsTable().getItemCount());
        assertEquals(0, view.cursor().position());
        List<int[]> arrows = view.chart().arrows(0, 12);
        assertEquals(3, arrows.size(), "two sends that arrived, one that did not");
        assertEquals(6, arrows.get(0)[1]);
        assertEquals(-2, arrows.get(1)[1], "the send to vios3 was lost");
        assertEquals(9, arrows.get(2)[1], "the response came back");

        for (int i = 0; i < 11; i++) {
            assertTrue(view.stepForward());
        }
        drain();
        assertEquals(10, view.eventsTable().getSelectionIndex(), "the table follows the cursor");
        assertEquals("MATCH", view.eventsTable().getItem(10).getText(4));
        assertEquals(1, view.queuesTable().getItemCount());
        assertTrue(view.queuesTable().getItem(0).getText(3).contains("vios2 matched"), view.queuesTable().getItem(0).getText(3));
        assertEquals("1", view.queuesTable().getItem(0).getText(4), "one still pending");
        view.stepBack();
        drain();
        assertEquals("", view.queuesTable().getItem(0).getText(3), "stepping back: nothing matched yet");
        assertEquals("2", view.queuesTable().getItem(0).getText(4));

        // the arrow keys on the chart step too
        Event down = new Event();
        down.keyCode = SWT.ARROW_DOWN;
        view.canvas().notifyListeners(SWT.KeyDown, down);
        assertEquals(11, view.cursor().position());
        // a click on the table moves the cursor there
        view.eventsTable().setSelection(12);
        view.eventsTable().notifyListeners(SWT.Selection, new Event());
        assertEquals(13, view.cursor().position());
        assertEquals(0, view.queuesTable().getItemCount(), "completed");
        // a click on the chart selects the event under it
        org.eclipse.draw2d.geometry.Point dot = view.chart().dot(4);
        view.chart().translateToAbsolute(dot);
        Event click = new Event();
        click.x = dot.x;
        click.y = dot.y;
        click.button = 1;
        view.canvas().notifyListeners(SWT.MouseDown, click);
        drain();
        assertEquals(5, view.cursor().position());
        assertEquals(4, view.eventsTable().getSelectionIndex());
        org.viosbench.testing.ui.Screen.save(view.getSite().getShell(), "trace.png");

        // the filter keeps one VIOS's events (the others faint); Ctrl+wheel zooms in time
        view.filterText().setText("vios2");
        assertTrue(view.chart().matches(6) && view.chart().matches(8));
        assertTrue(!view.chart().matches(4), "vios1's send is not vios2's");
        view.filterText().setText("vios2 transmit"); // every word must match: vios2's sends only
        assertTrue(view.chart().matches(8) && !view.chart().matches(6) && !view.chart().matches(4));
        view.filterText().setText("DATA"); // the message type, from the request's SEND
        assertTrue(view.chart().matches(0) && view.chart().matches(12), "every event of the DATA message");
        view.filterText().setText("PING");
        assertTrue(!view.chart().matches(0), "no PING message in this trace");
        view.filterText().setText("");
        assertTrue(view.chart().matches(4));

        // play speed and keys: Space plays, End jumps to the end, Home to the start
        view.speedCombo().select(view.speedCombo().getItemCount() - 1);
        assertEquals(TraceView.SPEEDS[TraceView.SPEEDS.length - 1][0], view.playMillis());
        Event end = new Event();
        end.keyCode = SWT.END;
        view.canvas().notifyListeners(SWT.KeyDown, end);
        assertEquals(13, view.cursor().position());
        Event home = new Event();
        home.keyCode = SWT.HOME;
        view.canvas().notifyListeners(SWT.KeyDown, home);
        assertEquals(0, view.cursor().position());
        Event space = new Event();
        space.character = ' ';
        view.canvas().notifyListeners(SWT.KeyDown, space);
        long until = System.currentTimeMillis() + 5000;
        while (view.cursor().position() < 13 && System.currentTimeMillis() < until) {
            drain();
            Thread.sleep(5);
        }
        assertEquals(13, view.cursor().position(), "Space played the trace to its end");
        view.moveTo(5, true); // back where the clicks left it
        int height = view.chart().getPreferredSize().height;
        Event wheel = new Event();
        wheel.count = 3;
        wheel.stateMask = SWT.MOD1;
        view.canvas().notifyListeners(SWT.MouseVerticalWheel, wheel);
        assertEquals(23, view.chart().rowHeight(), "18 px rows, 25 % taller");
        assertTrue(view.chart().getPreferredSize().height > height);

        // split into layers: vios1's SEND (daemon) and TRANSMIT (kcluster) move to their own sub-lanes
        assertEquals(view.chart().dot(1).x, view.chart().dot(4).x, "one line per VIOS");
        view.chart().setLayers(true);
        assertTrue(view.chart().dot(1).x < view.chart().dot(2).x && view.chart().dot(2).x < view.chart().dot(3).x
                && view.chart().dot(3).x < view.chart().dot(4).x, "daemon, syscall, VKE, kcluster left to right");
        view.chart().setLayers(false);

        // the whole chart as PNG: as tall as all its rows, lanes and arrows where the figure draws them
        Path png = tmp.resolve("chart.png");
        view.exportPng(png);
        org.eclipse.swt.graphics.ImageData image = new org.eclipse.swt.graphics.ImageLoader().load(png.toString())[0];
        assertEquals(view.chart().getPreferredSize().height, image.height);
        org.eclipse.draw2d.geometry.Point laneOfVios3 = view.chart().dot(5);
        org.eclipse.draw2d.geometry.Rectangle b = view.chart().getBounds();
        org.eclipse.swt.graphics.RGB white = new org.eclipse.swt.graphics.RGB(255, 255, 255);
        assertEquals(white, image.palette.getRGB(image.getPixel(image.width - 2, image.height - 2)));
        assertTrue(!white.equals(image.palette.getRGB(image.getPixel(laneOfVios3.x - b.x, laneOfVios3.y - b.y))),
                "a dot where event 5 is drawn");

        // the trace saved from the view reads back equal
        Path saved = tmp.resolve("saved.jsonl");
        view.save(saved);
        assertEquals(view.cursor().trace(), TraceFile.read(saved));
        assertTrue(org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class, () -> view.save(tmp)).getMessage() != null,
                "a directory cannot be overwritten by a trace");

        // the same chart as SVG, drawn by the same paint code: a valid document with every event, the arrows and the lost send
        Path svg = Path.of("target", "chart.svg").toAbsolutePath();
        view.exportSvg(svg);
        org.w3c.dom.Document doc = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile());
        org.w3c.dom.Element root = doc.getDocumentElement();
        assertEquals("svg", root.getTagName());
        assertEquals(Integer.toString(view.chart().getPreferredSize().height), root.getAttribute("height"));
        List<String> texts = new ArrayList<>();
        org.w3c.dom.NodeList t = doc.getElementsByTagName("text");
        for (int i = 0; i < t.getLength(); i++) {
            texts.add(t.item(i).getTextContent());
        }
        assertTrue(texts.containsAll(List.of("vios1", "vios2", "vios3", "QUEUE_CREATE", "SUSPECT", "COMPLETE")), texts.toString());
        assertEquals(13, doc.getElementsByTagName("ellipse").getLength(), "a dot per event");
        org.w3c.dom.NodeList lines = doc.getElementsByTagName("line");
        int blue = 0;
        int red = 0;
        for (int i = 0; i < lines.getLength(); i++) {
            String stroke = ((org.w3c.dom.Element) lines.item(i)).getAttribute("stroke");
            blue += stroke.equals("#1e5ac8") ? 1 : 0;
            red += stroke.equals("#d21e1e") ? 1 : 0;
        }
        assertEquals(3, blue, "the request arrow: its line and two arrowhead strokes");
        assertEquals(3, red, "the lost send: a line and a cross of two strokes");
        org.w3c.dom.Element event5 = (org.w3c.dom.Element) doc.getElementsByTagName("ellipse").item(5);
        assertEquals(laneOfVios3.x - b.x, (int) Double.parseDouble(event5.getAttribute("cx")), "event 5 where the screen draws it");
    }

    /**
     * The lane header stays on top while the chart scrolls, in a canvas of its own: the chart's
     * canvas never shows a (copied) header band, the header canvas always does, with the names.
     */
    @Test
    void scrollingLeavesNoCopyOfTheHeaderBehind() throws Exception {
        List<TraceEvent> e = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            e.add(new TraceEvent(1000 + i, 1 + i % 3, Layer.DAEMON, TraceKind.HANDLE, i, -1, 10, "ok"));
        }
        Path file = tmp.resolve("long.jsonl");
        TraceFile.write(new RecordedTrace(e, Map.of(1, "vios1", 2, "vios2", 3, "vios3")), file);
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        TraceView view = OpenTraceHandler.open(page, file);
        drain();
        org.eclipse.draw2d.FigureCanvas canvas = view.canvas();
        for (int i = 0; i < 30; i++) { // step by step: each step scrolls the chart a little, as when a user steps
            view.stepForward();
            drain();
            canvas.update();
        }
        canvas.scrollToY(400);
        drain();
        org.eclipse.swt.graphics.RGB header = ChartFigure.HEADER_FILL.getRGB();
        org.eclipse.swt.graphics.ImageData chart = org.viosbench.testing.ui.Screen.pixels(canvas);
        int copies = 0;
        for (int y = 0; y < chart.height; y++) {
            copies += header.equals(chart.palette.getRGB(chart.getPixel(3, y))) ? 1 : 0;
        }
        org.eclipse.swt.graphics.ImageData top = org.viosbench.testing.ui.Screen.pixels(view.chart().headerCanvas());
        page.hideView(view);
        assertTrue(canvas.getViewport().getViewLocation().y > 0, "the chart scrolled");
        assertEquals(0, copies, "pixel rows of header colour in the chart's canvas");
        assertEquals(header, top.palette.getRGB(top.getPixel(3, ChartFigure.HEADER / 2)), "the header canvas shows the band");
        int ink = 0;
        for (int x = 0; x < top.width; x++) {
            org.eclipse.swt.graphics.RGB c = top.palette.getRGB(top.getPixel(x, ChartFigure.HEADER / 2));
            ink += c.red + c.green + c.blue < 300 ? 1 : 0;
        }
        assertTrue(ink > 5, "lane names are written on it");
    }
}
