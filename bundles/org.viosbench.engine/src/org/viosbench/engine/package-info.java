/**
 * The protocol engine of one VIOS ({@link org.viosbench.engine.ViosNode}): daemons
 * ({@link org.viosbench.engine.Daemon}) build packets and pass them through the system-call
 * boundary ({@link org.viosbench.engine.SyscallInterface}) to the VKE ({@link org.viosbench.engine.Vke}),
 * which routes them over the kcluster SPI ({@link org.viosbench.engine.kcluster.KCluster}). Responses
 * are matched in the sender's response queues ({@link org.viosbench.engine.Correlator},
 * {@link org.viosbench.engine.ResponseQueue}). Every hop emits {@link org.viosbench.engine.TraceEvent}s.
 */
package org.viosbench.engine;
