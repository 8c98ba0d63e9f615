package org.edgemoe.hdl.fuzz;

import org.edgemoe.hdl.core.Bits;
import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.Fix;
import org.edgemoe.hdl.core.Ground;
import org.edgemoe.hdl.core.Hdl;
import org.edgemoe.hdl.core.SInt;
import org.edgemoe.hdl.core.UInt;
import org.edgemoe.hdl.fixed.FixFormat;

/** The type of a fuzz expression: kind plus width (or fixed-point format). */
record Ty(Kind kind, int width, FixFormat fmt) {

    enum Kind { BOOL, UINT, SINT, BITS, FIX }

    static Ty bool() { return new Ty(Kind.BOOL, 1, null); }
    static Ty uint(int w) { return new Ty(Kind.UINT, w, null); }
    static Ty sint(int w) { return new Ty(Kind.SINT, w, null); }
    static Ty bits(int w) { return new Ty(Kind.BITS, w, null); }
    static Ty fix(FixFormat f) { return new Ty(Kind.FIX, f.width(), f); }

    static Ty of(Ground g) {
        if (g instanceof Bool) {
            return bool();
        } else if (g instanceof UInt) {
            return uint(g.width());
        } else if (g instanceof SInt) {
            return sint(g.width());
        } else if (g instanceof Bits) {
            return bits(g.width());
        } else if (g instanceof Fix f) {
            return fix(f.format());
        }
        throw new IllegalArgumentException("no fuzz type for " + g.typeName());
    }

    /** An unbound hardware type of this shape. */
    Ground type() {
        return switch (kind) {
            case BOOL -> Hdl.Bool();
            case UINT -> Hdl.UInt(width);
            case SINT -> Hdl.SInt(width);
            case BITS -> Hdl.Bits(width);
            case FIX -> Hdl.Fix(fmt);
        };
    }

    boolean signed() {
        return kind == Kind.SINT || (kind == Kind.FIX && fmt.signed());
    }

    boolean isVector() {
        return kind == Kind.UINT || kind == Kind.SINT || kind == Kind.BITS;
    }

    @Override
    public String toString() {
        return switch (kind) {
            case BOOL -> "Bool";
            case UINT -> "UInt(" + width + ")";
            case SINT -> "SInt(" + width + ")";
            case BITS -> "Bits(" + width + ")";
            case FIX -> (fmt.signed() ? "SFix(" : "UFix(") + fmt.intBits() + ", " + fmt.fracBits() + ")";
        };
    }
}
