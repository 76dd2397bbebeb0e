package org.viosbench.ui.run;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.TabFolder;
import org.eclipse.swt.widgets.TabItem;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.viosbench.db.ClusterConfig;
import org.viosbench.db.ClusterConfigStore;
import org.viosbench.db.DatabaseException;
import org.viosbench.db.ViosDatabase;
import org.viosbench.session.ClusterSession;
import org.viosbench.session.SessionDatabase;

/**
 * The VIOS Database view: the running cluster's VIOS database as it is now (nodes with the state the database VIOS
 * recorded and when, LPARs, virtual SCSI mappings, logical units, the registration log, the cluster's state history),
 * refreshed while the cluster runs, the trace runs stored in it (one opens in the Trace view), and a console for
 * read-only SQL (a statement that writes is refused).
 */
public final class ViosDatabaseView extends SessionView {
    public static final String ID = "org.viosbench.ui.run.database";
    /** How often the view reads the database again while the cluster runs (registrations arrive without an event). */
    static final int POLL_MS = 1000;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

    Label status;
    TabFolder tabs;
    Table nodes;
    Table lpars;
    Table mappings;
    Table units;
    Table registrations;
    Table history;
    Button exportButton;
    Table runs;
    Button openRun;
    Label runStatus;
    Text sql;
    Button run;
    Table result;
    Label sqlStatus;
    private boolean polling;

