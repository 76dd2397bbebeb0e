package org.viosbench.protocol;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Big-endian reads from byte arrays, for the decoder's hot path. Callers check bounds first. */
final class Bytes {
    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private Bytes() {
    }

    static int u8(byte[] a, int i) {
        return a[i] & 0xFF;
    }

    static int u16(byte[] a, int i) {
        return (short) SHORT.get(a, i) & 0xFFFF;
    }

    static int i32(byte[] a, int i) {
        return (int) INT.get(a, i);
    }

    static long u32(byte[] a, int i) {
        return Integer.toUnsignedLong((int) INT.get(a, i));
    }

    static long i64(byte[] a, int i) {
        return (long) LONG.get(a, i);
    }
}
