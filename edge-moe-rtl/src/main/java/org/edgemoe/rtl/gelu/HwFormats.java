package org.edgemoe.rtl.gelu;

import org.edgemoe.hdl.core.Overflow;
import org.edgemoe.hdl.core.Rounding;
import org.edgemoe.hdl.ir.FixFormat;
import org.edgemoe.model.fixed.FixedFormat;

/** Conversions from the golden model's number-format types to hdl-core's (shared by the RTL blocks). */
public final class HwFormats {
    private HwFormats() { }

    /** The hdl-core format of a model format (same raw bits, same binary point). */
    public static FixFormat of(FixedFormat f) {
        return new FixFormat(f.signed(), f.width() - f.fracBits(), f.fracBits());
    }

    public static Rounding of(org.edgemoe.model.fixed.Rounding r) {
        return Rounding.valueOf(r.name());
    }

    public static Overflow of(org.edgemoe.model.fixed.Overflow o) {
        return Overflow.valueOf(o.name());
    }

    /** Bits of a two's-complement number holding every value in [min, max]. */
    public static int signedWidth(long min, long max) {
        int w = 1;
        while (min < -(1L << (w - 1)) || max > (1L << (w - 1)) - 1) {
            w++;
        }
        return w;
    }
}
