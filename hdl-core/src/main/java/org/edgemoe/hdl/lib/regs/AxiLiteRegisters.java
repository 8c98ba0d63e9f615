package org.edgemoe.hdl.lib.regs;

import static org.edgemoe.hdl.core.Hdl.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.edgemoe.hdl.core.Bits;
import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.Ground;
import org.edgemoe.hdl.core.UInt;
import org.edgemoe.hdl.lib.axi.AxiLite4;
import org.edgemoe.hdl.lib.regs.RegisterMap.Access;
import org.edgemoe.hdl.lib.regs.RegisterMap.Field;
import org.edgemoe.hdl.lib.regs.RegisterMap.Register;

/**
 * The hardware of a {@link RegisterMap} behind an AXI4-Lite subordinate port, built in the current module (like
 * SpinalHDL's {@code AxiLite4SlaveFactory}): a register per RW and W1C field, a registered one-cycle pulse per
 * W1P field, a wire per RO field for the design to {@link #drive}. A write is taken when AW and W are both valid
 * (byte strobes honoured), answered OKAY on B; a read is answered on R with the word at AR time. Read-only fields
 * ignore writes; an address no register occupies reads 0 and ignores writes, answering OKAY (a probing host
 * never gets a bus error). Only the low {@code map.addressWidth()} address bits are decoded. One outstanding
 * write and one read at a time.
 */
public final class AxiLiteRegisters {
    private final RegisterMap map;
    private final Map<String, UInt> values = new HashMap<>();
    private final Map<String, UInt> roInputs = new HashMap<>();
    private final Map<String, UInt> setInputs = new HashMap<>();

    public AxiLiteRegisters(AxiLite4 bus, RegisterMap map) {
        if (bus.dataWidth() != map.dataWidth()) {
            throw new IllegalArgumentException("register map " + map.name() + " is " + map.dataWidth() + "-bit, the bus " + bus.dataWidth());
        }
        if (bus.addressWidth() < map.addressWidth()) {
            throw new IllegalArgumentException("register map " + map.name() + " needs " + map.addressWidth() + " address bits, the bus has "
                    + bus.addressWidth());
        }
        this.map = map;
        int dw = map.dataWidth();
        int sb = Integer.numberOfTrailingZeros(map.wordBytes());
        int iw = map.addressWidth() - sb;

        // hardware of every field
        for (Register r : map.registers()) {
            for (Field f : r.fields()) {
                String key = key(r.name(), f.name());
                switch (f.access()) {
                    case RW, W1C -> values.put(key, reg(UInt(f.width())).init(f.reset()).named(key));
                    case W1P -> values.put(key, reg(UInt(f.width())).init(0).named(key));
                    case RO -> {
                        UInt in = wire(UInt(f.width())).named(key);
                        roInputs.put(key, in);
                        values.put(key, in);
                    }
                }
                if (f.access() == Access.W1C) {
                    setInputs.put(key, wireInit(U(0, f.width())).named(key + "_set"));
                }
            }
        }

        // write: AW and W together
        Bool bValid = reg(Bool()).init(false).named(map.name() + "_bValid");
        Bool take = bus.aw.valid.and(bus.w.valid).and(bValid.not()).named(map.name() + "_writeTake");
        bus.aw.ready.set(take);
        bus.w.ready.set(take);
        when(take, () -> bValid.set(true));
        when(bus.b.fire(), () -> bValid.set(false));
        bus.b.valid.set(bValid);
        bus.b.payload.resp.set(U(0, 2));
        UInt wIndex = bus.aw.payload.addr.slice(map.addressWidth() - 1, sb).resize(iw);
        Ground[] maskParts = new Ground[map.wordBytes()];
        for (int i = 0; i < map.wordBytes(); i++) {
            Bool s = bus.w.payload.strb.bit(i);
            maskParts[map.wordBytes() - 1 - i] = cat(s, s, s, s, s, s, s, s);
        }
        UInt wmask = cat(maskParts).asUInt();
        UInt wdata = bus.w.payload.data.asUInt();

        for (Register r : map.registers()) {
            Bool hit = take.and(wIndex.eq(r.offset() >> sb));
            for (Field f : r.fields()) {
                String key = key(r.name(), f.name());
                UInt d = wdata.slice(f.lsb() + f.width() - 1, f.lsb());
                UInt m = wmask.slice(f.lsb() + f.width() - 1, f.lsb());
                UInt v = values.get(key);
                switch (f.access()) {
                    case RW -> when(hit, () -> v.set(v.and(m.not()).or(d.and(m))));
                    case W1C -> {
                        UInt clear = mux(hit, d.and(m), U(0, f.width()));
                        v.set(v.and(clear.not()).or(setInputs.get(key)));
                    }
                    case W1P -> v.set(mux(hit, d.and(m), U(0, f.width())));
                    case RO -> { }
                }
            }
        }

        // read: the word at AR time, registered
        Bool rValid = reg(Bool()).init(false).named(map.name() + "_rValid");
        UInt rData = reg(UInt(dw)).init(0).named(map.name() + "_rData");
        bus.ar.ready.set(rValid.not());
        UInt rIndex = bus.ar.payload.addr.slice(map.addressWidth() - 1, sb).resize(iw);
        UInt word = wireInit(U(0, dw)).named(map.name() + "_readWord");
        org.edgemoe.hdl.core.Hdl.SwitchBuilder sw = switchOn(rIndex);
        for (Register r : map.registers()) {
            UInt w = readValue(r, dw);
            sw.is(r.offset() >> sb, () -> word.set(w));
        }
        when(bus.ar.fire(), () -> {
            rValid.set(true);
            rData.set(word);
        });
        when(bus.r.fire(), () -> rValid.set(false));
        bus.r.valid.set(rValid);
        bus.r.payload.data.set(rData.asBits());
        bus.r.payload.resp.set(U(0, 2));
    }

