/**
 * Message traces: recorded engine events with causality, a cursor to step through them, and trace files.
 */
package org.viosbench.trace;
