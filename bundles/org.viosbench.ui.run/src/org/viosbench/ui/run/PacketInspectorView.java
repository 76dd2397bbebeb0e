package org.viosbench.ui.run;

import org.viosbench.ui.trace.ColumnLabels;

import org.viosbench.session.CapturedPacket;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeColumn;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.jface.resource.JFaceResources;
import org.viosbench.protocol.PacketDissector;
import org.viosbench.protocol.PacketDissector.Field;

/**
 * The packets of the requests fired in the running cluster (and their responses), as the VIOSes
 * sent them: a list; for the selected packet its decoded fields beside its bytes, linked both ways
 * (select a field and its bytes light up; click a byte and its field is selected), as in
 * Wireshark's details and bytes panes. A malformed packet shows where decoding failed.
 */
public final class PacketInspectorView extends SessionView {
    public static final String ID = "org.viosbench.ui.topology.packets";
    /** Bytes shown in the hex pane at most. */
    static final int MAX_DUMP = 64 * 1024;
    private static final Color HIGHLIGHT = new Color(255, 226, 140);
    private static final Color FAILURE = new Color(255, 170, 170);

    private Table packets;
    private Tree fields;
    private StyledText hex;
    private org.eclipse.jface.viewers.TreeViewer fieldsViewer;
    private PacketDissector.Dissection shown;
    private CapturedPacket shownPacket;
    /** The bytes as edited in the field tree (null: unedited). */
    private byte[] edited;
    private org.eclipse.jface.action.Action resend;
    private String lastResult;

    @Override
    public void createPartControl(Composite parent) {
        SashForm split = new SashForm(parent, SWT.VERTICAL);
        packetViewer = new org.eclipse.jface.viewers.TableViewer(split, SWT.FULL_SELECTION | SWT.SINGLE | SWT.V_SCROLL);
        packets = packetViewer.getTable();
        packets.setHeaderVisible(true);
        packets.setLinesVisible(true);
        for (String[] c : new String[][] { { "#", "50" }, { "From", "110" }, { "To", "110" }, { "Type", "90" }, { "Flags", "230" },
                { "Message id", "90" }, { "Bytes", "70" } }) {
            TableColumn col = new TableColumn(packets, SWT.LEFT);
            col.setText(c[0]);
            col.setWidth(Integer.parseInt(c[1]));
        }
        packetViewer.setContentProvider(org.eclipse.jface.viewers.ArrayContentProvider.getInstance());
        packetViewer.setLabelProvider(new PacketLabels());
        packetViewer.setInput(listed);
        SashForm panes = new SashForm(split, SWT.HORIZONTAL);
        fieldsViewer = new org.eclipse.jface.viewers.TreeViewer(panes, SWT.FULL_SELECTION | SWT.SINGLE | SWT.V_SCROLL);
        fields = fieldsViewer.getTree();
        fields.setHeaderVisible(true);
        for (String[] c : new String[][] { { "Field", "200" }, { "Value", "260" }, { "Bytes", "80" } }) {
            TreeColumn col = new TreeColumn(fields, SWT.LEFT);
            col.setText(c[0]);
            col.setWidth(Integer.parseInt(c[1]));
        }
        PacketFields.configure(fieldsViewer, FAILURE);
        hex = new StyledText(panes, SWT.READ_ONLY | SWT.V_SCROLL | SWT.H_SCROLL);
        hex.setFont(JFaceResources.getTextFont());
        split.setWeights(1, 2);
        packets.addListener(SWT.Selection, e -> {
            edited = null; // another packet: its own bytes
            resend.setEnabled(false);
            show(selectedPacket());
        });
        fieldsViewer.addSelectionChangedListener(e -> highlight(e.getStructuredSelection().getFirstElement() instanceof Field f ? f : null));
        hex.addListener(SWT.MouseUp, e -> selectByteAt(hex.getCaretOffset()));
        hex.addListener(SWT.KeyUp, e -> selectByteAt(hex.getCaretOffset()));
        org.eclipse.swt.custom.TreeEditor cellEditor = new org.eclipse.swt.custom.TreeEditor(fields);
        cellEditor.grabHorizontal = true;
        fields.addListener(SWT.MouseDoubleClick, e -> {
            TreeItem item = fields.getItem(new org.eclipse.swt.graphics.Point(e.x, e.y));
            if (item == null || !(item.getData() instanceof Field f) || !f.children().isEmpty()) {
                return;
            }
            org.eclipse.swt.widgets.Text text = new org.eclipse.swt.widgets.Text(fields, SWT.NONE);
            text.setText(f.value().replaceFirst(" .*$", ""));
            text.selectAll();
            text.setFocus();
            text.addListener(SWT.DefaultSelection, ev -> {
                edit(f, text.getText());
                text.dispose();
            });
            text.addListener(SWT.FocusOut, ev -> text.dispose());
            cellEditor.setEditor(text, item, 1);
        });
        resend = new org.eclipse.jface.action.Action("Resend edited packet") {
            @Override
            public void run() {
                resendEdited();
            }
        };
        resend.setEnabled(false);
        getViewSite().getActionBars().getToolBarManager().add(resend);
        startFollowing();
        inspectAsked = Inspect.listen(this::select);
    }

