package org.viosbench.ui.topology;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.jface.wizard.Wizard;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.viosbench.topology.Samples;
import org.viosbench.topology.Topology;
import org.viosbench.topology.TopologyFile;

/**
 * File > New Topology...: a name, a template (empty or one of the samples) and a folder; writes
 * NAME.vios.json there and opens it. Refuses bad names and existing files in the page, before
 * anything is written.
 */
public final class NewTopologyWizard extends Wizard {
    /** The templates offered, the empty one first. */
    static final String[] TEMPLATES = { "empty", "small", "medium", "largest" };
    private static final String[] TEMPLATE_LABELS = { "Empty: one CEC, nothing in it", "Small: 2 CECs, 4 VIOSes, 8 LPARs",
            "Medium: 4 CECs, 16 VIOSes, 64 LPARs", "Largest: 6 CECs, 24 VIOSes (the real limit), 96 LPARs" };

    private final IWorkbenchPage page;
    final Details details = new Details();
    private TopologyEditor opened;

    public NewTopologyWizard(IWorkbenchPage page, Path folder) {
        this.page = page;
        details.folder = folder;
        setWindowTitle("New Topology");
    }

    @Override
    public void addPages() {
        addPage(details);
    }

    /** The editor the wizard opened, after it finished. */
    TopologyEditor opened() {
        return opened;
    }

    /** The file the page's fields name. */
    Path target() {
        return details.folder.resolve(details.name.getText().trim() + TopologyFile.SUFFIX);
    }

    static Topology template(String template, String name) {
        Topology t;
        if (template.equals("empty")) {
            t = new Topology(name);
            t.addCec(new org.viosbench.topology.Cec("NEW1", "cec1"));
        } else {
            t = Samples.build(template);
            t.setName(name);
        }
        org.viosbench.topology.AutoLayout.apply(t);
        return t;
    }

    @Override
    public boolean performFinish() {
        Path file = target();
        try {
            TopologyFile.write(template(TEMPLATES[details.template.getSelectionIndex()], details.name.getText().trim()), file);
            opened = (TopologyEditor) page.openEditor(TopologyEditorInput.of(file), TopologyEditor.ID);
            return true;
        } catch (IOException | PartInitException e) {
            details.setErrorMessage(file + " was not created: " + e.getMessage());
            return false;
        }
    }

    /** The one page: name, template, folder. */
    final class Details extends WizardPage {
        Text name;
        Combo template;
        Text where;
        Path folder;

        Details() {
            super("details", "New Topology", null);
            setDescription("A topology file (*.vios.json) from a template.");
        }

        @Override
        public void createControl(Composite parent) {
            Composite c = new Composite(parent, SWT.NONE);
            c.setLayout(new GridLayout(3, false));
            new Label(c, SWT.NONE).setText("Name:");
            name = new Text(c, SWT.BORDER);
            name.setText("cluster1");
            name.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
            new Label(c, SWT.NONE).setText("Template:");
            template = new Combo(c, SWT.READ_ONLY);
            template.setItems(TEMPLATE_LABELS);
            template.select(1);
            template.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
            new Label(c, SWT.NONE).setText("Folder:");
            where = new Text(c, SWT.BORDER | SWT.READ_ONLY);
            where.setText(folder.toString());
            where.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
            Button browse = new Button(c, SWT.PUSH);
            browse.setText("Browse...");
            browse.addListener(SWT.Selection, e -> {
                DirectoryDialog d = new DirectoryDialog(getShell());
                d.setFilterPath(folder.toString());
                String chosen = d.open();
                if (chosen != null) {
                    folder = Path.of(chosen);
                    where.setText(chosen);
                    check();
                }
            });
            name.addListener(SWT.Modify, e -> check());
            setControl(c);
            check();
        }

        /** Says what is wrong with the fields, or lets the wizard finish. */
        void check() {
            String n = name.getText().trim();
            String problem = null;
            if (n.isEmpty()) {
                problem = "Give the topology a name.";
            } else if (!n.matches("[A-Za-z0-9_.\\-]+")) {
                problem = "A name holds only letters, digits, '_', '.' and '-'.";
            } else if (!Files.isDirectory(folder)) {
                problem = "The folder " + folder + " does not exist.";
            } else if (Files.exists(target())) {
                problem = target().getFileName() + " exists already in " + folder + ".";
            }
            setErrorMessage(problem);
            setPageComplete(problem == null);
        }
    }
}