    private UInt readValue(Register r, int dw) {
        List<Ground> parts = new ArrayList<>();
        int bit = dw;
        List<Field> fs = new ArrayList<>(r.fields());
        fs.sort((a, b) -> Integer.compare(b.lsb(), a.lsb()));
        for (Field f : fs) {
            int top = f.lsb() + f.width();
            if (bit > top) {
                parts.add(U(0, bit - top));
            }
            parts.add(f.access() == Access.W1P ? U(0, f.width()) : values.get(key(r.name(), f.name())));
            bit = f.lsb();
        }
        if (bit > 0) {
            parts.add(U(0, bit));
        }
        Bits b = cat(parts.toArray(new Ground[0]));
        return b.asUInt();
    }

    /** The hardware name of a field: {@code reg_<register>[_<field>]} (never a Verilog keyword). */
    private static String key(String reg, String field) {
        return "reg_" + (reg.equals(field) ? RegisterMap.lower(reg) : RegisterMap.lower(reg) + "_" + RegisterMap.lower(field));
    }

    private Field field(String reg, String fieldName) {
        return map.register(reg).field(fieldName);
    }

    /** The current value of a RW or W1C field (a register), or of a RO field (what the design drives). */
    public UInt value(String reg, String fieldName) {
        Field f = field(reg, fieldName);
        if (f.access() == Access.W1P) {
            throw new IllegalArgumentException(reg + "." + fieldName + " is a pulse field: use pulse()");
        }
        return values.get(key(reg, fieldName));
    }

    /** A register holding one field of its own name. */
    public UInt value(String reg) {
        return value(reg, reg);
    }

    /** Bit 0 of a field, as a Bool. */
    public Bool flag(String reg, String fieldName) {
        return value(reg, fieldName).bit(0);
    }

    /** The one-cycle pulse of a 1-bit W1P field (high the cycle after the write). */
    public Bool pulse(String reg, String fieldName) {
        Field f = field(reg, fieldName);
        if (f.access() != Access.W1P || f.width() != 1) {
            throw new IllegalArgumentException(reg + "." + fieldName + " is not a 1-bit W1P field");
        }
        return values.get(key(reg, fieldName)).bit(0);
    }

    /** Drives a read-only field; the value must have the field's width. */
    public void drive(String reg, String fieldName, UInt v) {
        Field f = field(reg, fieldName);
        if (f.access() != Access.RO) {
            throw new IllegalArgumentException(reg + "." + fieldName + " is " + f.access() + ", only RO fields are driven by hardware");
        }
        if (v.width() != f.width()) {
            throw new IllegalArgumentException(reg + "." + fieldName + " is " + f.width() + " bits, driven with " + v.width());
        }
        roInputs.get(key(reg, fieldName)).set(v);
    }

    public void drive(String reg, String fieldName, Bool v) {
        drive(reg, fieldName, v.asUInt());
    }

    /** A register holding one RO field of its own name. */
    public void drive(String reg, UInt v) {
        drive(reg, reg, v);
    }

    /** Sets W1C bits where {@code bits} is 1 this cycle (setting wins over a clear in the same cycle). */
    public void set(String reg, String fieldName, UInt bits) {
        Field f = field(reg, fieldName);
        if (f.access() != Access.W1C || bits.width() != f.width()) {
            throw new IllegalArgumentException(reg + "." + fieldName + " is not a " + bits.width() + "-bit W1C field");
        }
        setInputs.get(key(reg, fieldName)).set(bits);
    }

    public void set(String reg, String fieldName, Bool bit) {
        set(reg, fieldName, bit.asUInt());
    }
}
