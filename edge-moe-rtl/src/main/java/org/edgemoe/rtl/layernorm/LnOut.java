package org.edgemoe.rtl.layernorm;

import static org.edgemoe.hdl.core.Hdl.*;

import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.Bundle;
import org.edgemoe.hdl.core.Fix;
import org.edgemoe.hdl.core.Vec;
import org.edgemoe.hdl.fixed.FixFormat;

/** One output beat of {@link LayerNorm}: L normalised values ({@code value_<k>}, act format) and {@code last} on a token's final beat. */
public final class LnOut extends Bundle {
    public final Vec<Fix> value;
    public final Bool last = Bool();
    private final int lanes;
    private final FixFormat format;

    public LnOut(int lanes, FixFormat format) {
        this.lanes = lanes;
        this.format = format;
        value = Vec(lanes, Fix(format));
    }

    @Override
    public LnOut cloneType() {
        LnOut c = new LnOut(lanes, format);
        return isFlipped() ? flipped(c) : c;
    }
}
