package org.edgemoe.hdl.emit;

import java.util.Set;

/** Reserved words of Verilog-2005 and SystemVerilog: names we never emit (so the output also reads as SV). */
public final class VerilogKeywords {
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

    private VerilogKeywords() { }

    public static boolean isKeyword(String name) {
        return KEYWORDS.contains(name);
    }
}
