/**
 * The protocol engine of one VIOS: sending and receiving daemons, the system-call boundary, the VKE, the kcluster SPI, the request correlator with its response queue, and trace events.
 */
package org.viosbench.engine;
