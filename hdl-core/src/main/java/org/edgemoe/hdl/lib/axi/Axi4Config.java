package org.edgemoe.hdl.lib.axi;

/**
 * Widths and optional signals of an AXI4 bus (SpinalHDL's {@code Axi4Config}). The burst signals (len, size,
 * burst, last), responses and write strobes are always present; id (when {@code idWidth > 0}), region, lock,
 * cache, qos, prot and user (when {@code userWidth > 0}) are optional. {@link #of} has every optional signal
 * but region and user, which is the Zynq UltraScale+ S_AXI_HP port set.
 */
public record Axi4Config(int addressWidth, int dataWidth, int idWidth, boolean useRegion, boolean useLock,
        boolean useCache, boolean useQos, boolean useProt, int userWidth) {

    public Axi4Config {
        if (addressWidth < 12 || addressWidth > 64) {
            throw new IllegalArgumentException("AXI4 address width must be 12..64 bits (a 4 KB page at least), was " + addressWidth);
        }
        if (dataWidth < 8 || dataWidth > 1024 || Integer.bitCount(dataWidth) != 1) {
            throw new IllegalArgumentException("AXI4 data width must be a power of two from 8 to 1024 bits, was " + dataWidth);
        }
        if (idWidth < 0 || idWidth > 32) {
            throw new IllegalArgumentException("AXI4 id width must be 0..32 bits, was " + idWidth);
        }
        if (userWidth < 0) {
            throw new IllegalArgumentException("AXI4 user width must be >= 0, was " + userWidth);
        }
    }

    /** Address, data and id widths with lock, cache, qos and prot (no region, no user). */
    public static Axi4Config of(int addressWidth, int dataWidth, int idWidth) {
        return new Axi4Config(addressWidth, dataWidth, idWidth, false, true, true, true, true, 0);
    }

    public Axi4Config withRegion(boolean on) {
        return new Axi4Config(addressWidth, dataWidth, idWidth, on, useLock, useCache, useQos, useProt, userWidth);
    }

    /** Only the signals a burst master needs: addr, id, len, size, burst, data, strb, last, resp. */
    public Axi4Config minimal() {
        return new Axi4Config(addressWidth, dataWidth, idWidth, false, false, false, false, false, 0);
    }

    public Axi4Config withUser(int width) {
        return new Axi4Config(addressWidth, dataWidth, idWidth, useRegion, useLock, useCache, useQos, useProt, width);
    }

    public boolean useId() {
        return idWidth > 0;
    }

    public boolean useUser() {
        return userWidth > 0;
    }

    /** Bytes per data beat. */
    public int bytesPerBeat() {
        return dataWidth / 8;
    }

    /** log2 of the bytes per beat: the AxSIZE of a full-width beat. */
    public int beatSizeLog2() {
        return Integer.numberOfTrailingZeros(bytesPerBeat());
    }
}
