package org.viosbench.ui.topology;

import static org.viosbench.testing.ui.Screen.drain;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.draw2d.IFigure;
import org.eclipse.draw2d.geometry.Rectangle;
import org.eclipse.gef.GraphicalEditPart;
import org.eclipse.gef.palette.ToolEntry;
import org.eclipse.gef.commands.CommandStack;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.viosbench.topology.Cec;
import org.viosbench.topology.Lpar;
import org.viosbench.topology.Mapping;
import org.viosbench.topology.Problem;
import org.viosbench.topology.Topology;
import org.viosbench.topology.TopologyFile;
import org.viosbench.topology.Vios;
import org.viosbench.ui.topology.commands.DeleteCommand;
import org.viosbench.ui.topology.commands.Edits;
import org.viosbench.ui.topology.parts.CecFigure;
import org.viosbench.ui.topology.parts.CecPart;
import org.viosbench.ui.topology.parts.ElementPart;
import org.viosbench.ui.topology.parts.MappingPart;
import org.viosbench.ui.topology.parts.PartitionFigure;
import org.viosbench.ui.topology.parts.PartitionPart;

/** The topology editor in the real workbench on a real display: drive it, then check model and figures. */
@org.junit.jupiter.api.extension.ExtendWith(org.viosbench.testing.ui.NoErrorsLogged.class)
class TopologyEditorTest {

    @TempDir
    Path tmp;

    private static IWorkbenchPage page() {
        return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
    }


    private static TopologyEditor open(TopologyEditorInput input) throws Exception {
        IEditorPart part = page().openEditor(input, TopologyEditor.ID);
        drain();
        assertTrue(part instanceof TopologyEditor, "opened " + part);
        return (TopologyEditor) part;
    }

    @AfterEach
    void closeEditors() {
        page().closeAllEditors(false);
        drain();
    }

    private static long parts(TopologyEditor e, Class<?> type) {
        return e.getGraphicalViewer().getEditPartRegistry().values().stream().filter(type::isInstance).count();
    }

    private static IFigure figure(TopologyEditor e, Object model) {
        return ((GraphicalEditPart) e.partOf(model)).getFigure();
    }

    private static List<String> codes(TopologyEditor e, Object model) {
        return ((ElementPart) e.partOf(model)).problems().stream().map(Problem::code).toList();
    }

    @Test
    void theMediumSampleIsDrawnElementByElement() throws Exception {
        TopologyEditor e = open(TopologyEditorInput.sample("medium"));
        Topology t = e.topology();
        assertEquals(4, parts(e, CecPart.class));
        assertEquals(16 + 64, parts(e, PartitionPart.class));
        assertEquals(128, parts(e, MappingPart.class));
        Vios v = t.vios(1);
        PartitionFigure f = (PartitionFigure) figure(e, v);
        assertEquals("vios1", f.name());
        assertTrue(f.detail().contains("VIOS DB"), f.detail());
        assertEquals(v.bounds().width(), f.getBounds().width);
        assertEquals(v.bounds().height(), f.getBounds().height);
        Rectangle cec = figure(e, v.cec()).getBounds();
        assertTrue(cec.contains(f.getBounds()), "the VIOS is drawn inside its CEC");
        assertTrue(((CecFigure) figure(e, v.cec())).title().contains(v.cec().serial()));
        assertTrue(e.isDirty(), "a sample is unsaved");
        org.viosbench.testing.ui.Screen.save(e.getSite().getShell(), "editor-medium.png");
    }

