/**
 * The embedded multi-VIOS cluster: starting VIOS nodes from a cluster description, membership, fault injection and the deterministic step mode.
 */
package org.viosbench.cluster;
