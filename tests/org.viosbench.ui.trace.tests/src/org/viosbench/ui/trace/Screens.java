package org.viosbench.ui.trace;

import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Shell;

/** Saves what a window shows to target/NAME, for people to look at. */
final class Screens {

    private Screens() {
    }

    static void save(Shell shell, String name) throws Exception {
        while (shell.getDisplay().readAndDispatch()) {
            // paint first
        }
        Rectangle area = shell.getBounds();
        Image image = new Image(shell.getDisplay(), area.width, area.height);
        GC gc = new GC(shell.getDisplay());
        gc.copyArea(image, area.x, area.y);
        gc.dispose();
        ImageLoader loader = new ImageLoader();
        loader.data = new ImageData[] { image.getImageData() };
        Path out = Path.of("target", name).toAbsolutePath();
        Files.createDirectories(out.getParent());
        loader.save(out.toString(), SWT.IMAGE_PNG);
        image.dispose();
    }
}
