package org.edgemoe.hdl.lib.regs;

import java.util.Locale;
import org.edgemoe.hdl.lib.regs.RegisterMap.Field;
import org.edgemoe.hdl.lib.regs.RegisterMap.Register;

/**
 * Software views of a {@link RegisterMap}, generated from the same description as the hardware: a Markdown
 * table for the docs, a C header (offsets, field shifts and masks) and a Java constants class.
 */
public final class RegisterDocs {
    private RegisterDocs() { }

    private static String hex(long v, int digits) {
        return String.format("0x%0" + digits + "X", v);
    }

    private static String cell(String s) {
        return s == null ? "" : s.replace("|", "\\|").replace("\n", " ");
    }

    /** A Markdown table: offset, register, access, reset, fields (bits, name, access, meaning), description. */
    public static String markdown(RegisterMap map) {
        int digits = map.dataWidth() / 4;
        StringBuilder sb = new StringBuilder();
        sb.append("| offset | register | access | reset | fields | description |\n");
        sb.append("|---|---|---|---|---|---|\n");
        for (Register r : map.registers()) {
            StringBuilder fields = new StringBuilder();
            if (!(r.fields().size() == 1 && r.fields().get(0).name().equals(r.name()))) {
                for (Field f : r.fields()) {
                    if (fields.length() > 0) {
                        fields.append("<br>");
                    }
                    fields.append(f.bits()).append(" ").append(f.name()).append(" (").append(f.access()).append("): ").append(cell(f.doc()));
                }
            } else {
                fields.append(r.fields().get(0).bits());
            }
            sb.append("| ").append(hex(r.offset(), 3)).append(" | ").append(r.name()).append(" | ").append(r.access())
                    .append(" | ").append(hex(r.reset(), digits)).append(" | ").append(fields).append(" | ").append(cell(r.doc())).append(" |\n");
        }
        sb.append("\nAccess: ");
        boolean first = true;
        for (RegisterMap.Access a : RegisterMap.Access.values()) {
            sb.append(first ? "" : "; ").append(a.name()).append(" ").append(a.meaning());
            first = false;
        }
        sb.append(". Any other offset in the ").append(hex(1L << map.addressWidth(), 1))
                .append("-byte window reads 0 and ignores writes, with an OKAY response.\n");
        return sb.toString();
    }

    /** A C header: {@code <PREFIX>_<REG>} offsets, {@code <PREFIX>_<REG>_<FIELD>_SHIFT / _MASK}. */
    public static String cHeader(RegisterMap map, String prefix) {
        String guard = prefix.toUpperCase(Locale.ROOT) + "_REGS_H";
        StringBuilder sb = new StringBuilder();
        sb.append("/* ").append(map.name()).append(" registers: generated from the RegisterMap, do not edit. */\n");
        sb.append("#ifndef ").append(guard).append("\n#define ").append(guard).append("\n\n");
        for (Register r : map.registers()) {
            String rn = prefix + "_" + r.name();
            sb.append("/* ").append(r.doc()).append(" */\n");
            sb.append("#define ").append(rn).append(" ").append(hex(r.offset(), 3)).append("u\n");
            for (Field f : r.fields()) {
                String fn = r.fields().size() == 1 && f.name().equals(r.name()) ? rn : rn + "_" + f.name();
                sb.append("#define ").append(fn).append("_SHIFT ").append(f.lsb()).append("u\n");
                sb.append("#define ").append(fn).append("_MASK ").append(hex(f.mask(), map.dataWidth() / 4)).append("u\n");
            }
        }
        sb.append("\n#endif\n");
        return sb.toString();
    }

    /** A Java class of {@code int} constants: {@code REG} offsets, {@code REG_FIELD_SHIFT / _MASK}. */
    public static String javaConstants(RegisterMap map, String pkg, String className) {
        StringBuilder sb = new StringBuilder();
        sb.append("package ").append(pkg).append(";\n\n");
        sb.append("/** ").append(map.name()).append(" registers: generated from the RegisterMap, do not edit. */\n");
        sb.append("public final class ").append(className).append(" {\n    private ").append(className).append("() { }\n");
        String type = map.dataWidth() == 64 ? "long" : "int";
        for (Register r : map.registers()) {
            sb.append("\n    /** ").append(r.doc()).append(" */\n");
            sb.append("    public static final int ").append(r.name()).append(" = ").append(hex(r.offset(), 3)).append(";\n");
            for (Field f : r.fields()) {
                String fn = r.fields().size() == 1 && f.name().equals(r.name()) ? r.name() : r.name() + "_" + f.name();
                sb.append("    public static final int ").append(fn).append("_SHIFT = ").append(f.lsb()).append(";\n");
                sb.append("    public static final ").append(type).append(" ").append(fn).append("_MASK = ")
                        .append(hex(f.mask() & (map.dataWidth() == 64 ? -1L : 0xFFFFFFFFL), map.dataWidth() / 4))
                        .append(map.dataWidth() == 64 ? "L" : "").append(";\n");
            }
        }
        sb.append("}\n");
        return sb.toString();
    }
}