    @Override
    public void createPartControl(Composite parent) {
        Composite c = new Composite(parent, SWT.NONE);
        c.setLayout(new GridLayout(1, false));
        Composite top = new Composite(c, SWT.NONE);
        top.setLayout(new GridLayout(2, false));
        top.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        status = new Label(top, SWT.WRAP);
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        exportButton = new Button(top, SWT.PUSH);
        exportButton.setText("Export Configuration...");
        exportButton.setToolTipText("The cluster configuration as JSON (the format of viosbench db export/import)");
        exportButton.addListener(SWT.Selection, e -> {
            org.eclipse.swt.widgets.FileDialog d = new org.eclipse.swt.widgets.FileDialog(getSite().getShell(), SWT.SAVE);
            d.setFilterExtensions(new String[] { "*.json" });
            d.setFileName(session() == null ? "cluster.json" : session().topology().name() + "-config.json");
            d.setOverwrite(true);
            String f = d.open();
            if (f != null) {
                export(java.nio.file.Path.of(f));
            }
        });
        tabs = new TabFolder(c, SWT.TOP);
        tabs.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        nodes = table("Nodes", "ID", "Name", "CEC", "Role", "State", "Recorded at");
        lpars = table("LPARs", "ID", "Name", "CEC", "OS");
        mappings = table("Mappings", "VIOS", "Adapter", "LPAR", "Backing device");
        units = table("Logical units", "Name", "Size (MB)");
        registrations = table("Registration log", "#", "Time", "VIOS", "Event", "Detail");
        history = table("Cluster state", "#", "Time", "State", "Detail");
        TabItem stored = new TabItem(tabs, SWT.NONE);
        stored.setText("Stored runs");
        Composite r = new Composite(tabs, SWT.NONE);
        r.setLayout(new GridLayout(2, false));
        runs = new Table(r, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL);
        runs.setHeaderVisible(true);
        runs.setLinesVisible(true);
        runs.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1));
        for (String col : new String[] { "Run", "Name", "Started", "Events" }) {
            TableColumn tc = new TableColumn(runs, SWT.LEFT);
            tc.setText(col);
            tc.setWidth(col.equals("Name") ? 260 : 120);
        }
        openRun = new Button(r, SWT.PUSH);
        openRun.setText("Open in the Trace View");
        openRun.addListener(SWT.Selection, e -> openRun());
        runStatus = new Label(r, SWT.WRAP);
        runStatus.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        stored.setControl(r);
        TabItem console = new TabItem(tabs, SWT.NONE);
        console.setText("SQL (read-only)");
        Composite s = new Composite(tabs, SWT.NONE);
        s.setLayout(new GridLayout(2, false));
        sql = new Text(s, SWT.BORDER | SWT.SINGLE);
        sql.setFont(JFaceResources.getTextFont());
        sql.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        sql.setMessage("SELECT name, state FROM vios");
        sql.addListener(SWT.DefaultSelection, e -> query());
        run = new Button(s, SWT.PUSH);
        run.setText("Run");
        run.addListener(SWT.Selection, e -> query());
        sqlStatus = new Label(s, SWT.WRAP);
        sqlStatus.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        result = new Table(s, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
        result.setHeaderVisible(true);
        result.setLinesVisible(true);
        result.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1));
        console.setControl(s);
        startFollowing();
    }

    private Table table(String title, String... columns) {
        TabItem item = new TabItem(tabs, SWT.NONE);
        item.setText(title);
        Table t = new Table(tabs, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
        t.setHeaderVisible(true);
        t.setLinesVisible(true);
        for (String col : columns) {
            TableColumn tc = new TableColumn(t, SWT.LEFT);
            tc.setText(col);
            tc.setWidth(col.length() > 10 ? 160 : 100);
        }
        item.setControl(t);
        return t;
    }

    /** Shows {@code rows} in {@code t}, keeping its columns (a query's result gets its own). */
    private static void fill(Table t, List<List<String>> rows) {
        t.setRedraw(false);
        try {
            t.removeAll();
            for (List<String> row : rows) {
                TableItem item = new TableItem(t, SWT.NONE);
                for (int i = 0; i < row.size(); i++) {
                    item.setText(i, row.get(i) == null ? "NULL" : row.get(i));
                }
            }
        } finally {
            t.setRedraw(true);
        }
    }

    private SessionDatabase database() {
        ClusterSession s = session();
        return s == null ? null : s.database();
    }

    @Override
    void refresh() {
        if (status == null || status.isDisposed()) {
            return;
        }
        SessionDatabase d = database();
        String idle = idleText();
        run.setEnabled(d != null);
        exportButton.setEnabled(d != null);
        if (d == null) {
            status.setText(idle != null ? idle : "The VIOS database of " + session().topology().name() + " is being opened...");
            for (Table t : new Table[] { nodes, lpars, mappings, units, registrations, history }) {
                t.removeAll();
            }
            pollWhileRunning();
            return;
        }
        ViosDatabase db = d.database();
        try {
            synchronized (db) {
                ClusterConfigStore store = db.config();
                ClusterConfig config = store.load().orElse(null);
                List<List<String>> rows = new ArrayList<>();
                for (ClusterConfigStore.NodeRow n : store.nodes()) {
                    rows.add(List.of(Long.toString(n.id()), n.name(), n.cecSerial(), n.role(), n.state(),
                            n.lastHeartbeat() == null ? "" : TIME.format(n.lastHeartbeat())));
                }
                fill(nodes, rows);
                fill(lpars, config == null ? List.of() : config.lpars().stream().map(l -> List.of(Integer.toString(l.id()), l.name(), l.cecSerial(),
                        l.osType())).toList());
                fill(mappings, config == null ? List.of() : config.mappings().stream().map(m -> List.of(viosName(m.viosId()), m.adapter(),
                        Integer.toString(m.lparId()), m.backingDevice())).toList());
                fill(units, config == null ? List.of() : config.logicalUnits().stream().map(u -> List.of(u.name(), Long.toString(u.sizeMb()))).toList());
                fill(registrations, store.registrationLog(500).stream().map(l -> List.of(Long.toString(l.seq()), TIME.format(l.at()),
                        viosName(l.vios()), l.event(), l.detail() == null ? "" : l.detail())).toList());
                registrations.setTopIndex(registrations.getItemCount() - 1); // the newest in sight
                fill(history, store.clusterStateLog(500).stream().map(l -> List.of(Long.toString(l.seq()), TIME.format(l.at()), l.event(),
                        l.detail() == null ? "" : l.detail())).toList());
                history.setTopIndex(history.getItemCount() - 1);
                int selected = runs.getSelectionIndex();
                fill(runs, db.traces().runs().stream().map(run -> List.of(Long.toString(run.id()), run.name()
                        + (run.id() == d.traceRun() ? " (this run)" : ""), TIME.format(run.startedAt()), Long.toString(run.events()))).toList());
                if (selected >= 0 && selected < runs.getItemCount()) {
                    runs.setSelection(selected);
                }
                String where = db.location().toString();
                status.setToolTipText(where);
                status.setText(session().topology().name() + ": VIOS database " + where.substring(where.lastIndexOf('/') + 1) + " (schema " + db.schemaVersion()
                        + "); the database VIOS is " + viosName(d.databaseVios()) + "; cluster " + store.clusterState().orElse("not configured") + "; "
                        + d.recorded() + " changes recorded" + (d.failures() == 0 ? "" : ", " + d.failures() + " not (see the log)")
                        + "; trace: " + d.traceEvents()[0] + " events stored" + (d.traceEvents()[1] == 0 ? "" : ", " + d.traceEvents()[1]
                                + " not (the store keeps about 500,000 a second)"));
            }
        } catch (DatabaseException e) {
            status.setText("The VIOS database cannot be read: " + e.getMessage());
        }
        status.getParent().layout(true);
        pollWhileRunning();
    }

    /** The name the running topology gives VIOS {@code id} (its number when it has none). */
    private String viosName(long id) {
        org.viosbench.topology.Vios v = session() == null ? null : session().topology().vios(id);
        return v == null ? Long.toString(id) : v.name();
    }

    /** Reads the database again every {@link #POLL_MS} while the cluster runs and the view is open. */
    private void pollWhileRunning() {
        if (polling || session() == null) {
            return;
        }
        polling = true;
        status.getDisplay().timerExec(POLL_MS, () -> {
            polling = false;
            if (!status.isDisposed() && session() != null) {
                refresh();
            }
        });
    }

    /** Writes the database's cluster configuration to {@code file} as JSON; what happened goes to the status line. */
    void export(java.nio.file.Path file) {
        SessionDatabase d = database();
        if (d == null) {
            return;
        }
        ViosDatabase db = d.database();
        try {
            ClusterConfig config;
            synchronized (db) {
                config = db.config().load().orElse(null);
            }
            if (config == null) {
                status.setText("The VIOS database holds no configuration yet.");
                return;
            }
            java.nio.file.Files.writeString(file, org.viosbench.db.ConfigJson.toText(config));
            status.setText("Exported the configuration of " + config.name() + " to " + file.getFileName());
        } catch (DatabaseException | java.io.IOException e) {
            status.setText("Not exported: " + e.getMessage());
        }
    }

    /** Most events a stored run opens with in the Trace view. */
    static final int OPEN_MAX = 250_000;

    /** Opens the selected stored run in the Trace view (its first {@link #OPEN_MAX} events). */
    void openRun() {
        SessionDatabase d = database();
        int i = runs.getSelectionIndex();
        if (d == null || i < 0) {
            runStatus.setText("Select a stored run first.");
            return;
        }
        long run = Long.parseLong(runs.getItem(i).getText(0));
        ViosDatabase db = d.database();
        try {
            List<org.viosbench.engine.TraceEvent> events;
            synchronized (db) {
                events = new ArrayList<>(db.traces().events(run, 0, OPEN_MAX));
            }
            events.sort(java.util.Comparator.comparingLong(org.viosbench.engine.TraceEvent::timeNanos));
            org.viosbench.ui.trace.TraceView view = (org.viosbench.ui.trace.TraceView) getSite().getPage().showView(org.viosbench.ui.trace.TraceView.ID);
            view.open(new org.viosbench.trace.RecordedTrace(events, session().names()), runs.getItem(i).getText(1) + " (stored run " + run + ")");
            runStatus.setText("Opened stored run " + run + ": " + events.size() + " events" + (events.size() == OPEN_MAX ? " (the first " + OPEN_MAX + ")" : ""));
        } catch (DatabaseException e) {
            runStatus.setText("The stored run cannot be read: " + e.getMessage());
        } catch (org.eclipse.ui.PartInitException e) {
            runStatus.setText("The Trace view cannot be opened: " + e.getMessage());
        }
    }

    /** Runs the console's statement (read-only) and shows its rows, or why it was refused. */
    void query() {
        SessionDatabase d = database();
        if (d == null || sql.getText().isBlank()) {
            return;
        }
        ViosDatabase db = d.database();
        try {
            ViosDatabase.QueryResult r;
            synchronized (db) {
                r = db.query(sql.getText(), 1000);
            }
            result.setRedraw(false);
            try {
                result.removeAll();
                for (TableColumn col : result.getColumns()) {
                    col.dispose();
                }
                for (String name : r.columns()) {
                    TableColumn tc = new TableColumn(result, SWT.LEFT);
                    tc.setText(name);
                    tc.setWidth(140);
                }
            } finally {
                result.setRedraw(true);
            }
            fill(result, r.rows());
            sqlStatus.setText(r.rows().size() + " row(s)" + (r.truncated() ? ", the first 1000 shown" : ""));
        } catch (DatabaseException e) {
            sqlStatus.setText(e.getMessage());
        }
        sqlStatus.getParent().layout(true);
    }

    @Override
    public void setFocus() {
        tabs.setFocus();
    }
}