    @Test
    void commandsUndoRedoSaveAndReopen() throws Exception {
        TopologyEditor e = open(TopologyEditorInput.sample("small"));
        Topology t = e.topology();
        CommandStack stack = e.getCommandStack();
        Cec cec1 = t.cecs().get(0);
        Lpar added = new Lpar(900, "lpar900", 9);
        stack.execute(Edits.createPartition(cec1, added, new org.viosbench.topology.Bounds(600, 180, 132, 44)));
        drain();
        assertEquals(9, t.lpars().size());
        assertEquals(List.of("NO_IO_PATH"), codes(e, added), "the figure shows the new LPAR has no I/O path");
        stack.execute(Edits.createMapping(added, t.vios(1)));
        drain();
        assertEquals(List.of("SINGLE_PATH"), codes(e, added));
        assertEquals(17, parts(e, MappingPart.class));
        stack.undo();
        drain();
        assertEquals(List.of("NO_IO_PATH"), codes(e, added));
        stack.redo();
        drain();
        assertEquals(List.of("SINGLE_PATH"), codes(e, added));

        Vios vios1 = t.vios(1);
        int mapped = vios1.mappings().size();
        stack.execute(new DeleteCommand(vios1));
        drain();
        assertEquals(null, e.partOf(vios1));
        assertEquals(17 - mapped, t.mappings().size());
        assertEquals(List.of("NO_IO_PATH"), codes(e, added), "its only VIOS is gone");
        stack.undo();
        drain();
        assertNotNull(e.partOf(vios1));
        assertEquals(mapped, vios1.mappings().size());
        assertEquals(17, parts(e, MappingPart.class));

        Path file = tmp.resolve("lab" + TopologyFile.SUFFIX);
        e.saveAs(file);
        assertFalse(e.isDirty());
        assertEquals(TopologyFile.format(t), Files.readString(file));
        stack.execute(Edits.setBounds(added, new org.viosbench.topology.Bounds(620, 180, 132, 44)));
        assertTrue(e.isDirty());
        e.doSave(null);
        assertFalse(e.isDirty());
        String saved = Files.readString(file);
        page().closeAllEditors(false);
        drain();
        TopologyEditor again = OpenTopologyHandler.open(page(), file);
        drain();
        assertNotNull(again);
        assertEquals(saved, TopologyFile.format(again.topology()));
        assertFalse(again.isDirty());
        assertEquals(new Rectangle(620, 180, 132, 44).getSize(), figure(again, again.topology().lpar(900)).getBounds().getSize());
    }

    @Test
    void thePaletteToolCreatesAViosWhereClicked() throws Exception {
        TopologyEditor e = open(TopologyEditorInput.sample("small"));
        Topology t = e.topology();
        Cec cec1 = t.cecs().get(0);
        ToolEntry viosTool = org.viosbench.testing.ui.EditorDriving.tool(e.getEditDomain(), TopologyPalette.VIOS);
        assertNotNull(viosTool, "the palette has a VIOS tool");
        e.getEditDomain().getPaletteViewer().setActiveTool(viosTool);
        drain();
        // click in the empty right part of cec1's VIOS row
        IFigure cecFigure = figure(e, cec1);
        Rectangle r = cecFigure.getBounds().getCopy();
        cecFigure.translateToAbsolute(r);
        int x = r.x + 420;
        int y = r.y + 60;
        Control canvas = e.getGraphicalViewer().getControl();
        mouse(canvas, SWT.MouseMove, x, y);
        mouse(canvas, SWT.MouseDown, x, y);
        mouse(canvas, SWT.MouseUp, x, y);
        drain();
        assertEquals(3, cec1.vioses().size(), "a VIOS was created in cec1");
        Vios created = cec1.vioses().get(2);
        assertEquals(5, created.id(), "the next free id");
        assertEquals("vios5", created.name());
        assertNotNull(e.partOf(created));
        Rectangle drawn = figure(e, created).getBounds().getCopy();
        figure(e, created).translateToAbsolute(drawn);
        assertTrue(Math.abs(drawn.x - x) <= 10 && Math.abs(drawn.y - y) <= 10, "placed where clicked (snapped to the grid): " + drawn
                + " for " + x + "," + y);
        e.getCommandStack().undo();
        drain();
        assertEquals(2, cec1.vioses().size());
    }

