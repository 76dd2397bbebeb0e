package org.viosbench.cluster;

/**
 * What one VIOS's kcluster end has counted since it started (a restarted VIOS starts again from zero, as a rebooted
 * one does): the figures {@code lscluster -s} shows.
 *
 * @param packetsSent      packets this VIOS sent, heartbeats not included (a broadcast counts once per receiver)
 * @param packetsReceived  packets that arrived from other VIOSes, heartbeats not included
 * @param heartbeatsSent   heartbeats sent (once per receiver)
 * @param heartbeatsReceived heartbeats that arrived
 * @param dropped          packets that did not leave or did not arrive: sends the transport refused, packets lost to an
 *                         injected fault (drop, partition), frames the TCP end refused (unauthenticated, malformed, a peer's
 *                         queue full)
 * @param duplicates       requests that arrived again with a message id already seen from their sender, and duplicate responses
 * @param outOfOrder       requests that arrived with a message id lower than one already seen from their sender
 * @param nodeDownEvents   times a peer became SUSPECTED or DOWN in this VIOS's view
 */
public record KClusterStatistics(long packetsSent, long packetsReceived, long heartbeatsSent, long heartbeatsReceived, long dropped,
        long duplicates, long outOfOrder, long nodeDownEvents) {
}
