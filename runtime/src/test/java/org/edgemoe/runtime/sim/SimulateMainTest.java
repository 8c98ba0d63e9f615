package org.edgemoe.runtime.sim;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.edgemoe.model.WeightFolder;
import org.edgemoe.runtime.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code make simulate} on one layer (the whole backbone is for {@code make simulate} itself): the SIM lines and
 * run.json of a real run, the per-command table adding up to the run's cycles, bit-exact features; without the
 * weights folder it says where to put it and fails.
 */
class SimulateMainTest {
    static final Pattern CMD = Pattern.compile("SIM cmd\\.task0 (\\d+) ([A-Z]+) layer=(\\d+) start=(\\d+) cycles=(\\d+) ddr_bytes=(\\d+) "
            + "cu_util=(-|[0-9.]+)");

    static long value(String out, String name) {
        Matcher m = Pattern.compile("^SIM " + Pattern.quote(name) + " ([-0-9.e+]+)$", Pattern.MULTILINE).matcher(out);
        assertTrue(m.find(), "no SIM " + name + " in:\n" + out);
        return (long) Double.parseDouble(m.group(1));
    }

    @Test
    void oneLayerOnTheFullSystemSimulation(@TempDir Path dir) throws Exception {
        assumeTrue(WeightFolder.locate().isPresent(), WeightFolder.absentMessage());
        Path report = dir.resolve("reports/run.json");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = SimulateMain.run(new SimulateMain.Options(List.of(Task.SEMSEG), 1, report, true),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        String o = out.toString(StandardCharsets.UTF_8);
        String e = err.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, o + e);
        assertFalse(o.contains("\u001b") || e.contains("\r"), "clean lines when not a terminal");
        assertTrue(e.contains("commands"), "progress lines: " + e);

        long cycles = value(o, "sim.cycles.task0");
        assertTrue(cycles > 80_000 && cycles < 400_000, "EMBED + a dense layer + STORE (106 k on 32 x 32, 331 k on 16 x 16): " + cycles);
        assertEquals(cycles / 300e3, Double.parseDouble(o.replaceAll("(?s).*SIM sim.ms_at_300mhz.task0 ([0-9.]+).*", "$1")), 1e-3);
        assertEquals(1, value(o, "sim.bit_exact_vs_hwmodel.task0"));
        assertTrue(value(o, "sim.cycles_per_s") > 1000);

        List<String[]> rows = new ArrayList<>();
        Matcher m = CMD.matcher(o);
        while (m.find()) {
            rows.add(new String[] {m.group(1), m.group(2), m.group(3), m.group(4), m.group(5), m.group(6), m.group(7)});
        }
        String[] ops = {"EMBED", "LAYERNORM", "LINEAR", "ATTENTION", "LINEAR", "LAYERNORM", "LINEAR", "LINEAR", "STORE"};
        assertEquals(ops.length, rows.size(), o);
        long sum = 0;
        for (int i = 0; i < ops.length; i++) {
            String[] r = rows.get(i);
            assertEquals(i, Integer.parseInt(r[0]));
            assertEquals(ops[i], r[1]);
            if (i > 0) {
                assertEquals(Long.parseLong(rows.get(i - 1)[3]) + Long.parseLong(rows.get(i - 1)[4]), Long.parseLong(r[3]),
                        "command " + i + " starts where the one before ended");
            }
            sum += Long.parseLong(r[4]);
            boolean cu = ops[i].equals("LINEAR") || ops[i].equals("EMBED");
            assertEquals(!cu, r[6].equals("-"), "utilisation for compute-unit commands only: " + ops[i]);
            if (cu) {
                double u = Double.parseDouble(r[6]);
                // a QKV linear's row ends where its attention's first head starts: its last V tiles run under the
                // ATTENTION row, so its MACs over its own row's cycles exceed the array's peak
                double most = i + 1 < ops.length && ops[i + 1].equals("ATTENTION") ? 1.5 : 1.0;
                assertTrue(u > 0.2 && u <= most, ops[i] + " utilisation " + u);
            }
        }
        long first = Long.parseLong(rows.get(0)[3]);
        assertTrue(first > 0 && first < 1000, "the first dispatch after the program fetch: " + first);
        assertTrue(cycles - (first + sum) >= 0 && cycles - (first + sum) < 10, "the table covers the run: " + (first + sum) + " of " + cycles);
        // the summary by opcode: LINEAR's four commands in one line, in the order the opcodes first appear
        Matcher op = Pattern.compile("SIM opcode\\.task0 ([A-Z]+) commands=(\\d+) cycles=(\\d+) share=([0-9.]+) ddr_bytes=(\\d+)").matcher(o);
        List<String> order = new ArrayList<>();
        long opSum = 0;
        while (op.find()) {
            order.add(op.group(1));
            opSum += Long.parseLong(op.group(3));
            if (op.group(1).equals("LINEAR")) {
                assertEquals(4, Integer.parseInt(op.group(2)), "QKV, proj, FC1, FC2");
                long linear = Long.parseLong(rows.get(2)[4]) + Long.parseLong(rows.get(4)[4]) + Long.parseLong(rows.get(6)[4])
                        + Long.parseLong(rows.get(7)[4]);
                assertEquals(linear, Long.parseLong(op.group(3)));
                assertEquals((double) linear / cycles, Double.parseDouble(op.group(4)), 1e-4);
            }
        }
        assertEquals(List.of("EMBED", "LAYERNORM", "LINEAR", "ATTENTION", "STORE"), order);
        assertEquals(sum, opSum, "the summary adds up to the table");
        long fc1Bytes = Long.parseLong(rows.get(6)[5]);
        assertTrue(fc1Bytes >= 2L * 192 * 768 && fc1Bytes < 2L * 192 * 768 + 8192, "FC1 reads its weights (and bias) once: " + fc1Bytes);
        assertEquals(4L * 129 * 192, Long.parseLong(rows.get(8)[5]), "STORE writes the features");

        String json = Files.readString(report);
        for (String k : new String[] {"\"cycles_per_s\"", "\"cycles\": " + cycles, "\"bit_exact_vs_hwmodel\": true", "\"opcode\": \"ATTENTION\"",
            "\"mse_vs_float\"", "\"lower_bound_ms\"", "\"ddr_model\""}) {
            assertTrue(json.contains(k), k + " in run.json:\n" + json);
        }
        assertEquals(json.chars().filter(c -> c == '{').count(), json.chars().filter(c -> c == '}').count());
        assertEquals(ops.length, json.split("\"opcode\"", -1).length - 1, "a row per command in run.json");
    }

    @Test
    void withoutTheWeightsItSaysWhereToPutThemAndFails(@TempDir Path dir) {
        String before = System.getProperty(WeightFolder.PROPERTY);
        System.setProperty(WeightFolder.PROPERTY, dir.resolve("absent").toString());
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = SimulateMain.run(new SimulateMain.Options(List.of(Task.SEMSEG), 1, dir.resolve("run.json"), false),
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
            assertEquals(2, code);
            String e = err.toString(StandardCharsets.UTF_8);
            assertTrue(e.contains("absent") && e.contains("../shared/m3vit-weights"), e);
            assertEquals("", out.toString(StandardCharsets.UTF_8), "no SIM lines");
            assertFalse(Files.exists(dir.resolve("run.json")), "no report");
        } finally {
            if (before == null) {
                System.clearProperty(WeightFolder.PROPERTY);
            } else {
                System.setProperty(WeightFolder.PROPERTY, before);
            }
        }
    }
}
