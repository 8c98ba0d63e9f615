package org.edgemoe.rtl.cu;

import static org.edgemoe.hdl.core.Hdl.*;

import org.edgemoe.hdl.core.Bits;
import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.Mem;
import org.edgemoe.hdl.core.Module;
import org.edgemoe.hdl.core.SInt;
import org.edgemoe.hdl.core.UInt;
import org.edgemoe.hdl.core.Vec;
import org.edgemoe.hdl.lib.ShiftRegister;

/**
 * The compute unit's accumulator: per token, the running sum over the input tiles of one output tile, in a memory
 * of {@code maxTokens} words of {@code cols} lanes. A beat of the first input tile starts from its column sums
 * (which already hold the bias), a later one adds the stored sum (read synchronously one stage ahead, at
 * {@code next_t}, with a write-to-read bypass when the same token follows itself, T = 1); every beat but the last
 * tile's writes its sum back. The last tile's sums leave through the A register ({@code out_*}: {@code fin_<c>},
 * valid and mode reset low) on the next enabled cycle. Adds wrap at the accumulator width. Lane c is column c.
 */
public final class Accumulator extends Module {
    public final Bool en = in(Bool());
    public final Vec<SInt> in_sum;
    public final BeatTag in_tag;
    public final UInt next_t;
    public final Bool out_valid = out(Bool());
    public final Vec<SInt> out_sum;
    public final OutMode out_mode = out(new OutMode());

    public Accumulator(CuConfig cfg) {
        int cols = cfg.cols();
        int accW = cfg.accWidth();
        int aw = log2Up(cfg.maxTokens());
        param("COLS", cols);
        param("ACC", cfg.formats().acc().toString());
        param("MAX_TOKENS", cfg.maxTokens());
        in_sum = in(Vec(cols, SInt(accW)));
        in_tag = in(new BeatTag(cfg));
        next_t = in(UInt(cfg.tokenIndexWidth()));
        out_sum = out(Vec(cols, SInt(accW)));

        Mem<Bits> accMem = mem(Bits(cols * accW), cfg.maxTokens());
        Bits accRead = accMem.readSync(next_t.resize(aw), en).named("accRead");
        Bool accWrite = en.and(in_tag.valid).and(in_tag.last.not()).named("accWrite");
        Vec<SInt> sums = wire(Vec(cols, SInt(accW))).named("sums");
        Bits sumBits = sums.toBits();
        Bool bypass = regNextWhen(accWrite.and(next_t.eq(in_tag.t)), en).init(false).named("bypass");
        Bits bypassData = regNextWhen(sumBits, en).named("bypassData");
        Vec<SInt> prev = wire(Vec(cols, SInt(accW))).named("prev");
        prev.setFromBits(mux(bypass, bypassData, accRead));
        for (int c = 0; c < cols; c++) {
            sums.get(c).set(mux(in_tag.first, S(0, accW), prev.get(c)).plus(in_sum.get(c)));
            out_sum.get(c).set(regNextWhen(sums.get(c), en).named("fin_" + c));
        }
        when(accWrite, () -> accMem.write(in_tag.t.resize(aw), sumBits));

        out_valid.set(ShiftRegister.delay(in_tag.valid.and(in_tag.last), 1, en, B(false), "finValid"));
        out_mode.set(in_tag.mode.delayed(1, en, "fin"));
    }
}
