package org.edgemoe.rtl.cu;

import static org.edgemoe.hdl.core.Hdl.*;

import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.Bundle;
import org.edgemoe.hdl.lib.ShiftRegister;

/** How a finished sum leaves the {@link ComputeUnit}: the flags that travel with it down the output pipeline. */
public final class OutMode extends Bundle {
    /** Narrow to the resid format instead of act (outResid, or an expert command). */
    public final Bool resid = Bool();
    /** Fused GELU on the act-format value. */
    public final Bool gelu = Bool();
    /** Expert scale-accumulate with the dest beat. */
    public final Bool expert = Bool();

    /**
     * This mode delayed by {@code n} enabled cycles, every stage reset low (plain) so the pipeline comes out of reset
     * empty; the stages are {@code <name>Resid_<d>}, {@code <name>Gelu_<d>}, {@code <name>Expert_<d>}.
     */
    OutMode delayed(int n, Bool en, String name) {
        OutMode d = wire(new OutMode());
        d.resid.set(ShiftRegister.delay(resid, n, en, B(false), name + "Resid"));
        d.gelu.set(ShiftRegister.delay(gelu, n, en, B(false), name + "Gelu"));
        d.expert.set(ShiftRegister.delay(expert, n, en, B(false), name + "Expert"));
        return d;
    }
}
