package org.edgemoe.hdl.ir;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a name in the netlist may be: a Verilog identifier that is not a reserved word of Verilog-2005 or
 * SystemVerilog (so the output also reads as SV). The checks reject user names that are not; the naming
 * pass never produces one.
 */
public final class Identifiers {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*");

    private static final Set<String> KEYWORDS = Set.of(
            "always", "and", "assign", "automatic", "begin", "buf", "bufif0", "bufif1", "case", "casex", "casez",
            "cell", "cmos", "config", "deassign", "default", "defparam", "design", "disable", "edge", "else", "end",
            "endcase", "endconfig", "endfunction", "endgenerate", "endmodule", "endprimitive", "endspecify",
            "endtable", "endtask", "event", "for", "force", "forever", "fork", "function", "generate", "genvar",
            "highz0", "highz1", "if", "ifnone", "incdir", "include", "initial", "inout", "input", "instance",
            "integer", "join", "large", "liblist", "library", "localparam", "macromodule", "medium", "module",
            "nand", "negedge", "nmos", "nor", "noshowcancelled", "not", "notif0", "notif1", "or", "output",
            "parameter", "pmos", "posedge", "primitive", "pull0", "pull1", "pulldown", "pullup",
            "pulsestyle_onevent", "pulsestyle_ondetect", "rcmos", "real", "realtime", "reg", "release", "repeat",
            "rnmos", "rpmos", "rtran", "rtranif0", "rtranif1", "scalared", "showcancelled", "signed", "small",
            "specify", "specparam", "strong0", "strong1", "supply0", "supply1", "table", "task", "time", "tran",
            "tranif0", "tranif1", "tri", "tri0", "tri1", "triand", "trior", "trireg", "unsigned", "use", "uwire",
            "vectored", "wait", "wand", "weak0", "weak1", "while", "wire", "wor", "xnor", "xor",
            // SystemVerilog
            "logic", "bit", "byte", "int", "longint", "shortint", "struct", "union", "typedef", "enum", "class",
            "package", "endpackage", "interface", "endinterface", "modport", "program", "endprogram", "import",
            "export", "always_comb", "always_ff", "always_latch", "unique", "priority", "return", "break",
            "continue", "do", "foreach", "final", "static", "virtual", "extends", "this", "super", "new", "null",
            "void", "string", "chandle", "const", "var", "type", "property", "sequence", "assert", "assume",
            "cover", "bind", "clocking", "endclocking", "constraint", "rand", "randc", "inside", "with",
            "matches", "tagged", "local", "protected", "context", "pure", "extern", "forkjoin", "iff", "ref",
            "shortreal", "alias", "before", "dist", "expect", "first_match", "intersect", "throughout", "within",
            "wildcard", "solve", "covergroup", "endgroup", "coverpoint", "cross", "bins", "binsof", "illegal_bins",
            "ignore_bins", "timeprecision", "timeunit", "endproperty", "endsequence");

    private Identifiers() { }

    /** A reserved word of Verilog-2005 or SystemVerilog. */
    public static boolean isKeyword(String name) {
        return KEYWORDS.contains(name);
    }

    /** Matches {@code [A-Za-z_][A-Za-z0-9_$]*} (keywords included). */
    public static boolean isIdentifier(String name) {
        return IDENTIFIER.matcher(name).matches();
    }

    /** An identifier and not a keyword: usable as a port, signal, instance or module name. */
    public static boolean isLegal(String name) {
        return isIdentifier(name) && !isKeyword(name);
    }
}
