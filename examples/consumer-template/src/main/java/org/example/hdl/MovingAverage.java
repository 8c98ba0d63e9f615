package org.example.hdl;

import static org.edgemoe.hdl.core.Hdl.*;

import java.util.ArrayList;
import java.util.List;
import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.Fix;
import org.edgemoe.hdl.core.Module;
import org.edgemoe.hdl.core.UInt;
import org.edgemoe.hdl.fixed.FixFormat;
import org.edgemoe.hdl.fixed.Overflow;
import org.edgemoe.hdl.fixed.Rounding;
import org.edgemoe.hdl.lib.Stream;

/**
 * A moving-average FIR filter on a stream of SQ1.15 samples: y[n] = (x[n] + ... + x[n-taps+1]) / taps, rounded
 * half up. One sample in, one out (after the first taps - 1); back-pressure on the output stalls the input.
 * Fields become ports: io_input_valid / _ready / _payload, io_output_..., io_filled.
 */
public class MovingAverage extends Module {
    public static final FixFormat SAMPLE = FixFormat.sfix(1, 15);

    public final Stream<Fix> input = slave(new Stream<>(Fix(SAMPLE)));
    public final Stream<Fix> output = master(new Stream<>(Fix(SAMPLE)));
    /** Past samples held (up to taps - 1): with the next one, an output is due. */
    public final UInt filled;

    public MovingAverage(int taps) {
        if (taps < 2 || Integer.bitCount(taps) != 1) {
            throw new IllegalArgumentException("taps must be a power of two >= 2, was " + taps);
        }
        param("TAPS", taps);
        int sumInt = 1 + log2Up(taps);   // the sum of taps samples needs log2(taps) more integer bits
        FixFormat sumFormat = FixFormat.sfix(sumInt, 15);
        filled = out(UInt(log2Up(taps + 1)));

        // the newest taps - 1 samples, newest first
        List<Fix> history = new ArrayList<>();
        for (int i = 0; i < taps - 1; i++) {
            history.add(reg(Fix(SAMPLE)).init(fix(0, SAMPLE)).named("x_" + (i + 1)));
        }
        UInt count = reg(UInt(filled.width())).init(0).named("count");
        Fix sum = input.payload.resize(sumFormat, Rounding.TRUNCATE, Overflow.WRAP);
        for (Fix h : history) {
            sum = sum.plus(h).resize(sumFormat, Rounding.TRUNCATE, Overflow.WRAP);
        }
        // divide by taps: move the binary point, then round back to the sample format
        Fix mean = sum.scale(-log2Up(taps)).resize(SAMPLE, Rounding.ROUND_HALF_UP, Overflow.SATURATE).named("mean");

        Bool full = count.eq(taps - 1).named("full");   // with this sample, taps are present
        output.valid.set(input.valid.and(full));
        output.payload.set(mean);
        input.ready.set(output.ready.or(full.not()));
        when(input.fire(), () -> {
            for (int i = history.size() - 1; i > 0; i--) {
                history.get(i).set(history.get(i - 1));
            }
            history.get(0).set(input.payload);
            when(full.not(), () -> count.set(count.plus(1)));
        });
        filled.set(count);

        // simulation and formal only: the output never runs ahead of the history
        assertAlways(output.valid.not().or(count.eq(taps - 1)), "output valid with only %d samples held", count);
    }
}
