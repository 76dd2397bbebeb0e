/**
 * The kcluster interface: how a VKE reaches the VKEs of other VIOSes. What crosses it is always the
 * encoded packet bytes, so the codec runs on every hop. Implementations live in the transport bundle.
 */
package org.viosbench.engine.kcluster;
