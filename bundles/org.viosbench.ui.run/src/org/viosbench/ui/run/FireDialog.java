package org.viosbench.ui.run;

import org.viosbench.session.FireSpec;

import java.util.List;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;
import org.viosbench.topology.Vios;

/**
 * Fire Message: from a VIOS and one of its daemons, to one or more VIOSes or by broadcast, with a
 * payload and the response wanted ({@link FireForm}). Fire stays disabled, and the reason shows at
 * the top, until the message is valid. Nothing is sent before.
 */
public final class FireDialog extends TitleAreaDialog {
    private final Vios source;
    private final List<Vios> all;
    private final Vios preselected;
    private FireForm form;
    private FireSpec spec;

    public FireDialog(Shell parent, Vios source, List<Vios> allVioses) {
        this(parent, source, allVioses, null);
    }

    /** With {@code destination} chosen (when dragged from one VIOS to another). */
    public FireDialog(Shell parent, Vios source, List<Vios> allVioses, Vios destination) {
        super(parent);
        this.source = source;
        this.all = allVioses;
        this.preselected = destination;
    }

    /** The fields (for tests). */
    FireForm form() {
        return form;
    }

    /** The Fire button (for tests). */
    Button fireButton() {
        return getButton(IDialogConstants.OK_ID);
    }

    /** What to fire, after OK. */
    public FireSpec spec() {
        return spec;
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle("Fire a message from " + source.name());
        getShell().setText("Fire Message");
        form = new FireForm(area, this::problem);
        form.control.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, "Fire", true);
        createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
        form.setVioses(source, all, preselected);
    }

    private void problem(String problem) {
        setErrorMessage(problem);
        if (problem == null && form != null && form.spec() != null) {
            setMessage(form.spec().repeat() + " message(s) from " + source.name() + ", response: " + form.spec().policy());
        }
        Button fire = getButton(IDialogConstants.OK_ID);
        if (fire != null) {
            fire.setEnabled(problem == null);
        }
    }

    @Override
    protected void okPressed() {
        spec = form.spec();
        super.okPressed();
    }
}
