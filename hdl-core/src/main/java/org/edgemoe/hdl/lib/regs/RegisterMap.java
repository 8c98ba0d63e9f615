package org.edgemoe.hdl.lib.regs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * A hardware-free description of a memory-mapped register block: registers at byte offsets, each made of
 * fields with an access kind, a reset value and documentation. One description drives the hardware
 * ({@link AxiLiteRegisters}) and every software view; the reset value of a read-only field documents what it reads
 * after reset (hardware drives it) ({@link RegisterDocs}: Markdown table, C header, Java
 * constants), so they cannot disagree. Names are upper case identifiers; fields may not overlap; offsets are
 * word aligned and unique; a field's reset value must fit it.
 */
public final class RegisterMap {
    /** How software sees a field. */
    public enum Access {
        /** Read-only: hardware drives it, writes are ignored. */
        RO("read-only; writes ignored"),
        /** Read-write: software's value, hardware reads it. */
        RW("read-write"),
        /** Write-one-to-clear: hardware sets bits, software clears them by writing 1. */
        W1C("hardware sets, write 1 to clear"),
        /** Write-one-to-pulse: writing 1 gives hardware a one-cycle pulse; reads as 0. */
        W1P("write 1 for a one-cycle pulse; reads 0");

        private final String meaning;

        Access(String meaning) {
            this.meaning = meaning;
        }

        public String meaning() {
            return meaning;
        }
    }

    /** One field: bits [lsb + width - 1 : lsb] of its register. */
    public record Field(String name, int lsb, int width, Access access, long reset, String doc) {
        public long mask() {
            return (width == 64 ? -1L : (1L << width) - 1) << lsb;
        }

        public String bits() {
            return width == 1 ? "[" + lsb + "]" : "[" + (lsb + width - 1) + ":" + lsb + "]";
        }
    }

    /** One register: a word at {@code offset}. */
    public record Register(String name, int offset, String doc, List<Field> fields) {
        public Field field(String n) {
            for (Field f : fields) {
                if (f.name().equals(n)) {
                    return f;
                }
            }
            throw new IllegalArgumentException("register " + name + " has no field " + n + "; fields: "
                    + fields.stream().map(Field::name).toList());
        }

        /** The register's reset value (all fields). */
        public long reset() {
            long v = 0;
            for (Field f : fields) {
                v |= f.reset() << f.lsb();
            }
            return v;
        }

        /** One access kind when all fields share it, else "mixed". */
        public String access() {
            String a = null;
            for (Field f : fields) {
                String k = f.access().name();
                if (a == null) {
                    a = k;
                } else if (!a.equals(k)) {
                    return "mixed";
                }
            }
            return a == null ? "-" : a;
        }
    }

    /** Adds fields to a register being described. */
    public final class RegisterBuilder {
        private final String name;
        private final int offset;
        private final String doc;
        private final List<Field> fields = new ArrayList<>();

        private RegisterBuilder(String name, int offset, String doc) {
            this.name = name;
            this.offset = offset;
            this.doc = doc;
        }

        public RegisterBuilder field(String fieldName, int lsb, int width, Access access, long reset, String fieldDoc) {
            checkName(fieldName, "field of " + name);
            if (width < 1 || lsb < 0 || lsb + width > dataWidth) {
                throw new IllegalArgumentException("field " + name + "." + fieldName + " bits [" + (lsb + width - 1) + ":" + lsb
                        + "] outside the " + dataWidth + "-bit register");
            }
            if (width < 64 && (reset < 0 || reset >= 1L << width)) {
                throw new IllegalArgumentException("field " + name + "." + fieldName + ": reset value " + reset + " does not fit " + width + " bits");
            }
            if (access == Access.W1P && reset != 0) {
                throw new IllegalArgumentException("field " + name + "." + fieldName + ": a pulse field resets to 0");
            }
            Field f = new Field(fieldName, lsb, width, access, reset, fieldDoc);
            for (Field g : fields) {
                if ((g.mask() & f.mask()) != 0) {
                    throw new IllegalArgumentException("fields " + name + "." + g.name() + " " + g.bits() + " and " + fieldName + " "
                            + f.bits() + " overlap");
                }
                if (g.name().equals(fieldName)) {
                    throw new IllegalArgumentException("register " + name + " has two fields " + fieldName);
                }
            }
            fields.add(f);
            return this;
        }

