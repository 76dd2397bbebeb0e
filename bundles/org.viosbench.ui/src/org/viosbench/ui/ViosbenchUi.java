package org.viosbench.ui;

/** Identifiers shared by the desktop application's classes and declared in plugin.xml. */
public final class ViosbenchUi {
    public static final String APP_NAME = "viosbench";
    public static final String WINDOW_TITLE = "viosbench";
    public static final String PERSPECTIVE_ID = "org.viosbench.ui.perspective";
    public static final String THEME_LIGHT = "org.viosbench.ui.theme.light";
    public static final String THEME_DARK = "org.viosbench.ui.theme.dark";
    /** The topology editor bundle's command that opens a sample (this bundle does not depend on it). */
    public static final String OPEN_SAMPLE_COMMAND = "org.viosbench.ui.topology.openSample";
    public static final String OPEN_SAMPLE_PARAMETER = "org.viosbench.ui.topology.sample";
    /** The topology editor bundle's Problems view. */
    public static final String PROBLEMS_VIEW = "org.viosbench.ui.topology.problems";
    /** The topology editor bundle's Response Queue view. */
    public static final String RESPONSE_QUEUE_VIEW = "org.viosbench.ui.topology.responseQueue";
    /** The topology editor bundle's Fire Message view. */
    public static final String FIRE_VIEW = "org.viosbench.ui.topology.fire";
    /** The trace bundle's Trace view (sequence chart, event table). */
    public static final String TRACE_VIEW = "org.viosbench.ui.trace.view";
    public static final String STEP_VIEW = "org.viosbench.ui.trace.step";
    /** The topology editor bundle's Packet Inspector view. */
    public static final String PACKET_VIEW = "org.viosbench.ui.topology.packets";
    /** The run-mode bundle's VIOS Console view (a VIOS's simulated command line). */
    public static final String CONSOLE_VIEW = "org.viosbench.ui.run.console";
    /** The run-mode bundle's VIOS Database view (the running cluster's database). */
    public static final String DATABASE_VIEW = "org.viosbench.ui.run.database";

    private ViosbenchUi() {
    }
}
