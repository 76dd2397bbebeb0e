package org.viosbench.ui.run;

import org.viosbench.session.ClusterSession;
import org.viosbench.session.FireSpec;
import org.viosbench.session.SentRequest;

import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.viosbench.topology.Vios;

/**
 * The Fire Message view: the dialog's fields, kept open beside the diagram, with the sending VIOS
 * chosen here. Works on the running cluster of the active topology editor; Fire stays disabled, with
 * the reason beside it, until the message is valid and the cluster runs.
 */
public final class FireView extends SessionView {
    public static final String ID = "org.viosbench.ui.topology.fire";

    Combo from;
    FireForm form;
    Button fire;
    Label status;
    private List<Vios> vioses = List.of();
    private String problem;

    @Override
    public void createPartControl(Composite parent) {
        Composite c = new Composite(parent, SWT.NONE);
        c.setLayout(new GridLayout(2, false));
        new Label(c, SWT.NONE).setText("From VIOS:");
        from = new Combo(c, SWT.READ_ONLY);
        from.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        from.addListener(SWT.Selection, e -> form.setVioses(selected(), vioses, null));
        form = new FireForm(c, p -> {
            problem = p;
            if (status != null && !status.isDisposed() && status.getText().startsWith("fired")) {
                status.setText(""); // the fields changed: the last result no longer applies
            }
            update();
        });
        form.control.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1));
        fire = new Button(c, SWT.PUSH);
        fire.setText("Fire");
        fire.addListener(SWT.Selection, e -> fire());
        status = new Label(c, SWT.WRAP);
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        startFollowing();
    }

    private Vios selected() {
        int i = from.getSelectionIndex();
        return i < 0 || i >= vioses.size() ? null : vioses.get(i);
    }

    @Override
    void refresh() {
        if (from == null || from.isDisposed()) {
            return;
        }
        List<Vios> now = editor() == null ? List.of() : editor().topology().vioses();
        if (!now.equals(vioses)) {
            Vios keep = selected();
            vioses = now;
            from.setItems(vioses.stream().map(Vios::name).toArray(String[]::new));
            int i = vioses.indexOf(keep);
            from.select(i >= 0 ? i : vioses.isEmpty() ? -1 : 0);
            form.setVioses(selected(), vioses, null);
        }
        update();
    }

    private void update() {
        if (fire == null || fire.isDisposed()) {
            return;
        }
        String idle = idleText();
        boolean ready = idle == null && problem == null && form.spec() != null;
        fire.setEnabled(ready);
        if (idle != null || problem != null) {
            status.setText(idle != null ? idle : problem);
        } else if (!status.getText().startsWith("fired")) {
            status.setText("Ready: " + form.spec().repeat() + " message(s) from " + form.source().name() + ".");
        }
        status.getParent().layout();
    }

    /** Fires what the fields say from the chosen VIOS, and shows the Response Queue. */
    // the status keeps "fired ..." until the next change of the fields
    void fire() {
        ClusterSession s = session();
        FireSpec spec = form.spec();
        if (s == null || spec == null) {
            return;
        }
        List<SentRequest> sent = s.fire(spec);
        long refused = sent.stream().filter(r -> r.request() == null).count();
        status.setText("fired " + sent.size() + " message(s) from " + form.source().name() + (refused > 0 ? ", " + refused
                + " refused: " + sent.get(0).refusal() : ""));
        status.getParent().layout();
        if (editor() != null) {
            ViosActions.showQueue(editor());
        }
    }

    @Override
    public void setFocus() {
        from.setFocus();
    }
}
