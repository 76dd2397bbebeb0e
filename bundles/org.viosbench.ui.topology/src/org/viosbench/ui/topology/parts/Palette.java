package org.viosbench.ui.topology.parts;

import org.eclipse.draw2d.ColorConstants;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.widgets.Display;

/** The colours and fonts of the diagram, made once. */
final class Palette {
    static final Color CEC_FILL = new Color(244, 246, 250);
    static final Color CEC_LINE = new Color(96, 110, 140);
    static final Color VIOS_FILL = new Color(214, 230, 250);
    static final Color VIOS_LINE = new Color(38, 94, 170);
    static final Color DB_LINE = new Color(150, 80, 0);
    static final Color LPAR_FILL = new Color(226, 242, 226);
    static final Color LPAR_LINE = new Color(60, 130, 70);
    static final Color LAYER_FILL = new Color(255, 255, 255);
    static final Color MAPPING = new Color(90, 100, 120);
    static final Color ERROR = new Color(200, 30, 30);
    static final Color WARNING = new Color(220, 140, 0);
    static final Color STATE_UP = new Color(30, 140, 60);
    static final Color STATE_DOWN = new Color(110, 110, 120);
    static final Color TEXT = ColorConstants.black;
    static final Color SUBTLE = new Color(80, 80, 90);

    private static Font bold;

    private Palette() {
    }

    static synchronized Font bold() {
        if (bold == null) {
            Display d = Display.getCurrent();
            FontData fd = d.getSystemFont().getFontData()[0];
            bold = new Font(d, fd.getName(), fd.getHeight(), org.eclipse.swt.SWT.BOLD);
        }
        return bold;
    }
}
