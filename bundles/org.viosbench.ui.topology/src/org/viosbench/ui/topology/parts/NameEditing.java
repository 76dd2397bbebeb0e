package org.viosbench.ui.topology.parts;

import org.eclipse.draw2d.IFigure;
import org.eclipse.draw2d.geometry.Rectangle;
import org.eclipse.gef.GraphicalEditPart;
import org.eclipse.gef.commands.Command;
import org.eclipse.gef.editpolicies.DirectEditPolicy;
import org.eclipse.gef.requests.DirectEditRequest;
import org.eclipse.gef.tools.CellEditorLocator;
import org.eclipse.gef.tools.DirectEditManager;
import org.eclipse.jface.viewers.CellEditor;
import org.eclipse.jface.viewers.TextCellEditor;
import org.eclipse.swt.widgets.Text;
import org.viosbench.topology.Element;
import org.viosbench.ui.topology.commands.Edits;

/**
 * Renaming on the diagram: a double-click (or F2) on a CEC, VIOS or LPAR opens a text field over
 * its name; Enter applies a valid name as one undoable command, Escape cancels.
 */
final class NameEditing {
    /** Names as the validator accepts them. */
    static final String VALID = "[A-Za-z0-9_.\\-]+";

    private NameEditing() {
    }

    /** The policy turning an edited name into a rename command (none for an invalid name). */
    static DirectEditPolicy policy() {
        return new DirectEditPolicy() {
            @Override
            protected Command getDirectEditCommand(DirectEditRequest request) {
                Element e = (Element) getHost().getModel();
                Object value = request.getCellEditor().getValue();
                if (!(value instanceof String text)) {
                    return null; // the cell editor holds no text (closed before anything was typed)
                }
                String name = text.trim();
                if (!name.matches(VALID) || name.equals(e.name())) {
                    return null;
                }
                return Edits.set(e, "name", e.name(), name, e::setName);
            }

            @Override
            protected void showCurrentEditValue(DirectEditRequest request) {
                // the figure shows the name once it is applied
            }
        };
    }

    /** Opens the text field over the name of {@code part}'s figure. */
    static void open(GraphicalEditPart part) {
        new DirectEditManager(part, TextCellEditor.class, new Locator(part.getFigure())) {
            @Override
            protected void initCellEditor() {
                CellEditor editor = getCellEditor();
                editor.setValue(((Element) part.getModel()).name());
                editor.setValidator(v -> ((String) v).trim().matches(VALID) ? null : "letters, digits, '_', '.' and '-' only");
                ((Text) editor.getControl()).selectAll();
            }
        }.show();
    }

    /** Puts the text field over the first line of the figure. */
    private record Locator(IFigure figure) implements CellEditorLocator {
        @Override
        public void relocate(CellEditor editor) {
            Rectangle r = figure.getBounds().getCopy();
            figure.translateToAbsolute(r);
            editor.getControl().setBounds(r.x + 4, r.y + 2, Math.max(80, r.width - 8), 24);
        }
    }
}