    @Test
    void aBadFileDoesNotOpen() throws Exception {
        Path bad = tmp.resolve("bad" + TopologyFile.SUFFIX);
        Files.writeString(bad, "{ \"format\" : \"viosbench-topology\", \"version\" : 7 }");
        String refused = OpenTopologyHandler.refusal(bad);
        assertTrue(refused != null && refused.contains("/version") && refused.contains("version 7"), refused);
        Path good = tmp.resolve("good" + TopologyFile.SUFFIX);
        TopologyFile.write(org.viosbench.topology.Samples.build("small"), good);
        assertEquals(null, OpenTopologyHandler.refusal(good), "a good file opens");
        int before = page().getEditorReferences().length;
        drain();
        assertEquals(before, page().getEditorReferences().length, "no editor for the refused file");
    }

    private static void mouse(Control c, int type, int x, int y) {
        org.viosbench.testing.ui.EditorDriving.mouse(c, type, x, y);
    }


    @Test
    void mappingsAreDrawnFromLparToVios() throws Exception {
        TopologyEditor e = open(TopologyEditorInput.sample("small"));
        Mapping m = e.topology().mappings().get(0);
        MappingPart part = (MappingPart) e.partOf(m);
        assertEquals(e.partOf(m.lpar()), part.getSource());
        assertEquals(e.partOf(m.vios()), part.getTarget());
    }

    @Test
    void propertiesAreTypedCheckedAndUndoable() throws Exception {
        TopologyEditor e = open(TopologyEditorInput.sample("small"));
        Vios v = e.topology().vios(1);
        GraphicalEditPart part = (GraphicalEditPart) e.partOf(v);
        org.viosbench.ui.topology.parts.ElementProperties props = (org.viosbench.ui.topology.parts.ElementProperties) part
                .getAdapter(org.eclipse.ui.views.properties.IPropertySource.class);
        List<String> ids = java.util.Arrays.stream(props.getPropertyDescriptors()).map(d -> (String) d.getId()).toList();
        assertEquals(List.of("name", "id", "partitionId", "role", "address", "daemons"), ids);
        props.setPropertyValue("name", "alpha");
        assertEquals("alpha", v.name());
        assertEquals("alpha", ((PartitionFigure) part.getFigure()).name(), "the figure follows");
        assertTrue(props.problem("id", "abc") != null);
        props.setPropertyValue("id", "abc");
        assertEquals(1, v.id(), "a bad value changes nothing");
        props.setPropertyValue("daemons", "10, 12, 99");
        assertEquals(List.of(10, 12, 99), v.daemons());
        props.setPropertyValue("role", 0);
        assertTrue(e.problems().stream().anyMatch(p -> p.code().equals("NO_DB_PRIMARY")), "validated after the change");
        e.getCommandStack().undo();
        e.getCommandStack().undo();
        e.getCommandStack().undo();
        assertEquals("vios1", v.name());
        assertEquals(List.of(10, 11), v.daemons());

        // the Properties view shows the selected element
        page().showView(org.eclipse.ui.IPageLayout.ID_PROP_SHEET);
        page().activate(e);
        e.getGraphicalViewer().select(part);
        drain();
        org.eclipse.ui.views.properties.PropertySheet sheet = (org.eclipse.ui.views.properties.PropertySheet) page()
                .findView(org.eclipse.ui.IPageLayout.ID_PROP_SHEET);
        org.eclipse.swt.widgets.Tree tree = (org.eclipse.swt.widgets.Tree) sheet.getCurrentPage().getControl();
        List<String> rows = new java.util.ArrayList<>();
        for (org.eclipse.swt.widgets.TreeItem item : tree.getItems()) {
            collect(item, rows);
        }
        assertTrue(rows.contains("Name=vios1"), rows.toString());
        assertTrue(rows.contains("Role=DB_PRIMARY"), rows.toString());
    }

    private static void collect(org.eclipse.swt.widgets.TreeItem item, List<String> rows) {
        rows.add(item.getText(0) + "=" + item.getText(1));
        for (org.eclipse.swt.widgets.TreeItem child : item.getItems()) {
            collect(child, rows);
        }
    }

