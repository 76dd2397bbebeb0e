package org.viosbench.ui;

import org.eclipse.e4.ui.css.swt.theme.IThemeEngine;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.ui.IWorkbenchWindow;

/** Switches the CSS theme of the running workbench and remembers the choice. */
final class ThemeAction extends Action {
    /** Key under which the E4 CSS engine stores itself on the display. */
    private static final String THEME_ENGINE_KEY = "org.eclipse.e4.ui.css.swt.theme";

    private final IWorkbenchWindow window;
    private final String themeId;

    ThemeAction(IWorkbenchWindow window, String label, String themeId) {
        super(label);
        this.window = window;
        this.themeId = themeId;
    }

    @Override
    public void run() {
        if (!apply(window, themeId)) {
            MessageDialog.openError(window.getShell(), "Theme", "The CSS theme engine is not running; the theme cannot change.");
        }
    }

    /** Applies {@code themeId} to every window; false when no theme engine runs. */
    static boolean apply(IWorkbenchWindow window, String themeId) {
        IThemeEngine engine = (IThemeEngine) window.getShell().getDisplay().getData(THEME_ENGINE_KEY);
        if (engine == null) {
            return false;
        }
        engine.setTheme(themeId, true);
        return true;
    }
}