    /** Answers "show this message's packet" (a dot clicked, a Response Queue row selected). */
    private org.osgi.service.event.EventHandler inspectAsked;

    @Override
    public void dispose() {
        if (inspectAsked != null) {
            Inspect.stop(inspectAsked);
        }
        super.dispose();
    }

    /** The newest packets listed; older ones are counted. */
    static final int LISTED = 200;
    private int listedUpTo = -1;

    /** The packets as of the moment the diagram animates: a packet shows once its send has been played. */
    private boolean followingAnimation;

    private List<CapturedPacket> list() {
        List<CapturedPacket> all = session() == null ? List.of() : session().packets();
        Animator a = RunAttachment.animatorOf(editor());
        if (a != null) {
            all = all.stream().filter(p -> shown(a, p.bytes())).toList();
        }
        return all.size() <= LISTED ? all : all.subList(all.size() - LISTED, all.size());
    }

    /** The message id as the other views write it (3.7: VIOS 3's seventh), or the dissector's text when the bytes are too short. */
    private static String messageLabel(byte[] packet, String dissected) {
        return packet.length < org.viosbench.protocol.Wire.OFF_MESSAGE_ID + 8 ? dissected
                : org.viosbench.engine.MessageIds.label(java.nio.ByteBuffer.wrap(packet).getLong(org.viosbench.protocol.Wire.OFF_MESSAGE_ID));
    }

    private static boolean shown(Animator a, byte[] packet) {
        if (packet.length < org.viosbench.protocol.Wire.FIXED_HEADER_LENGTH) {
            return true;
        }
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(packet);
        long id = b.getLong(org.viosbench.protocol.Wire.OFF_MESSAGE_ID);
        return !a.animates(id) || a.hasShownSend(id, b.getInt(org.viosbench.protocol.Wire.OFF_SOURCE));
    }

    private CapturedPacket selectedPacket() {
        return packetViewer.getStructuredSelection().getFirstElement() instanceof CapturedPacket p ? p : null;
    }

    /** The packets listed: the viewer's input, refilled by {@link #refresh}. */
    private final List<CapturedPacket> listed = new java.util.ArrayList<>();
    private org.eclipse.jface.viewers.TableViewer packetViewer;

    /** A packet's columns; a packet that does not decode on a red background. */
    private static final class PacketLabels extends ColumnLabels {
        @Override
        public String getColumnText(Object element, int column) {
            CapturedPacket p = (CapturedPacket) element;
            PacketDissector.Dissection d = p.dissect();
            return switch (column) {
                case 0 -> Integer.toString(p.number());
                case 1 -> p.from();
                case 2 -> p.to();
                case 3 -> value(d, "Message type");
                case 4 -> value(d, "Flags");
                case 5 -> messageLabel(p.bytes(), value(d, "Message id"));
                default -> Integer.toString(p.bytes().length);
            };
        }