    @Test
    void theProblemsViewListsProblemsAndADoubleClickSelectsTheElement() throws Exception {
        TopologyEditor e = open(TopologyEditorInput.sample("small"));
        ProblemsView view = (ProblemsView) page().showView(ProblemsView.ID);
        page().activate(e);
        drain();
        assertEquals(0, view.viewer().getTable().getItemCount(), "the sample is clean");
        Lpar lonely = new Lpar(900, "lpar900", 9);
        e.getCommandStack().execute(Edits.createPartition(e.topology().cecs().get(1), lonely, new org.viosbench.topology.Bounds(20, 300, 132, 44)));
        drain();
        org.eclipse.swt.widgets.Table table = view.viewer().getTable();
        assertEquals(1, table.getItemCount());
        assertEquals("ERROR", table.getItem(0).getText(0));
        assertEquals("LPAR lpar900", table.getItem(0).getText(1));
        assertTrue(table.getItem(0).getText(2).contains("no disk I/O path"), table.getItem(0).getText(2));
        table.setSelection(0);
        Event ev = new Event();
        ev.item = table.getItem(0);
        table.notifyListeners(SWT.DefaultSelection, ev);
        drain();
        List<?> selected = e.getGraphicalViewer().getSelectedEditParts();
        assertEquals(List.of(e.partOf(lonely)), selected, "the double-click selected the LPAR in the diagram");
        e.getCommandStack().undo();
        drain();
        assertEquals(0, table.getItemCount());
    }

    @Test
    void theDiagramExportsAsPngAndSvg() throws Exception {
        TopologyEditor e = open(TopologyEditorInput.sample("small"));
        Path png = tmp.resolve("small.png");
        ExportDiagramHandler.export(e, png);
        org.eclipse.swt.graphics.ImageData image = new org.eclipse.swt.graphics.ImageLoader().load(png.toString())[0];
        Rectangle cec2 = figure(e, e.topology().cecs().get(1)).getBounds();
        assertTrue(image.width >= cec2.right() && image.height >= cec2.bottom(), "the whole diagram: " + image.width + "x" + image.height);
        Rectangle vios = figure(e, e.topology().vios(2)).getBounds();
        org.eclipse.swt.graphics.RGB fill = image.palette.getRGB(image.getPixel(vios.right() - 8, vios.y + 44));
        assertEquals(new org.eclipse.swt.graphics.RGB(214, 230, 250), fill, "a VIOS is drawn where its figure is");
        org.eclipse.swt.graphics.RGB outside = image.palette.getRGB(image.getPixel(2, 2));
        assertEquals(new org.eclipse.swt.graphics.RGB(255, 255, 255), outside);
        Path svg = tmp.resolve("small.svg");
        ExportDiagramHandler.export(e, svg);
        assertEquals(org.viosbench.topology.SvgExport.svg(e.topology()), Files.readString(svg));
    }