        public RegisterBuilder field(String fieldName, int lsb, int width, Access access, String fieldDoc) {
            return field(fieldName, lsb, width, access, 0, fieldDoc);
        }

        /** Ends this register; returns the map for the next one. */
        public RegisterMap end() {
            if (fields.isEmpty()) {
                throw new IllegalArgumentException("register " + name + " has no fields");
            }
            registers.add(new Register(name, offset, doc, List.copyOf(fields)));
            return RegisterMap.this;
        }
    }

    private final String name;
    private final int dataWidth;
    private final int addressWidth;
    private final List<Register> registers = new ArrayList<>();

    /** A map of {@code dataWidth}-bit registers (32 or 64) in a window of {@code 2^addressWidth} bytes. */
    public RegisterMap(String name, int dataWidth, int addressWidth) {
        if (dataWidth != 32 && dataWidth != 64) {
            throw new IllegalArgumentException("register width must be 32 or 64, was " + dataWidth);
        }
        if (addressWidth < 3 || addressWidth > 32) {
            throw new IllegalArgumentException("register window address width must be 3..32 bits, was " + addressWidth);
        }
        this.name = name;
        this.dataWidth = dataWidth;
        this.addressWidth = addressWidth;
    }

    public String name() {
        return name;
    }

    public int dataWidth() {
        return dataWidth;
    }

    public int addressWidth() {
        return addressWidth;
    }

    public int wordBytes() {
        return dataWidth / 8;
    }

    /** Starts a register at byte {@code offset}. */
    public RegisterBuilder reg(String regName, int offset, String doc) {
        checkName(regName, "register");
        if (offset < 0 || offset % wordBytes() != 0 || offset >= 1L << addressWidth) {
            throw new IllegalArgumentException(String.format("register %s: offset 0x%x is not a %d-byte aligned offset inside the 0x%x-byte window",
                    regName, offset, wordBytes(), 1L << addressWidth));
        }
        for (Register r : registers) {
            if (r.offset() == offset) {
                throw new IllegalArgumentException(String.format("registers %s and %s share offset 0x%x", r.name(), regName, offset));
            }
            if (r.name().equals(regName)) {
                throw new IllegalArgumentException("two registers named " + regName);
            }
        }
        return new RegisterBuilder(regName, offset, doc);
    }

    /** A register holding one field of the same name, over {@code width} bits from bit 0. */
    public RegisterMap word(String regName, int offset, int width, Access access, long reset, String doc) {
        return reg(regName, offset, doc).field(regName, 0, width, access, reset, doc).end();
    }

    public List<Register> registers() {
        List<Register> r = new ArrayList<>(registers);
        r.sort((a, b) -> Integer.compare(a.offset(), b.offset()));
        return Collections.unmodifiableList(r);
    }

    public Register register(String regName) {
        for (Register r : registers) {
            if (r.name().equals(regName)) {
                return r;
            }
        }
        throw new IllegalArgumentException("no register " + regName + " in " + name + "; registers: "
                + registers.stream().map(Register::name).toList());
    }

    private static void checkName(String n, String what) {
        if (n == null || !n.matches("[A-Z][A-Z0-9_]*")) {
            throw new IllegalArgumentException(what + " name '" + n + "' must be an upper case identifier ([A-Z][A-Z0-9_]*)");
        }
    }

    static String lower(String n) {
        return n.toLowerCase(Locale.ROOT);
    }
}
