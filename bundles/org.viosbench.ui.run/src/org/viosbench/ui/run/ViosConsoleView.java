package org.viosbench.ui.run;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.viosbench.session.ClusterSession;
import org.viosbench.session.shell.ViosShell;
import org.viosbench.topology.Vios;

/**
 * The VIOS Console: the command line of one VIOS of the running cluster of the active topology editor
 * ({@code padmin@vios2 $ cluster -status}, docs/vios-shell.md). One prompt and transcript per VIOS, kept while the
 * cluster runs; Up and Down walk that VIOS's history.
 */
public final class ViosConsoleView extends SessionView {
    public static final String ID = "org.viosbench.ui.run.console";

    Combo vios;
    StyledText transcript;
    Label prompt;
    Text input;
    private List<Vios> vioses = List.of();
    private ClusterSession shellsOf;
    private final Map<Vios, ViosShell> shells = new HashMap<>();
    private final Map<Vios, StringBuilder> transcripts = new HashMap<>();
    /** Where Up/Down stand in the shown VIOS's history (its size: past the newest). */
    private int historyAt;

    @Override
    public void createPartControl(Composite parent) {
        Composite c = new Composite(parent, SWT.NONE);
        c.setLayout(new GridLayout(2, false));
        Composite chooser = new Composite(c, SWT.NONE);
        chooser.setLayout(new GridLayout(2, false));
        chooser.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        new Label(chooser, SWT.NONE).setText("VIOS:");
        vios = new Combo(chooser, SWT.READ_ONLY);
        vios.setLayoutData(new GridData(SWT.BEGINNING, SWT.CENTER, false, false));
        vios.addListener(SWT.Selection, e -> showSelected());
        transcript = new StyledText(c, SWT.BORDER | SWT.MULTI | SWT.READ_ONLY | SWT.V_SCROLL | SWT.H_SCROLL);
        transcript.setFont(JFaceResources.getTextFont());
        transcript.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1));
        prompt = new Label(c, SWT.NONE);
        prompt.setFont(JFaceResources.getTextFont());
        input = new Text(c, SWT.BORDER | SWT.SINGLE);
        input.setFont(JFaceResources.getTextFont());
        input.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        input.setMessage("cluster -status, lscluster -m, lsmap -all, help");
        input.addListener(SWT.DefaultSelection, e -> enter());
        input.addListener(SWT.KeyDown, e -> {
            if (e.keyCode == SWT.ARROW_UP || e.keyCode == SWT.ARROW_DOWN) {
                walkHistory(e.keyCode == SWT.ARROW_UP ? -1 : 1);
                e.doit = false;
            }
        });
        startFollowing();
    }

    /** Selects {@code v}'s command line (as the VIOS context menu's Console entry does). */
    public void show(Vios v) {
        int i = vioses.indexOf(v);
        if (i >= 0) {
            vios.select(i);
            showSelected();
        }
        input.setFocus();
    }

    private Vios selected() {
        int i = vios.getSelectionIndex();
        return i < 0 || i >= vioses.size() ? null : vioses.get(i);
    }

    @Override
    void refresh() {
        if (vios == null || vios.isDisposed()) {
            return;
        }
        ClusterSession s = session();
        if (s != shellsOf) { // another run: its VIOSes' command lines start afresh
            shellsOf = s;
            shells.clear();
            transcripts.clear();
        }
        List<Vios> now = editor() == null ? List.of() : editor().topology().vioses();
        if (!now.equals(vioses)) {
            Vios keep = selected();
            vioses = now;
            vios.setItems(vioses.stream().map(Vios::name).toArray(String[]::new));
            int i = vioses.indexOf(keep);
            vios.select(i >= 0 ? i : vioses.isEmpty() ? -1 : 0);
            vios.getParent().layout(true);
        }
        showSelected();
    }

    /** The VIOS whose command line is shown (what was typed for another is not kept). */
    private Vios shown;

    private void showSelected() {
        Vios v = selected();
        if (v != shown) {
            shown = v;
            input.setText("");
        }
        String idle = idleText();
        boolean ready = idle == null && v != null;
        input.setEnabled(ready);
        prompt.setText(ready ? shell(v).prompt() : "$ ");
        String text = ready ? transcripts.computeIfAbsent(v, x -> new StringBuilder()).toString() : idle == null ? "" : idle;
        if (!transcript.getText().equals(text)) {
            transcript.setText(text);
            transcript.setTopIndex(transcript.getLineCount() - 1);
        }
        historyAt = ready ? shell(v).history().size() : 0;
        prompt.getParent().layout(true);
    }

    private ViosShell shell(Vios v) {
        return shells.computeIfAbsent(v, x -> new ViosShell(session(), x));
    }

    /** Runs the typed line on the shown VIOS and adds it, with its output, to that VIOS's transcript. */
    void enter() {
        Vios v = selected();
        if (v == null || session() == null) {
            return;
        }
        String line = input.getText();
        ViosShell shell = shell(v);
        ViosShell.Result r = shell.run(line);
        transcripts.computeIfAbsent(v, x -> new StringBuilder()).append(shell.prompt()).append(line).append('\n').append(r.output());
        input.setText("");
        showSelected();
    }

    private void walkHistory(int step) {
        Vios v = selected();
        if (v == null || session() == null) {
            return;
        }
        List<String> history = shell(v).history();
        historyAt = Math.max(0, Math.min(history.size(), historyAt + step));
        input.setText(historyAt == history.size() ? "" : history.get(historyAt));
        input.setSelection(input.getText().length());
    }

    @Override
    public void setFocus() {
        input.setFocus();
    }
}