        @Override
        public org.eclipse.swt.graphics.Color getBackground(Object element, int column) {
            return ((CapturedPacket) element).dissect().failure() != null ? FAILURE : null;
        }
    }

    @Override
    void refresh() {
        if (packets == null || packets.isDisposed()) {
            return;
        }
        List<CapturedPacket> l = list();
        String idle = idleText();
        int newest = l.isEmpty() ? 0 : l.get(l.size() - 1).number();
        setContentDescription(idle != null ? idle : l.isEmpty() ? "Fire a message: its packets show here."
                : newest > l.size() ? "The newest " + l.size() + " of " + newest + " packets." : l.size() + " packets");
        Animator animator = RunAttachment.animatorOf(editor());
        if (animator != null && animator.busy() && !followingAnimation) {
            followingAnimation = true; // packets appear as their sends are played
            packets.getDisplay().timerExec(REFRESH_DELAY_MS, () -> {
                followingAnimation = false;
                refresh();
            });
        }
        if (newest == listedUpTo && packets.getItemCount() == l.size()) {
            return; // nothing new
        }
        listedUpTo = newest;
        listed.clear();
        listed.addAll(l);
        packetViewer.refresh(); // keeps the selected packet selected, wherever its row went
    }

    private static String value(PacketDissector.Dissection d, String name) {
        for (Field f : d.fields().get(0).children()) {
            if (f.name().equals(name)) {
                return f.value().replaceFirst("^0x[0-9A-F]+ \\((.*)\\)$", "$1");
            }
        }
        return "";
    }

    /**
     * Sets field {@code f} of the shown packet to {@code text} (checked against the field's size),
     * recomputes the checksums and shows the edited packet, ready to resend. Says why when it cannot.
     */
    void edit(Field f, String text) {
        if (shownPacket == null) {
            return;
        }
        try {
            byte[] base = edited != null ? edited : shownPacket.bytes();
            byte[] next = PacketDissector.patch(base, f, text);
            boolean checksum = f.name().endsWith("checksum");
            edited = checksum ? next : PacketDissector.withChecksums(next);
            CapturedPacket view = new CapturedPacket(shownPacket.number(), shownPacket.timeNanos(), shownPacket.from(), shownPacket.to(), edited);
            CapturedPacket original = shownPacket;
            show(view);
            shownPacket = original;
            shown = view.dissect();
            lastResult = "edited " + f.name() + (checksum ? " (checksums left as typed)" : " (checksums recomputed)")
                    + (shown.failure() != null ? "; the VKE will refuse it: " + shown.failure().message() : "");
        } catch (IllegalArgumentException e) {
            lastResult = "not changed: " + e.getMessage();
        }
        resend.setEnabled(edited != null && shown != null && shown.failure() == null && session() != null);
        setContentDescription(lastResult);
    }

    /** Sends the edited packet from the VIOS it names as source; says how the system call answered. */
    void resendEdited() {
        if (edited == null || session() == null) {
            return;
        }
        org.viosbench.protocol.Errno result = session().resend(edited);
        lastResult = result == org.viosbench.protocol.Errno.OK ? "resent the edited packet" : "the system call refused it: " + result;
        setContentDescription(lastResult);
    }

    /** What the last edit or resend did (for tests and the view's description). */
    String lastResult() {
        return lastResult;
    }

    /** Shows {@code p}'s fields and bytes (or nothing). */
    void show(CapturedPacket p) {
        shownPacket = p;
        if (p == null) {
            shown = null;
            hex.setText("");
            fieldsViewer.setInput(null);
            return;
        }
        shown = p.dissect();
        hex.setText(dump(p.bytes())); // before the fields: a new input clears their selection, which redraws the bytes
        fieldsViewer.setInput(shown);
        for (Field f : shown.fields()) {
            expand(f, true);
        }
        highlight(null); // nothing selected yet: only a decode failure is marked
    }

    /** Opens {@code f} (a top-level field always, a deeper one when it has few parts) and its children alike. */
    private void expand(Field f, boolean top) {
        if (top || f.children().size() < 8) {
            fieldsViewer.expandToLevel(f, 1);
            f.children().forEach(c -> expand(c, false));
        }
    }

