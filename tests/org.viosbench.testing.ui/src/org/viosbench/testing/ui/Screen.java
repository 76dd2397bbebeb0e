package org.viosbench.testing.ui;

import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;

/** What the (X) screen shows, for UI tests: pixels of a control, and pictures for people under target/. */
public final class Screen {

    private Screen() {
    }

    /** Runs the pending UI work of the current display. */
    public static void drain() {
        Display d = Display.getCurrent();
        while (d.readAndDispatch()) {
            // pending UI work
        }
    }

    /** Saves what {@code shell} shows to target/{@code name} (PNG), for people to look at. */
    public static void save(Shell shell, String name) throws Exception {
        drain();
        Rectangle area = shell.getBounds();
        ImageLoader loader = new ImageLoader();
        loader.data = new ImageData[] { capture(shell.getDisplay(), area.x, area.y, area.width, area.height) };
        Path out = Path.of("target", name).toAbsolutePath();
        Files.createDirectories(out.getParent());
        loader.save(out.toString(), SWT.IMAGE_PNG);
    }

    /** The pixels {@code control} shows now, after the X server has caught up with the drawing. */
    public static ImageData pixels(Control control) throws InterruptedException {
        for (int i = 0; i < 5; i++) {
            Thread.sleep(50);
            drain();
            control.getDisplay().update();
        }
        Rectangle b = control.getBounds();
        Point at = control.toDisplay(0, 0);
        return capture(control.getDisplay(), at.x, at.y, b.width, b.height);
    }

    private static ImageData capture(Display d, int x, int y, int width, int height) {
        Image image = new Image(d, width, height);
        GC gc = new GC(d);
        try {
            gc.copyArea(image, x, y);
            return image.getImageData();
        } finally {
            gc.dispose();
            image.dispose();
        }
    }
}
