package org.edgemoe.rtl.synth;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resource figures from Yosys's {@code stat} output after {@code synth_xilinx -family xcup -flatten} (one
 * module), and the {@code ltp} longest-path length. Cell names are UltraScale+ primitives; counts:
 * LUT = LUT1..LUT6 (+ LUT6_2), FF = FDRE/FDSE/FDCE/FDPE/LDCE/LDPE, LUTRAM = RAM32M, RAM64M, RAMnnX1S/D, SRL16E, SRLC32E,
 * DSP48E2, RAMB18 = RAMB18E2, RAMB36 = RAMB36E2, CARRY = CARRY4/CARRY8.
 */
public record YosysStat(String module, Map<String, Integer> cells, int lut, int ff, int lutram, int carry, int dsp, int ramb18,
                        int ramb36, int depth) {

    private static final Pattern MODULE = Pattern.compile("^=== (\\S+) ===\\s*$", Pattern.MULTILINE);
    private static final Pattern HIERARCHY = Pattern.compile("^=== design hierarchy ===\\s*\\n\\s*\\n\\s*(\\S+)", Pattern.MULTILINE);
    private static final Pattern CELL = Pattern.compile("^\\s+([A-Za-z_$][\\w$]*)\\s+(\\d+)\\s*$");
    private static final Pattern LTP = Pattern.compile("Longest topological path in (\\S+) \\(length=(\\d+)\\)");

    /**
     * Parses the last {@code stat} block of {@code log} (the cells after "Number of cells:"), and the longest
     * {@code ltp} length (one per module it ran on; -1 when absent). A design synthesised with its hierarchy kept ends its statistics with
     * a {@code === design hierarchy ===} block: then the totals of that block (every module times its instances;
     * the module named is the top).
     */
    public static YosysStat parse(String log) {
        Matcher mm = MODULE.matcher(log);
        int start = -1;
        String module = null;
        while (mm.find()) {
            start = mm.end();
            module = mm.group(1);
        }
        Matcher hm = HIERARCHY.matcher(log);
        while (hm.find()) {
            if (hm.start() > start) {
                start = hm.end();
                module = hm.group(1);
            }
        }
        if (start < 0) {
            throw new IllegalArgumentException("no '=== module ===' statistics in the Yosys output");
        }
        Map<String, Integer> cells = new LinkedHashMap<>();
        boolean inCells = false;
        for (String line : log.substring(start).split("\n")) {
            if (line.contains("Number of cells:")) {
                inCells = true;
                continue;
            }
            if (!inCells) {
                continue;
            }
            Matcher c = CELL.matcher(line);
            if (c.matches()) {
                cells.merge(c.group(1), Integer.parseInt(c.group(2)), Integer::sum);
            } else {
                break;   // blank line or "Estimated number of LCs" ends the list
            }
        }
        int depth = -1;
        Matcher l = LTP.matcher(log);
        while (l.find()) {
            depth = Math.max(depth, Integer.parseInt(l.group(2)));
        }
        int lut = 0;
        int ff = 0;
        int lutram = 0;
        int carry = 0;
        for (Map.Entry<String, Integer> e : cells.entrySet()) {
            String n = e.getKey();
            int k = e.getValue();
            if (n.matches("LUT[1-6](_2)?")) {
                lut += k;
            } else if (n.matches("FD[RSCP]E(_1)?|LD[CP]E")) {
                ff += k;
            } else if (n.matches("RAM(32|64|128|256)(M|M16|X1[SD]).*|SRL16E|SRLC32E")) {
                lutram += k;
            } else if (n.matches("CARRY[48]")) {
                carry += k;
            }
        }
        return new YosysStat(module, Map.copyOf(cells), lut, ff, lutram, carry, cells.getOrDefault("DSP48E2", 0),
                cells.getOrDefault("RAMB18E2", 0), cells.getOrDefault("RAMB36E2", 0), depth);
    }

    /** {@code SYNTH <module> <resource> <count>} lines. */
    public String synthLines(String name) {
        StringBuilder sb = new StringBuilder();
        Map<String, Integer> r = resources();
        for (Map.Entry<String, Integer> e : r.entrySet()) {
            sb.append("SYNTH ").append(name).append(' ').append(e.getKey()).append(' ').append(e.getValue()).append('\n');
        }
        return sb.toString();
    }

    public Map<String, Integer> resources() {
        Map<String, Integer> r = new LinkedHashMap<>();
        r.put("LUT", lut);
        r.put("FF", ff);
        r.put("LUTRAM", lutram);
        r.put("CARRY", carry);
        r.put("DSP48E2", dsp);
        r.put("RAMB18", ramb18);
        r.put("RAMB36", ramb36);
        r.put("LTP_DEPTH", depth);
        return r;
    }
}
