package org.edgemoe.rtl.datapath;

import static org.edgemoe.hdl.core.Hdl.*;

import org.edgemoe.hdl.core.Bits;
import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.Fix;
import org.edgemoe.hdl.core.Module;
import org.edgemoe.hdl.core.UInt;
import org.edgemoe.hdl.fixed.FixFormat;
import org.edgemoe.hdl.lib.Flow;
import org.edgemoe.hdl.lib.Stream;
import org.edgemoe.hdl.lib.StreamWidthAdapter;
import org.edgemoe.rtl.axi.ReadBeat;
import org.edgemoe.rtl.buffer.ActBuffer;

/**
 * A resid-format tensor from DDR into the residual buffer (EMBED's pos_embed): values of 4 bytes each
 * (little-endian two's complement, the low {@code resid.width()} bits kept), token-major, so every
 * {@code lanes} values are the next buffer word; words are written from address 0, which restarts after each
 * transfer's last beat. {@code busy} while a word is being assembled.
 */
public final class ResidLoad extends Module {
    public static final int VALUE_BYTES = 4;

    public final Stream<ReadBeat> data;
    public final Flow<ActBuffer.WriteBeat> write;
    public final Bool busy = out(Bool());

    public ResidLoad(int busBits, int lanes, FixFormat resid, int addrWidth) {
        int wordBits = lanes * 8 * VALUE_BYTES;
        if (resid.width() > 8 * VALUE_BYTES || wordBits % busBits != 0) {
            throw new IllegalArgumentException("resid values of " + resid.width() + " bits in " + VALUE_BYTES
                    + "-byte elements; a word of " + wordBits + " bits on a " + busBits + "-bit bus");
        }
        param("LANES", lanes);
        param("BUS_BITS", busBits);
        data = slave(new Stream<>(new ReadBeat(busBits)));
        write = master(new Flow<>(new ActBuffer.WriteBeat(addrWidth, lanes, resid)));

        int beatsPerWord = wordBits / busBits;
        UInt beat = reg(UInt(log2Up(beatsPerWord + 1))).init(0).named("beat");
        Bool lastSeen = reg(Bool()).init(false).named("lastSeen");
        when(data.fire(), () -> {
            beat.set(mux(beat.eq(beatsPerWord - 1), U(0, beat.width()), beat.plus(1)));
            lastSeen.set(data.payload.last);
        });
        Stream<Bits> words = StreamWidthAdapter.adapt(data.map(b -> b.data), wordBits);
        words.ready.set(B(true));
        UInt addr = reg(UInt(addrWidth)).init(0).named("addr");
        when(words.fire(), () -> addr.set(mux(lastSeen, U(0, addrWidth), addr.plus(1))));
        write.valid.set(words.valid);
        write.payload.addr.set(addr);
        for (int k = 0; k < lanes; k++) {
            int lo = k * 8 * VALUE_BYTES;
            write.payload.lanes.get(k).set(Fix.fromRaw(resid, words.payload.slice(lo + resid.width() - 1, lo)));
        }
        busy.set(beat.ne(0).or(words.valid));
    }
}
