package org.edgemoe.rtl.datapath;

import static org.edgemoe.hdl.core.Hdl.*;

import org.edgemoe.hdl.core.Area;
import org.edgemoe.hdl.core.Bits;
import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.Mem;
import org.edgemoe.hdl.core.UInt;
import org.edgemoe.hdl.lib.Stream;
import org.edgemoe.rtl.layernorm.LnConfig;
import org.edgemoe.rtl.layernorm.LnParamWrite;

/**
 * A LayerNorm parameter block arriving as weight rows (gamma's D / L rows, then beta's) turned into parameter
 * writes of set 0: gamma rows are held in a small memory until the matching beta row comes. {@link #done} once
 * every write of the block has gone out; cleared when {@code active} falls.
 */
final class LnParams extends Area {
    final Bool ready;
    final Bool done;

    LnParams(LnConfig ln, Stream<Bits> rows, Bool toParams, Bool active, Stream<LnParamWrite> out) {
        int beats = ln.beats();
        int kw = log2Up(2 * beats + 1);
        Mem<Bits> gamma = mem(Bits(rows.payload.width()), beats);
        UInt k = reg(UInt(kw)).init(0).named("lnParamCount");
        Bool betaPhase = k.ge(U(beats, kw)).named("lnBetaPhase");
        done = k.eq(U(2 * beats, kw)).named("lnParamsDone");
        ready = toParams.and(done.not()).and(betaPhase.not().or(out.ready));
        UInt idx = mux(betaPhase, k.minus(U(beats, kw)), k).resize(log2Up(beats));
        when(rows.valid.and(ready).and(betaPhase.not()), () -> gamma.write(idx, rows.payload));
        out.valid.set(toParams.and(rows.valid).and(betaPhase).and(done.not()));
        out.payload.addr.set(idx.resize(out.payload.addr.width()));
        out.payload.gamma.setFromBits(gamma.readAsync(idx));
        out.payload.beta.setFromBits(rows.payload);
        when(rows.valid.and(ready), () -> k.set(k.plus(1)));
        when(active.not().and(done), () -> k.set(U(0, kw)));
    }
}
