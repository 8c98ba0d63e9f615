package org.edgemoe.sim;

import java.math.BigInteger;
import java.nio.ByteBuffer;

/**
 * A handle on one signal of one {@link Sim}. Pokes and peeks read and write the model's own
 * memory through a direct ByteBuffer at a fixed offset: no JNI call, no lookup by name. Values
 * are unsigned bit patterns; negative longs are accepted for pokes when they fit the width as
 * two's complement.
 */
public final class SimSignal {
    private final Sim sim;
    private final String name;
    private final int width;
    private final Direction direction;
    private final int offset;
    private final int bytes;
    private final long topWordMask;

    SimSignal(Sim sim, SignalLayout.Entry entry) {
        this.sim = sim;
        this.name = entry.name();
        this.width = entry.width();
        this.direction = entry.direction();
        this.offset = entry.offset();
        this.bytes = entry.bytes();
        int topBits = width - 64 * (words() - 1);
        this.topWordMask = topBits == 64 ? -1L : (1L << topBits) - 1;
    }

    public String name() {
        return name;
    }

    public int width() {
        return width;
    }

    public Direction direction() {
        return direction;
    }

    /** Number of 64-bit words a value of this signal takes. */
    public int words() {
        return (width + 63) / 64;
    }

    public void poke(long value) {
        ByteBuffer state = writableState();
        if (width < 64) {
            long signedMin = -(1L << (width - 1));
            if (value >= (1L << width) || value < signedMin) {
                throw new IllegalArgumentException("value " + value + " (0x" + Long.toHexString(value)
                    + ") does not fit in " + width + "-bit signal " + name);
            }
            value &= topWordMask;
        }
        write(state, 0, value);
        for (int w = 1; w < words(); w++) write(state, w, 0L);
        sim.markDirty();
    }

    public void poke(boolean value) {
        poke(value ? 1L : 0L);
    }

    /** Pokes a value of any width; negative values are taken as two's complement in this width. */
    public void poke(BigInteger value) {
        BigInteger unsigned = value.signum() < 0 ? value.add(BigInteger.ONE.shiftLeft(width)) : value;
        if (unsigned.signum() < 0 || unsigned.bitLength() > width) {
            throw new IllegalArgumentException("value " + value + " does not fit in " + width + "-bit signal " + name);
        }
        ByteBuffer state = writableState();
        for (int w = 0; w < words(); w++) write(state, w, unsigned.shiftRight(64 * w).longValue());
        sim.markDirty();
    }

    /** Pokes little-endian 64-bit words (word 0 holds bits 63..0); allocation-free for wide ports. */
    public void pokeWords(long... value) {
        if (value.length != words()) {
            throw new IllegalArgumentException(name + " takes " + words() + " words, got " + value.length);
        }
        if ((value[value.length - 1] & ~topWordMask) != 0) {
            throw new IllegalArgumentException("value does not fit in " + width + "-bit signal " + name);
        }
        ByteBuffer state = writableState();
        for (int w = 0; w < value.length; w++) write(state, w, value[w]);
        sim.markDirty();
    }

    /** Pokes a fixed-point value with {@code fractionBits} bits after the binary point (rounded). */
    public void pokeFixed(double value, int fractionBits) {
        poke(Math.round(Math.scalb(value, fractionBits)));
    }

    /** The value as an unsigned bit pattern; signals wider than 64 bits need {@link #peekBig()}. */
    public long peek() {
        if (width > 64) throw new IllegalStateException(name + " is " + width + " bits wide; use peekBig or peekWords");
        return read(sim.settledState(), 0);
    }

    /** The value sign-extended from this signal's width. */
    public long peekSigned() {
        long raw = peek();
        return width == 64 ? raw : (raw << (64 - width)) >> (64 - width);
    }

    public boolean peekBoolean() {
        return peek() != 0;
    }

    public BigInteger peekBig() {
        ByteBuffer state = sim.settledState();
        BigInteger value = BigInteger.ZERO;
        for (int w = words() - 1; w >= 0; w--) {
            value = value.shiftLeft(64).or(new BigInteger(Long.toUnsignedString(read(state, w))));
        }
        return value;
    }

    /** Copies the value into {@code into} as little-endian 64-bit words. */
    public long[] peekWords(long[] into) {
        ByteBuffer state = sim.settledState();
        for (int w = 0; w < words(); w++) into[w] = read(state, w);
        return into;
    }

    /** The value as a signed fixed-point number with {@code fractionBits} bits after the binary point. */
    public double peekFixed(int fractionBits) {
        return Math.scalb((double) peekSigned(), -fractionBits);
    }

    int offset() {
        return offset;
    }

    int bytes() {
        return bytes;
    }

    Sim sim() {
        return sim;
    }

    long topWordMask() {
        return topWordMask;
    }

    private ByteBuffer writableState() {
        ByteBuffer state = sim.state();
        if (!direction.pokeable()) throw new IllegalArgumentException(name + " is an output and cannot be poked");
        return state;
    }

    private void write(ByteBuffer state, int word, long value) {
        int at = offset + 8 * word;
        switch (Math.min(8, bytes - 8 * word)) {
            case 1 -> state.put(at, (byte) value);
            case 2 -> state.putShort(at, (short) value);
            case 4 -> state.putInt(at, (int) value);
            default -> state.putLong(at, value);
        }
    }

    private long read(ByteBuffer state, int word) {
        int at = offset + 8 * word;
        return switch (Math.min(8, bytes - 8 * word)) {
            case 1 -> state.get(at) & 0xFFL;
            case 2 -> state.getShort(at) & 0xFFFFL;
            case 4 -> state.getInt(at) & 0xFFFF_FFFFL;
            default -> state.getLong(at);
        };
    }

    @Override
    public String toString() {
        return name + "[" + width + "]";
    }
}