    /** Lights up the bytes of {@code f}. */
    void highlight(Field f) {
        hex.setStyleRanges(new StyleRange[0]);
        if (shown != null && shown.failure() != null) {
            mark(shown.failure().offset(), 1, FAILURE);
        }
        if (f != null) {
            mark(f.offset(), f.length(), HIGHLIGHT);
            hex.setTopIndex(Math.max(0, f.offset() / 16 - 2));
        }
    }

    private void mark(int offset, int length, Color color) {
        List<StyleRange> ranges = new ArrayList<>(List.of(hex.getStyleRanges()));
        int end = Math.min(offset + length, Math.min(MAX_DUMP, shownPacket.bytes().length));
        for (int i = Math.max(0, offset); i < end; i++) {
            ranges.add(new StyleRange(charOf(i), 2, null, color));
        }
        ranges.sort((a, b) -> Integer.compare(a.start, b.start));
        hex.setStyleRanges(ranges.toArray(new StyleRange[0]));
    }

    /** Selects the field holding the byte under the caret at text offset {@code caret}. */
    void selectByteAt(int caret) {
        int b = byteOf(caret);
        if (shown == null || b < 0) {
            return;
        }
        Field f = shown.at(b);
        if (f != null) {
            fieldsViewer.setSelection(new org.eclipse.jface.viewers.StructuredSelection(f), true); // highlights through the listener
        }
    }

    /** Characters per dump line: offset, 16 hex pairs with a gap after 8, the ASCII column, newline. */
    private static final int LINE = 6 + 16 * 3 + 1 + 1 + 16 + 1;

    static String dump(byte[] b) {
        StringBuilder s = new StringBuilder();
        int n = Math.min(b.length, MAX_DUMP);
        for (int line = 0; line < n; line += 16) {
            s.append(String.format("%04x  ", line));
            StringBuilder ascii = new StringBuilder();
            for (int i = 0; i < 16; i++) {
                if (i == 8) {
                    s.append(' ');
                }
                if (line + i < n) {
                    int v = b[line + i] & 0xFF;
                    s.append(String.format("%02x ", v));
                    ascii.append(v >= 32 && v < 127 ? (char) v : '.');
                } else {
                    s.append("   ");
                    ascii.append(' ');
                }
            }
            s.append(' ').append(ascii).append('\n');
        }
        return s.toString();
    }

    /** Where byte {@code i}'s two hex digits start in the dump. */
    static int charOf(int i) {
        int col = i % 16;
        return (i / 16) * LINE + 6 + col * 3 + (col >= 8 ? 1 : 0);
    }

    /** The byte whose hex digits (or ASCII character) are at text offset {@code c}, or -1. */
    static int byteOf(int c) {
        int line = c / LINE;
        int col = c % LINE;
        int hexStart = 6;
        int asciiStart = 6 + 16 * 3 + 1 + 1;
        if (col >= asciiStart && col < asciiStart + 16) {
            return line * 16 + (col - asciiStart);
        }
        int x = col - hexStart;
        if (x < 0 || x >= 16 * 3 + 1) {
            return -1;
        }
        if (x >= 8 * 3) {
            x -= 1;
        }
        return line * 16 + Math.min(15, x / 3);
    }

    /** Selects and shows the first listed packet of message {@code messageId} (the request), if listed. */
    void select(long messageId) {
        refresh();
        List<CapturedPacket> l = list();
        for (int i = 0; i < l.size(); i++) {
            if (java.nio.ByteBuffer.wrap(l.get(i).bytes()).getLong(org.viosbench.protocol.Wire.OFF_MESSAGE_ID) == messageId) {
                packetViewer.setSelection(new org.eclipse.jface.viewers.StructuredSelection(l.get(i)), true);
                edited = null;
                resend.setEnabled(false);
                show(l.get(i));
                return;
            }
        }
    }

    /** For tests. */
    Table packetsTable() {
        return packets;
    }

    Tree fieldsTree() {
        return fields;
    }

    StyledText hexText() {
        return hex;
    }

    @Override
    public void setFocus() {
        packets.setFocus();
    }
}
