package org.edgemoe.hdl.core;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.edgemoe.hdl.ir.Expr;
import org.edgemoe.hdl.ir.Memory;
import org.edgemoe.hdl.ir.Signal;
import org.edgemoe.hdl.ir.SignalKind;
import org.edgemoe.hdl.ir.SourceLoc;
import org.edgemoe.hdl.ir.Stmt;

/**
 * A memory with synchronous write and synchronous or combinational read ports. A port used inside a
 * {@code when} is enabled by its conditions. Emitted in the form Vivado and Yosys map to block RAM:
 * {@code always @(posedge clk) if (en) mem[addr] <= data;} and a registered read.
 */
public final class Mem<T extends Ground> {
    private final T type;
    private final Memory memory;

    Mem(T type, int depth) {
        Builder b = Builder.current();
        Module m = b.module();
        this.type = type;
        if (depth < 1) {
            Builder.error("memory depth must be at least 1, was " + depth);
            depth = 1;
        }
        this.memory = new Memory(m.ir(), type.width(), type.signed(), depth, SourceLoc.capture());
        memory.setScope(m.ir().scope());
        m.ir().memories().add(memory);
        m.ir().clock();
    }

    /** Names the memory (as {@code Data.named}): for memories made in a loop, where no field names them. */
    public Mem<T> named(String name) {
        memory.setName(name);
        return this;
    }

    public Memory ir() {
        return memory;
    }

    public int depth() {
        return memory.depth();
    }

    public int addressWidth() {
        return memory.addressWidth();
    }

    /** Initial contents, word 0 first (two's complement for negative values). */
    public Mem<T> init(long... words) {
        List<BigInteger> patterns = new ArrayList<>();
        if (words.length > memory.depth()) {
            Builder.error("memory init has " + words.length + " words, depth is " + memory.depth());
        }
        for (int i = 0; i < Math.min(words.length, memory.depth()); i++) {
            long w = words[i];
            BigInteger v = BigInteger.valueOf(w);
            if (v.signum() < 0) {
                v = v.add(BigInteger.ONE.shiftLeft(type.width()));
            }
            if (v.signum() < 0 || v.bitLength() > type.width()) {
                Builder.error("initial word " + i + " = " + w + " does not fit " + type.typeName());
                v = BigInteger.ZERO;
            }
            patterns.add(v);
        }
        memory.setInit(patterns);
        return this;
    }

    private Expr address(UInt addr) {
        if (addr.width() > memory.addressWidth()) {
            Builder.current().diagnostics.error(SourceLoc.capture(), "width mismatch: address " + addr.typeName()
                    + " is wider than the " + memory.addressWidth() + " bits of a " + memory.depth() + "-word memory");
        }
        return Exprs.extend(addr.read(), Math.max(addr.width(), memory.addressWidth()), false);
    }

    /** Writes {@code data} at {@code addr} on the next clock edge. */
    public void write(UInt addr, T data) {
        Builder b = Builder.current();
        SourceLoc loc = SourceLoc.capture();
        if (!type.sameTypeAs(data)) {
            b.diagnostics.error(loc, "width mismatch: writing " + data.typeName() + " into a memory of " + type.typeName());
            return;
        }
        b.add(new Stmt.MemWrite(memory, address(addr), data.read(), loc));
    }

    /** The word at {@code addr}, registered: valid the cycle after the read is enabled. */
    @SuppressWarnings("unchecked")
    public T readSync(UInt addr) {
        Builder b = Builder.current();
        SourceLoc loc = SourceLoc.capture();
        Signal target = b.module().ir().newSignal(SignalKind.REG, type.width(), type.signed(), loc);
        b.add(new Stmt.MemReadSync(memory, address(addr), target, loc));
        T out = (T) type.cloneType();
        out.bindTo(target);
        return out;
    }

    /** Registered read enabled by {@code enable} (the output holds while it is low). */
    public T readSync(UInt addr, Bool enable) {
        @SuppressWarnings("unchecked")
        T[] out = (T[]) new Ground[1];
        Hdl.when(enable, () -> out[0] = readSync(addr));
        return out[0];
    }

    /** The word at {@code addr}, combinational (maps to distributed RAM, not block RAM). */
    public T readAsync(UInt addr) {
        return type.sameTypeNode(new Expr.MemRead(memory, address(addr)));
    }
}
