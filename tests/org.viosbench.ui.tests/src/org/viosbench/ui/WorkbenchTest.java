package org.viosbench.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.viosbench.cli.info.ComponentVersions;

/** Runs inside the real viosbench workbench (started by the test harness) on a real display. */
@org.junit.jupiter.api.extension.ExtendWith(org.viosbench.testing.ui.NoErrorsLogged.class)
class WorkbenchTest {

    private static IWorkbenchWindow window() {
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        assertNotNull(window, "no active workbench window");
        return window;
    }

    /** Lets pending UI work (layout, CSS styling, paints) run. */
    private static void drain() {
        Display display = Display.getCurrent();
        while (display.readAndDispatch()) {
            // keep dispatching
        }
    }

    @AfterEach
    void backToLightTheme() {
        ThemeAction.apply(window(), ViosbenchUi.THEME_LIGHT);
        drain();
    }

    @Test
    void theSmallSampleTopologyIsOfferedAtStart() {
        List<String> editors = new ArrayList<>();
        for (org.eclipse.ui.IEditorReference r : window().getActivePage().getEditorReferences()) {
            editors.add(r.getId() + " " + r.getName());
        }
        assertEquals(List.of(ViosbenchUi.OPEN_SAMPLE_COMMAND.replace("openSample", "editor") + " small (unsaved)"), editors);
    }

    /** Startup wrote no error to the platform log (a failed SVG icon, a failed weaving, a conflicting key all end there). */
    @Test
    void startupLogsNoErrors() throws Exception {
        drain();
        java.nio.file.Path log = org.eclipse.core.runtime.Platform.getLogFileLocation().toPath();
        String text = java.nio.file.Files.exists(log) ? java.nio.file.Files.readString(log) : "";
        List<String> bad = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.startsWith("!ENTRY") && (line.split(" ")[2].equals("4") || line.split(" ")[2].equals("2"))) {
                bad.add(line);
            }
        }
        assertEquals(List.of(), bad, text);
    }

    @Test
    void windowHasOurTitleAndIsVisible() {
        Shell shell = window().getShell();
        assertEquals("viosbench", shell.getText());
        assertTrue(shell.isVisible());
        assertTrue(shell.getSize().x >= 800 && shell.getSize().y >= 600, "window size " + shell.getSize());
    }

    @Test
    void opensInTheViosbenchPerspectiveWithPropertiesAndOutline() {
        IWorkbenchPage page = window().getActivePage();
        assertNotNull(page);
        assertEquals(ViosbenchUi.PERSPECTIVE_ID, page.getPerspective().getId());
        assertNotNull(page.findView(IPageLayout.ID_PROP_SHEET), "Properties view missing");
        assertNotNull(page.findView(IPageLayout.ID_OUTLINE), "Outline view missing");
        assertTrue(page.isEditorAreaVisible());
    }

    @Test
    void aboutDialogListsTheComponentVersions() {
        AboutViosbenchDialog dialog = new AboutViosbenchDialog(window().getShell());
        dialog.setBlockOnOpen(false);
        dialog.open();
        try {
            drain();
            assertEquals("About viosbench", dialog.getShell().getText());
            assertTrue(dialog.getShell().isVisible());
            Table table = dialog.table();
            List<String> labels = new ArrayList<>();
            for (TableItem item : table.getItems()) {
                labels.add(item.getText(0));
                ComponentVersions.Component c = (ComponentVersions.Component) item.getData();
                assertEquals(c.version(), item.getText(1));
                assertTrue(!item.getText(1).isBlank() && !item.getText(1).equals(ComponentVersions.NOT_INSTALLED),
                        item.getText(0) + " has no version");
            }
            for (String expected : new String[] { "viosbench", "Eclipse platform (workbench)", "GEF classic",
                    "Apache Derby", "Netty", "Java" }) {
                assertTrue(labels.contains(expected), expected + " missing from " + labels);
            }
            String text = dialog.versionsText();
            assertTrue(text.contains("Apache Derby: 10.17.1.0"), text);
            assertTrue(text.contains("Netty: 4.2.18"), text);
        } finally {
            dialog.close();
        }
    }

    @Test
    void darkThemeDarkensTheWindow() {
        Shell shell = window().getShell();
        assertTrue(ThemeAction.apply(window(), ViosbenchUi.THEME_DARK), "no CSS theme engine");
        drain();
        RGB dark = shell.getBackground().getRGB();
        assertTrue(brightness(dark) < 80, "dark theme background " + dark);
        assertTrue(ThemeAction.apply(window(), ViosbenchUi.THEME_LIGHT));
        drain();
        RGB light = shell.getBackground().getRGB();
        assertTrue(brightness(light) > 150, "light theme background " + light);
    }

    private static int brightness(RGB rgb) {
        return (rgb.red * 299 + rgb.green * 587 + rgb.blue * 114) / 1000;
    }
}
