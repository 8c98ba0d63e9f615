package org.edgemoe.hdl.fuzz;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.edgemoe.hdl.core.BitVector;
import org.edgemoe.hdl.core.Bits;
import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.Fix;
import org.edgemoe.hdl.core.Ground;
import org.edgemoe.hdl.core.Hdl;
import org.edgemoe.hdl.core.Numeric;
import org.edgemoe.hdl.fixed.Overflow;
import org.edgemoe.hdl.fixed.Rounding;
import org.edgemoe.hdl.core.SInt;
import org.edgemoe.hdl.core.UInt;
import org.edgemoe.hdl.fixed.FixFormat;

/**
 * One node of a fuzz expression tree: an operator of the library's front end, its integer parameters,
 * its operands and its result type. A tree is replayed through the real API ({@link #build}); the
 * minimiser rewrites trees, never hardware.
 */
record Node(Op op, long[] p, List<Node> kids, Ty ty) {

    /** Where a leaf reads from; supplied by the module being built. */
    interface Env {
        Ground input(int id, Ty ty);
        Ground reg(int id);
        Ground wire(int id);
        Ground childOut(int child, int port);
    }

    enum Op {
        // leaves
        IN, REG, WIRE, CHILD, CONST, FCONST,
        // bit vectors (UInt, SInt, Bits) and Bool
        AND, OR, XOR, NOT, EQ, NE, ORR, ANDR, XORR, BIT, SLICE, RESIZE, SHLC, SHRC, SHL, SHR,
        AS_UINT, AS_SINT, AS_BITS, CAT, MUX,
        // UInt / SInt arithmetic
        ADD, SUB, ADDX, SUBX, MUL, ADDC, SUBC, LT, LE, GT, GE, EQC, LTC, GEC, NEG, NEGX, TO_SINT,
        // fixed point
        FADD, FSUB, FMUL, FSCALE, FRESIZE, FTRUNC, FROM_RAW, RAW_SINT, RAW_UINT, FLT, FLE, FGT, FGE, FEQ
    }

    Node {
        kids = List.copyOf(kids);
    }

    static Node leaf(Op op, Ty ty, long... p) {
        return new Node(op, p, List.of(), ty);
    }

    Node withKids(List<Node> newKids) {
        return new Node(op, p, newKids, ty);
    }

    int size() {
        int n = 1;
        for (Node k : kids) {
            n += k.size();
        }
        return n;
    }

