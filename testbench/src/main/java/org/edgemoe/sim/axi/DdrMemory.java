package org.edgemoe.sim.axi;

import java.util.HashMap;
import java.util.Map;

/** Sparse byte-addressed memory of 64 KB pages; bytes never written read as zero. */
public final class DdrMemory {
    private static final int PAGE_BITS = 16;
    private static final int PAGE = 1 << PAGE_BITS;
    private final Map<Long, byte[]> pages = new HashMap<>();

    private byte[] page(long addr, boolean create) {
        long key = addr >>> PAGE_BITS;
        byte[] p = pages.get(key);
        if (p == null && create) {
            p = new byte[PAGE];
            pages.put(key, p);
        }
        return p;
    }

    public int readByte(long addr) {
        byte[] p = page(addr, false);
        return p == null ? 0 : p[(int) (addr & (PAGE - 1))] & 0xFF;
    }

    public void writeByte(long addr, int value) {
        page(addr, true)[(int) (addr & (PAGE - 1))] = (byte) value;
    }

    public void write(long addr, byte[] data) {
        for (int i = 0; i < data.length; i++) {
            writeByte(addr + i, data[i]);
        }
    }

    public byte[] read(long addr, int length) {
        byte[] out = new byte[length];
        for (int i = 0; i < length; i++) {
            out[i] = (byte) readByte(addr + i);
        }
        return out;
    }

    /** Little-endian 64-bit word at {@code addr} (any alignment). */
    public long readLong(long addr) {
        long v = 0;
        for (int i = 7; i >= 0; i--) {
            v = (v << 8) | readByte(addr + i);
        }
        return v;
    }

    public void writeLong(long addr, long value) {
        for (int i = 0; i < 8; i++) {
            writeByte(addr + i, (int) (value >>> (8 * i)));
        }
    }

    public void writeInt(long addr, int value) {
        for (int i = 0; i < 4; i++) {
            writeByte(addr + i, value >>> (8 * i));
        }
    }

    public int readInt(long addr) {
        return (int) readLong(addr);
    }
}