    private static org.eclipse.swt.widgets.Button button(org.eclipse.swt.widgets.Composite c, String text) {
        for (Control child : c.getChildren()) {
            if (child instanceof org.eclipse.swt.widgets.Button b && b.getText().replace("&", "").equals(text)) {
                return b;
            }
            if (child instanceof org.eclipse.swt.widgets.Composite inner) {
                org.eclipse.swt.widgets.Button found = button(inner, text);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    @Test
    void theNewTopologyWizardChecksItsFieldsThenWritesAndOpens() throws Exception {
        Files.writeString(tmp.resolve("taken" + TopologyFile.SUFFIX), "{}");
        NewTopologyWizard wizard = new NewTopologyWizard(page(), tmp);
        org.eclipse.jface.wizard.WizardDialog dialog = new org.eclipse.jface.wizard.WizardDialog(
                PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell(), wizard);
        dialog.setBlockOnOpen(false);
        dialog.open();
        drain();
        org.eclipse.swt.widgets.Button finish = button(dialog.getShell(), "Finish");
        assertNotNull(finish);
        NewTopologyWizard.Details details = wizard.details;
        details.name.setText("bad name");
        drain();
        assertFalse(finish.isEnabled());
        assertTrue(details.getErrorMessage().contains("letters, digits"), details.getErrorMessage());
        details.name.setText("taken");
        drain();
        assertFalse(finish.isEnabled());
        assertTrue(details.getErrorMessage().contains("exists already"), details.getErrorMessage());
        details.name.setText("lab1");
        details.template.select(2); // medium
        drain();
        assertTrue(finish.isEnabled());
        finish.notifyListeners(SWT.Selection, new Event());
        drain();
        Path file = tmp.resolve("lab1" + TopologyFile.SUFFIX);
        Topology written = TopologyFile.read(file);
        assertEquals("lab1", written.name());
        assertEquals(16, written.vioses().size());
        assertNotNull(wizard.opened());
        assertEquals("lab1" + TopologyFile.SUFFIX, wizard.opened().getPartName());
        assertTrue(dialog.getShell() == null || dialog.getShell().isDisposed(), "the wizard closed");
    }

    @Test
    void copyAndPastePartitionsAndCecsWithTheirMappings() throws Exception {
        TopologyEditor e = open(TopologyEditorInput.sample("small"));
        Topology t = e.topology();
        org.eclipse.gef.GraphicalViewer viewer = e.getGraphicalViewer();
        org.eclipse.jface.action.IAction copy = e.getActionRegistry().getAction(org.eclipse.ui.actions.ActionFactory.COPY.getId());
        org.eclipse.jface.action.IAction paste = e.getActionRegistry().getAction(org.eclipse.ui.actions.ActionFactory.PASTE.getId());
        Lpar lpar101 = t.lpar(101);
        viewer.setSelection(new org.eclipse.jface.viewers.StructuredSelection(List.of(e.partOf(t.vios(1)), e.partOf(lpar101))));
        drain();
        assertTrue(copy.isEnabled());
        copy.run();
        Cec cec2 = t.cecs().get(1);
        viewer.setSelection(new org.eclipse.jface.viewers.StructuredSelection(e.partOf(cec2)));
        drain();
        assertTrue(paste.isEnabled());
        paste.run();
        drain();
        assertEquals(3, cec2.vioses().size());
        Vios pastedVios = cec2.vioses().get(2);
        Lpar pastedLpar = cec2.lpars().get(4);
        assertEquals("vios5", pastedVios.name());
        assertEquals(org.viosbench.topology.ViosRole.MEMBER, pastedVios.role(), "one database node only");
        assertEquals(109, pastedLpar.id());
        assertEquals(1, pastedLpar.mappings().size(), "the mapping between the copied partitions came along");
        assertEquals(pastedVios, pastedLpar.mappings().get(0).vios());
        assertNotNull(e.partOf(pastedLpar));
        assertEquals(List.of("SINGLE_PATH"), e.problems().stream().map(Problem::code).toList(), "no duplicate ids, names or partition ids");
        e.getCommandStack().undo();
        drain();
        assertEquals(2, cec2.vioses().size());
        assertEquals(16, t.mappings().size());

        viewer.setSelection(new org.eclipse.jface.viewers.StructuredSelection(e.partOf(t.cecs().get(0))));
        copy.run();
        viewer.deselectAll();
        paste.run();
        drain();
        assertEquals(3, t.cecs().size());
        Cec pasted = t.cecs().get(2);
        assertEquals(2, pasted.vioses().size());
        assertEquals(4, pasted.lpars().size());
        assertEquals(24, t.mappings().size());
        assertEquals(List.of(), e.problems().stream().map(Problem::code).toList());
        assertNotNull(e.partOf(pasted));
    }

    private static org.eclipse.swt.widgets.Text textIn(org.eclipse.swt.widgets.Composite c) {
        for (Control child : c.getChildren()) {
            if (child instanceof org.eclipse.swt.widgets.Text t && t.isVisible()) {
                return t;
            }
        }
        return null;
    }

    @Test
    void namesAreEditedOnTheDiagram() throws Exception {
        TopologyEditor e = open(TopologyEditorInput.sample("small"));
        Lpar l = e.topology().lpar(101);
        GraphicalEditPart part = (GraphicalEditPart) e.partOf(l);
        org.eclipse.swt.widgets.Composite canvas = (org.eclipse.swt.widgets.Composite) e.getGraphicalViewer().getControl();
        part.performRequest(new org.eclipse.gef.Request(org.eclipse.gef.RequestConstants.REQ_DIRECT_EDIT));
        drain();
        org.eclipse.swt.widgets.Text text = textIn(canvas);
        assertNotNull(text, "a text field over the name");
        assertEquals("lpar101", text.getText());
        text.setText("db-client");
        text.notifyListeners(SWT.DefaultSelection, new Event());
        drain();
        assertEquals("db-client", l.name());
        assertEquals("db-client", ((PartitionFigure) part.getFigure()).name());
        e.getCommandStack().undo();
        assertEquals("lpar101", l.name());

        part.performRequest(new org.eclipse.gef.Request(org.eclipse.gef.RequestConstants.REQ_OPEN)); // a double-click
        drain();
        text = textIn(canvas);
        assertNotNull(text);
        text.setText("not valid");
        text.notifyListeners(SWT.DefaultSelection, new Event());
        drain();
        assertEquals("lpar101", l.name(), "an invalid name changes nothing");
        assertFalse(e.getCommandStack().canUndo() && e.getCommandStack().getUndoCommand().getLabel().startsWith("Set name"),
                "and leaves no command behind");
    }

    @Test
    void reparentSelectAllAndZoom() throws Exception {
        TopologyEditor e = open(TopologyEditorInput.sample("small"));
        Topology t = e.topology();
        Cec cec1 = t.cecs().get(0);
        Cec cec2 = t.cecs().get(1);
        Lpar l = t.lpar(104);
        // what the CEC's layout policy answers when a partition is dragged into another CEC
        org.eclipse.gef.requests.ChangeBoundsRequest move = new org.eclipse.gef.requests.ChangeBoundsRequest(
                org.eclipse.gef.RequestConstants.REQ_ADD);
        move.setEditParts(e.partOf(l));
        move.setMoveDelta(new org.eclipse.draw2d.geometry.Point(0, 0));
        move.setLocation(figure(e, cec2).getBounds().getCenter());
        org.eclipse.gef.commands.Command reparent = e.partOf(cec2).getCommand(move);
        assertNotNull(reparent, "the CEC accepts a partition from another CEC");
        e.getCommandStack().execute(reparent);
        drain();
        assertEquals(cec2, l.cec());
        assertTrue(e.partOf(cec2).getChildren().contains(e.partOf(l)), "its figure moved into the other CEC");
        assertTrue(e.problems().stream().anyMatch(p -> p.code().equals("CROSS_CEC_MAPPING")), "its mappings now cross CECs");
        e.getCommandStack().undo();
        drain();
        assertEquals(cec1, l.cec());

        e.getActionRegistry().getAction(org.eclipse.ui.actions.ActionFactory.SELECT_ALL.getId()).run();
        assertEquals(2, e.getGraphicalViewer().getSelectedEditParts().size(), "select all takes the CECs (and so all inside)");

        org.eclipse.gef.editparts.ZoomManager zoom = (org.eclipse.gef.editparts.ZoomManager) e.getAdapter(
                org.eclipse.gef.editparts.ZoomManager.class);
        e.getActionRegistry().getAction(org.eclipse.gef.ui.actions.GEFActionConstants.ZOOM_IN).run();
        assertEquals(1.5, zoom.getZoom(), 1e-9);
        e.getActionRegistry().getAction(org.eclipse.gef.ui.actions.GEFActionConstants.ZOOM_OUT).run();
        e.getActionRegistry().getAction(org.eclipse.gef.ui.actions.GEFActionConstants.ZOOM_OUT).run();
        assertEquals(0.75, zoom.getZoom(), 1e-9);
    }
}
