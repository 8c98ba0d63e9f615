package org.edgemoe.rtl.buffer;

import static org.edgemoe.hdl.core.Hdl.*;

import org.edgemoe.hdl.core.Bits;
import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.Bundle;
import org.edgemoe.hdl.core.Fix;
import org.edgemoe.hdl.core.Mem;
import org.edgemoe.hdl.core.Module;
import org.edgemoe.hdl.core.UInt;
import org.edgemoe.hdl.core.Vec;
import org.edgemoe.hdl.fixed.FixFormat;
import org.edgemoe.hdl.lib.Flow;
import org.edgemoe.hdl.lib.Stream;

/**
 * An on-chip activation buffer: {@code depth} words of {@code lanes} fixed-point values (block RAM, one
 * synchronous read port and one write port). A token's {@code D} values are {@code D / lanes} consecutive
 * words, lane 0 the lowest index, so word {@code t * D / lanes + k} holds elements {@code k * lanes ..
 * k * lanes + lanes - 1} of token t: exactly one compute-unit x beat (input tile k) or y beat (output tile k).
 *
 * <p>{@code read}: addresses in, {@link Word}s out in order, one per cycle, with back-pressure: an address
 * is taken only when the data register is free or drains in the same cycle, and a stalled word is held in
 * the memory's output register. {@code last} travels with the address. {@code write}: a word per cycle,
 * always accepted.
 */
public final class ActBuffer extends Module {
    /** A word read from the buffer, {@code last} as given with its address. */
    public static final class Word extends Bundle {
        public final Vec<Fix> lanes;
        public final Bool last = Bool();
        private final int n;
        private final FixFormat format;

        public Word(int n, FixFormat format) {
            this.n = n;
            this.format = format;
            lanes = Vec(n, Fix(format));
        }

        @Override
        public Word cloneType() {
            Word c = new Word(n, format);
            return isFlipped() ? flipped(c) : c;
        }
    }

    /** A word to write and its address. */
    public static final class WriteBeat extends Bundle {
        public final UInt addr;
        public final Vec<Fix> lanes;
        private final int aw;
        private final int n;
        private final FixFormat format;

        public WriteBeat(int aw, int n, FixFormat format) {
            this.aw = aw;
            this.n = n;
            this.format = format;
            addr = UInt(aw);
            lanes = Vec(n, Fix(format));
        }

        @Override
        public WriteBeat cloneType() {
            WriteBeat c = new WriteBeat(aw, n, format);
            return isFlipped() ? flipped(c) : c;
        }
    }

    public final Stream<BufferAddr> read;
    public final Stream<Word> data;
    public final Flow<WriteBeat> write;

    public ActBuffer(int depth, int lanes, FixFormat format) {
        this(depth, lanes, format, log2Up(depth));
    }

    /** A buffer whose ports carry {@code addrWidth}-bit addresses (a datapath's common width); the memory uses the low bits. */
    public ActBuffer(int depth, int lanes, FixFormat format, int addrWidth) {
        int aw = addrWidth;
        int mw = log2Up(depth);
        if (aw < mw) {
            throw new IllegalArgumentException("address width " + aw + " cannot reach " + depth + " words");
        }
        param("DEPTH", depth);
        param("LANES", lanes);
        param("FORMAT", format.toString());
        read = slave(new Stream<>(new BufferAddr(aw)));
        data = master(new Stream<>(new Word(lanes, format)));
        write = slave(new Flow<>(new WriteBeat(aw, lanes, format)));

        Mem<Bits> ram = mem(Bits(lanes * format.width()), depth);
        when(write.valid, () -> ram.write(write.payload.addr.resize(mw), write.payload.lanes.toBits()));

        Bool outValid = reg(Bool()).init(false).named("outValid");
        Bool outLast = reg(Bool()).init(false).named("outLast");
        Bool take = read.valid.and(outValid.not().or(data.ready)).named("take");
        read.ready.set(outValid.not().or(data.ready));
        Bits word = ram.readSync(read.payload.addr.resize(mw), take);
        when(take, () -> {
            outValid.set(true);
            outLast.set(read.payload.last);
        }).elsewhen(data.ready, () -> outValid.set(false));
        data.valid.set(outValid);
        data.payload.lanes.setFromBits(word);
        data.payload.last.set(outLast);
    }
}