    /** Replays this tree through the library API in the module being built. */
    Ground build(Env env) {
        Ground[] k = new Ground[kids.size()];
        for (int i = 0; i < k.length; i++) {
            k[i] = kids.get(i).build(env);
        }
        return apply(op, p, k, ty, env);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static Ground apply(Op op, long[] p, Ground[] k, Ty ty, Env env) {
        Ground a = k.length > 0 ? k[0] : null;
        Ground b = k.length > 1 ? k[1] : null;
        switch (op) {
            case IN: return env.input((int) p[0], ty);
            case REG: return env.reg((int) p[0]);
            case WIRE: return env.wire((int) p[0]);
            case CHILD: return env.childOut((int) p[0], (int) p[1]);
            case CONST: return constant(ty, p[0]);
            case FCONST: return Hdl.fix(Double.longBitsToDouble(p[0]), ty.fmt());
            case AND: return a instanceof Bool x ? x.and((Bool) b) : ((BitVector) a).and((BitVector) b);
            case OR: return a instanceof Bool x ? x.or((Bool) b) : ((BitVector) a).or((BitVector) b);
            case XOR: return a instanceof Bool x ? x.xor((Bool) b) : ((BitVector) a).xor((BitVector) b);
            case NOT: return a instanceof Bool x ? x.not() : ((BitVector) a).not();
            case EQ: return a instanceof Bool x ? x.eq((Bool) b) : ((BitVector) a).eq((BitVector) b);
            case NE: return a instanceof Bool x ? x.ne((Bool) b) : ((BitVector) a).ne((BitVector) b);
            case ORR: return ((BitVector) a).orR();
            case ANDR: return ((BitVector) a).andR();
            case XORR: return ((BitVector) a).xorR();
            case BIT: return ((BitVector) a).bit((int) p[0]);
            case SLICE: return ((BitVector) a).slice((int) p[0], (int) p[1]);
            case RESIZE: return ((BitVector) a).resize((int) p[0]);
            case SHLC: return ((BitVector) a).shl((int) p[0]);
            case SHRC: return ((BitVector) a).shr((int) p[0]);
            case SHL: return ((BitVector) a).shl((UInt) b);
            case SHR: return ((BitVector) a).shr((UInt) b);
            case AS_UINT: return a instanceof Bool x ? x.asUInt() : ((BitVector) a).asUInt();
            case AS_SINT: return ((BitVector) a).asSInt();
            case AS_BITS: return a instanceof Bool x ? x.asBits() : ((BitVector) a).asBits();
            case CAT: return Hdl.cat(k);
            case MUX: return Hdl.mux((Bool) a, b, k[2]);
            case ADD: return ((Numeric) a).plus((Numeric) b);
            case SUB: return ((Numeric) a).minus((Numeric) b);
            case ADDX: return ((Numeric) a).plusExpand((Numeric) b);
            case SUBX: return ((Numeric) a).minusExpand((Numeric) b);
            case MUL: return ((Numeric) a).times((Numeric) b);
            case ADDC: return ((Numeric) a).plus(p[0]);
            case SUBC: return ((Numeric) a).minus(p[0]);
            case LT: return ((Numeric) a).lt((Numeric) b);
            case LE: return ((Numeric) a).le((Numeric) b);
            case GT: return ((Numeric) a).gt((Numeric) b);
            case GE: return ((Numeric) a).ge((Numeric) b);
            case EQC: return ((Numeric) a).eq(p[0]);
            case LTC: return ((Numeric) a).lt(p[0]);
            case GEC: return ((Numeric) a).ge(p[0]);
            case NEG: return ((SInt) a).neg();
            case NEGX: return ((SInt) a).negExpand();
            case TO_SINT: return ((UInt) a).toSInt();
            case FADD: return ((Fix) a).plus((Fix) b);
            case FSUB: return ((Fix) a).minus((Fix) b);
            case FMUL: return ((Fix) a).times((Fix) b);
            case FSCALE: return ((Fix) a).scale((int) p[0]);
            case FRESIZE: return ((Fix) a).resize(ty.fmt(), Rounding.values()[(int) p[0]], Overflow.values()[(int) p[1]]);
            case FTRUNC: return ((Fix) a).truncate(ty.fmt());
            case FROM_RAW: return Fix.fromRaw(ty.fmt(), (BitVector<?>) a);
            case RAW_SINT: return ((Fix) a).rawSInt();
            case RAW_UINT: return ((Fix) a).rawUInt();
            case FLT: return ((Fix) a).lt((Fix) b);
            case FLE: return ((Fix) a).le((Fix) b);
            case FGT: return ((Fix) a).gt((Fix) b);
            case FGE: return ((Fix) a).ge((Fix) b);
            case FEQ: return ((Fix) a).eq((Fix) b);
            default: throw new IllegalStateException(op.toString());
        }
    }

    static Ground constant(Ty ty, long v) {
        return switch (ty.kind()) {
            case BOOL -> Hdl.B(v != 0);
            case UINT -> Hdl.U(v, ty.width());
            case SINT -> Hdl.S(v, ty.width());
            case BITS -> Hdl.Bits(v, ty.width());
            case FIX -> throw new IllegalArgumentException("fixed-point constants are FCONST");
        };
    }

    /** The tree as the Java a user would write, for failing-case reports. */
    String java() {
        StringBuilder sb = new StringBuilder();
        java(sb);
        return sb.toString();
    }

    private void java(StringBuilder sb) {
        String[] k = new String[kids.size()];
        for (int i = 0; i < k.length; i++) {
            k[i] = kids.get(i).java();
        }
        String a = k.length > 0 ? k[0] : "";
        String b = k.length > 1 ? k[1] : "";
        String s = switch (op) {
            case IN -> "in" + p[0];
            case REG -> "reg" + p[0];
            case WIRE -> "wire" + p[0];
            case CHILD -> "child" + p[0] + ".out" + p[1];
            case CONST -> switch (ty.kind()) {
                case BOOL -> "B(" + (p[0] != 0) + ")";
                case UINT -> "U(" + p[0] + ", " + ty.width() + ")";
                case SINT -> "S(" + p[0] + ", " + ty.width() + ")";
                default -> "Bits(" + p[0] + ", " + ty.width() + ")";
            };
            case FCONST -> "fix(" + Double.longBitsToDouble(p[0]) + ", " + fmt(ty.fmt()) + ")";
            case AND, OR, XOR, EQ, NE, ADD, SUB, MUL, LT, LE, GT, GE, SHL, SHR, FADD, FSUB, FMUL, FLT, FLE, FGT, FGE, FEQ ->
                    a + "." + method(op) + "(" + b + ")";
            case ADDX -> a + ".plusExpand(" + b + ")";
            case SUBX -> a + ".minusExpand(" + b + ")";
            case NOT, ORR, ANDR, XORR, AS_UINT, AS_SINT, AS_BITS, NEG, NEGX, TO_SINT, RAW_SINT, RAW_UINT ->
                    a + "." + method(op) + "()";
            case BIT -> a + ".bit(" + p[0] + ")";
            case SLICE -> a + ".slice(" + p[0] + ", " + p[1] + ")";
            case RESIZE -> a + ".resize(" + p[0] + ")";
            case SHLC -> a + ".shl(" + p[0] + ")";
            case SHRC -> a + ".shr(" + p[0] + ")";
            case ADDC -> a + ".plus(" + p[0] + ")";
            case SUBC -> a + ".minus(" + p[0] + ")";
            case EQC -> a + ".eq(" + p[0] + ")";
            case LTC -> a + ".lt(" + p[0] + ")";
            case GEC -> a + ".ge(" + p[0] + ")";
            case CAT -> "cat(" + String.join(", ", k) + ")";
            case MUX -> "mux(" + a + ", " + b + ", " + k[2] + ")";
            case FSCALE -> a + ".scale(" + p[0] + ")";
            case FRESIZE -> a + ".resize(" + fmt(ty.fmt()) + ", Rounding." + Rounding.values()[(int) p[0]]
                    + ", Overflow." + Overflow.values()[(int) p[1]] + ")";
            case FTRUNC -> a + ".truncate(" + fmt(ty.fmt()) + ")";
            case FROM_RAW -> "Fix.fromRaw(" + fmt(ty.fmt()) + ", " + a + ")";
        };
        sb.append(s);
    }

    private static String method(Op op) {
        return switch (op) {
            case AND -> "and"; case OR -> "or"; case XOR -> "xor"; case EQ, FEQ -> "eq"; case NE -> "ne";
            case ADD, FADD -> "plus"; case SUB, FSUB -> "minus"; case MUL, FMUL -> "times";
            case LT, FLT -> "lt"; case LE, FLE -> "le"; case GT, FGT -> "gt"; case GE, FGE -> "ge";
            case SHL -> "shl"; case SHR -> "shr"; case NOT -> "not"; case ORR -> "orR"; case ANDR -> "andR";
            case XORR -> "xorR"; case AS_UINT -> "asUInt"; case AS_SINT -> "asSInt"; case AS_BITS -> "asBits";
            case NEG -> "neg"; case NEGX -> "negExpand"; case TO_SINT -> "toSInt"; case RAW_SINT -> "rawSInt";
            case RAW_UINT -> "rawUInt";
            default -> op.name().toLowerCase();
        };
    }

    static String fmt(FixFormat f) {
        return (f.signed() ? "FixFormat.sfix(" : "FixFormat.ufix(") + f.intBits() + ", " + f.fracBits() + ")";
    }

    /** Every node of the tree, pre-order. */
    void collect(List<Node> out) {
        out.add(this);
        for (Node k : kids) {
            k.collect(out);
        }
    }

    /** A copy of the tree with {@code target} (by identity) replaced by {@code with}. */
    Node replace(Node target, Node with) {
        if (this == target) {
            return with;
        }
        List<Node> nk = null;
        for (int i = 0; i < kids.size(); i++) {
            Node r = kids.get(i).replace(target, with);
            if (r != kids.get(i)) {
                if (nk == null) {
                    nk = new ArrayList<>(kids);
                }
                nk.set(i, r);
            }
        }
        return nk == null ? this : withKids(nk);
    }

    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    @Override
    public String toString() {
        return java() + " : " + ty + (p.length > 0 ? " " + Arrays.toString(p) : "");
    }
}
