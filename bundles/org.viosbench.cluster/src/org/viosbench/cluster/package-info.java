/**
 * The embedded multi-VIOS cluster ({@link org.viosbench.cluster.EmbeddedCluster}): VIOS engines
 * started from a {@link org.viosbench.cluster.ClusterDescription}, CAA-style heartbeat membership
 * ({@link org.viosbench.cluster.MembershipKCluster}) and fault injection
 * ({@link org.viosbench.cluster.Faults}), one API for the UI, the command line and tests.
 */
package org.viosbench.cluster;
