package org.edgemoe.hdl.lib;

import static org.edgemoe.hdl.core.Hdl.*;

import org.edgemoe.hdl.core.Bits;
import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.Module;
import org.edgemoe.hdl.core.UInt;

/**
 * Changes a stream's beat width by an integer ratio, little-endian (SpinalHDL's StreamWidthAdapter):
 * widening packs {@code n} narrow beats into one wide beat, the first in the least significant bits;
 * narrowing sends a wide beat as {@code n} narrow beats, least significant first. Full throughput on the
 * narrow side; nothing is lost, duplicated or reordered under any valid/ready pattern.
 */
public final class StreamWidthAdapter extends Module {
    public final Stream<Bits> input;
    public final Stream<Bits> output;

    public StreamWidthAdapter(int inWidth, int outWidth) {
        if (inWidth < 1 || outWidth < 1 || (Math.max(inWidth, outWidth) % Math.min(inWidth, outWidth)) != 0) {
            throw new IllegalArgumentException("widths must divide each other: " + inWidth + " -> " + outWidth);
        }
        param("IN_WIDTH", inWidth);
        param("OUT_WIDTH", outWidth);
        input = slave(new Stream<>(Bits(inWidth)));
        output = master(new Stream<>(Bits(outWidth)));
        if (inWidth == outWidth) {
            output.driveFrom(input);
        } else if (inWidth < outWidth) {
            widen(outWidth / inWidth, inWidth);
        } else {
            narrow(inWidth / outWidth, outWidth);
        }
    }

    /** {@code in} at {@code outWidth} bits per beat, through an adapter instantiated in the calling module. */
    public static Stream<Bits> adapt(Stream<Bits> in, int outWidth) {
        StreamWidthAdapter a = instance(new StreamWidthAdapter(in.payload.width(), outWidth));
        a.input.driveFrom(in);
        return a.output;
    }

    private void widen(int n, int w) {
        Bits[] parts = new Bits[n - 1];
        for (int i = 0; i < n - 1; i++) {
            parts[i] = reg(Bits(w)).init(0).named("part" + i);
        }
        UInt count = reg(UInt(log2Up(n))).init(0).named("count");
        Bool full = reg(Bool()).init(false).named("full");
        Bits word = reg(Bits(n * w)).init(0).named("word");
        Bool completes = count.eq(n - 1).named("completes");
        input.ready.set(completes.not().or(full.not()).or(output.ready));
        when(input.fire(), () -> {
            when(completes, () -> {
                Bits[] all = new Bits[n];
                all[0] = input.payload;
                for (int i = 0; i < n - 1; i++) {
                    all[n - 1 - i] = parts[i];
                }
                word.set(cat(all));
                count.set(U(0, count.width()));
            }).otherwise(() -> {
                for (int i = 0; i < n - 1; i++) {
                    int k = i;
                    when(count.eq(k), () -> parts[k].set(input.payload));
                }
                count.set(count.plus(1));
            });
        });
        when(input.fire().and(completes), () -> full.set(true)).elsewhen(output.ready, () -> full.set(false));
        output.valid.set(full);
        output.payload.set(word);
    }

    private void narrow(int n, int w) {
        Bits word = reg(Bits(n * w)).init(0).named("word");
        UInt count = reg(UInt(log2Up(n))).init(0).named("count");
        Bool full = reg(Bool()).init(false).named("full");
        Bool lastPart = count.eq(n - 1).named("lastPart");
        input.ready.set(full.not().or(output.ready.and(lastPart)));
        output.valid.set(full);
        Bits part = word.slice(w - 1, 0);
        for (int i = 1; i < n; i++) {
            part = mux(count.eq(i), word.slice(i * w + w - 1, i * w), part);
        }
        output.payload.set(part);
        when(output.fire(), () -> {
            count.set(mux(lastPart, U(0, count.width()), count.plus(1)));
            when(lastPart, () -> full.set(false));
        });
        when(input.fire(), () -> {
            word.set(input.payload);
            full.set(true);
        });
    }
}
