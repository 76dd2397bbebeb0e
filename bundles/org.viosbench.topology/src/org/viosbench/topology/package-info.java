/**
 * The headless topology model: CECs, VIOSes, LPARs and the virtual SCSI mappings between them, with validation and the versioned JSON file format.
 */
package org.viosbench.topology;
