package org.edgemoe.rtl.cu;

import static org.edgemoe.hdl.core.Hdl.*;

import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.Fix;
import org.edgemoe.hdl.core.Module;
import org.edgemoe.hdl.core.SInt;
import org.edgemoe.hdl.fixed.Overflow;
import org.edgemoe.hdl.fixed.Rounding;

/**
 * One weight-stationary processing element: one multiply-accumulate per enabled cycle.
 *
 * <p>Holds two weights (ping-pong banks w0 / w1). On a cycle with {@code en}: the activation from the
 * west and its bank bit are latched and passed east next cycle, and the partial sum from the north plus
 * the product {@code x_in * w[bank_in]} (aligned to the accumulator with floor, wrapped to its width,
 * exactly like LinearUnit's per-product quantisation) is latched and passed south. {@code w_we}
 * writes {@code w_data} into bank {@code w_sel} (the caller only writes the bank not in use).
 */
public final class Pe extends Module {
    public final Bool en = in(Bool());
    public final SInt x_in;
    public final Bool bank_in = in(Bool());
    public final SInt psum_in;
    public final Bool w_we = in(Bool());
    public final Bool w_sel = in(Bool());
    public final SInt w_data = in(SInt(CuConfig.WEIGHT_WIDTH));
    public final SInt x_out;
    public final Bool bank_out = out(Bool());
    public final SInt psum_out;

    public Pe(CuConfig cfg) {
        param("ACT", cfg.formats().act().toString());
        param("ACC", cfg.formats().acc().toString());
        param("SHIFT", cfg.productShift());
        int aw = cfg.actWidth();
        int accW = cfg.accWidth();
        x_in = in(SInt(aw));
        psum_in = in(SInt(accW));
        x_out = out(SInt(aw));
        psum_out = out(SInt(accW));

        SInt x = reg(SInt(aw)).init(0).named("x");
        Bool bank = reg(Bool()).init(false).named("bank");
        SInt psum = reg(SInt(accW)).init(0).named("psum");
        SInt w0 = reg(SInt(CuConfig.WEIGHT_WIDTH)).init(0).named("w0");
        SInt w1 = reg(SInt(CuConfig.WEIGHT_WIDTH)).init(0).named("w1");
        SInt w = mux(bank_in, w1, w0);
        // the product aligned to the accumulator (floor) and wrapped to its width
        SInt prod = Fix.fromRaw(cfg.formats().act(), x_in).times(Fix.fromRaw(cfg.formats().weightLinear(), w))
                .resize(cfg.formats().acc(), Rounding.TRUNCATE, Overflow.WRAP).rawSInt();
        SInt next = psum_in.plus(prod);
        when(en, () -> {
            x.set(x_in);
            bank.set(bank_in);
            psum.set(next);
        });
        when(w_we.and(w_sel.not()), () -> w0.set(w_data));
        when(w_we.and(w_sel), () -> w1.set(w_data));
        x_out.set(x);
        bank_out.set(bank);
        psum_out.set(psum);
    }
}
