package org.edgemoe.dse;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The sweep's outputs: {@code dse.csv} (one row a point, every figure), {@code dse.html} (summary, the three plots,
 * the Pareto points, the model's validation against the full-system simulation, the resource model's fit) with the
 * plots as PNG files beside it ({@code dse-dsp.png}, {@code dse-lut.png}, {@code dse-bram.png}: latency of task 0
 * against DSP48E2, LUT and block RAM, every point, the points that fit the ZCU102, the Pareto front of those, the
 * device's limit as a line, the default point marked), and the {@code DSE <point> <figure> <value>} lines.
 */
public final class Report {
    private Report() { }

    static double d(Map<String, Object> r, String k) {
        Object v = r.get(k);
        return v instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    static boolean b(Map<String, Object> r, String k) {
        return Boolean.TRUE.equals(r.get(k));
    }

    /** The columns: the union of the results' keys, in first-seen order. */
    static List<String> columns(List<Map<String, Object>> results) {
        Set<String> cols = new LinkedHashSet<>();
        results.forEach(r -> cols.addAll(r.keySet()));
        return new ArrayList<>(cols);
    }

    public static String csv(List<Map<String, Object>> results) {
        List<String> cols = columns(results);
        StringBuilder sb = new StringBuilder(String.join(",", cols)).append('\n');
        for (Map<String, Object> r : results) {
            List<String> cells = new ArrayList<>();
            for (String c : cols) {
                Object v = r.get(c);
                String s = v == null ? "" : v instanceof Double x ? (x.isNaN() ? "" : String.format(Locale.ROOT, "%.6g", x)) : v.toString();
                cells.add(s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s);
            }
            sb.append(String.join(",", cells)).append('\n');
        }
        return sb.toString();
    }

    /** {@code DSE <id> <figure> <value>} for the main figures of every point. */
    public static List<String> lines(List<Map<String, Object>> results) {
        List<String> out = new ArrayList<>();
        for (Map<String, Object> r : results) {
            for (String k : List.of("cycles.task0", "cycles.task1", "ms.task0", "ms.task1", "lower_bound_ms.task0", "lut", "ff", "dsp", "bram36",
                    "fits_zcu102", "pareto", "final_mse.task0", "routing_agreement.task0")) {
                Object v = r.get(k);
                if (v != null) {
                    String s = v instanceof Double x ? String.format(Locale.ROOT, "%.6g", x) : v instanceof Boolean bb ? (bb ? "1" : "0") : v.toString();
                    out.add("DSE " + r.get("id") + " " + k + " " + s);
                }
            }
        }
        return out;
    }

    /** A latency-against-resource plot as a PNG (linear axes from zero, so distances read as ratios of the origin). */
    static void plot(List<Map<String, Object>> results, String resource, String label, double limit, String defaultId, Path png) throws IOException {
        ToDoubleFunction<Map<String, Object>> x = r -> d(r, resource);
        ToDoubleFunction<Map<String, Object>> y = r -> d(r, "ms.task0");
        XYSeries over = new XYSeries("does not fit the ZCU102", false);
        XYSeries fits = new XYSeries("fits the ZCU102", false);
        XYSeries front = new XYSeries("Pareto front (of the points that fit)", false);
        XYSeries def = new XYSeries("default (" + defaultId + ")", false);
        List<Map<String, Object>> ok = new ArrayList<>();
        for (Map<String, Object> r : results) {
            (b(r, "fits_zcu102") ? fits : over).add(x.applyAsDouble(r), y.applyAsDouble(r));
            if (b(r, "fits_zcu102")) {
                ok.add(r);
            }
            if (defaultId.equals(r.get("id"))) {
                def.add(x.applyAsDouble(r), y.applyAsDouble(r));
            }
        }
        for (Map<String, Object> r : Pareto.staircase(ok, x, y)) {
            front.add(x.applyAsDouble(r), y.applyAsDouble(r));
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(over);
        data.addSeries(fits);
        data.addSeries(front);
        data.addSeries(def);
        NumberAxis xAxis = new NumberAxis(label + " (model, Yosys-calibrated)");
        xAxis.setAutoRangeIncludesZero(true);
        NumberAxis yAxis = new NumberAxis("latency, task 0 (ms at the point's clock, cycle model)");
        yAxis.setAutoRangeIncludesZero(true);
        XYLineAndShapeRenderer rend = new XYLineAndShapeRenderer();
        Color[] colours = {new Color(170, 170, 170), new Color(40, 100, 200), new Color(210, 40, 40), new Color(0, 150, 60)};
        double[] size = {5, 6, 7, 14};
        for (int s = 0; s < 4; s++) {
            rend.setSeriesPaint(s, colours[s]);
            rend.setSeriesLinesVisible(s, s == 2);
            rend.setSeriesShapesVisible(s, true);
            double h = size[s] / 2;
            rend.setSeriesShape(s, s == 3 ? new Rectangle2D.Double(-h, -h, size[s], size[s]) : new Ellipse2D.Double(-h, -h, size[s], size[s]));
            rend.setSeriesStroke(s, new BasicStroke(s == 2 ? 2f : 1f));
        }
        double maxX = results.stream().mapToDouble(x).filter(v -> !Double.isNaN(v)).max().orElse(limit);
        xAxis.setRange(0, Math.max(maxX, limit) * 1.06);   // the device's limit always in view
        XYPlot plot = new XYPlot(data, xAxis, yAxis, rend);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(220, 220, 220));
        plot.setRangeGridlinePaint(new Color(220, 220, 220));
        ValueMarker m = new ValueMarker(limit, Color.BLACK, new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1, new float[] {6, 4}, 0));
        m.setLabel("ZCU102 (XCZU9EG): " + String.format(Locale.ROOT, "%,.0f", limit));
        m.setLabelAnchor(RectangleAnchor.TOP_LEFT);
        m.setLabelTextAnchor(TextAnchor.TOP_RIGHT);
        m.setLabelFont(new Font("SansSerif", Font.PLAIN, 12));
        plot.addDomainMarker(m);
        JFreeChart chart = new JFreeChart("Latency against " + label, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        ChartUtils.saveChartAsPNG(png.toFile(), chart, 960, 620);
    }

    static String esc(Object o) {
        return o == null ? "" : o.toString().replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    static String fmt(Object v) {
        return v instanceof Double x ? (x.isNaN() ? "-" : Math.abs(x) >= 1000 ? String.format(Locale.ROOT, "%,.0f", x)
                : String.format(Locale.ROOT, "%.4g", x)) : v instanceof Long l ? String.format(Locale.ROOT, "%,d", l) : esc(v);
    }

    /**
     * Writes dse.csv, dse.html and the plots into {@code dir}. {@code validation}: the model against the full-system
     * simulation (may be empty); {@code fit}: the resource model's calibration table.
     */
    public static void write(Path dir, String grid, List<Map<String, Object>> results, List<Map<String, Object>> validation, List<String> fit,
                             String defaultId) throws IOException {
        Files.createDirectories(dir);
        System.setProperty("java.awt.headless", "true");
        Files.writeString(dir.resolve("dse.csv"), csv(results), StandardCharsets.UTF_8);
        plot(results, "dsp", "DSP48E2", ResourceModel.ZCU102.dsp(), defaultId, dir.resolve("dse-dsp.png"));
        plot(results, "lut", "LUT", ResourceModel.ZCU102.lut(), defaultId, dir.resolve("dse-lut.png"));
        plot(results, "bram36", "block RAM (RAMB36)", ResourceModel.ZCU102.ramb36(), defaultId, dir.resolve("dse-bram.png"));
        Files.writeString(dir.resolve("dse.html"), html(grid, results, validation, fit, defaultId), StandardCharsets.UTF_8);
    }

    static String html(String grid, List<Map<String, Object>> results, List<Map<String, Object>> validation, List<String> fit, String defaultId) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Edge-MoE design-space exploration</title>\n<style>")
                .append("body{font-family:sans-serif;max-width:1100px;margin:2em auto;color:#222}table{border-collapse:collapse;font-size:13px}")
                .append("td,th{border:1px solid #ccc;padding:3px 6px;text-align:right}th{background:#f3f3f3}td.l,th.l{text-align:left}")
                .append("tr.def td{background:#e6f5ea}img{max-width:100%}</style></head><body>\n");
        long fitsN = results.stream().filter(r -> b(r, "fits_zcu102")).count();
        List<Map<String, Object>> pareto = results.stream().filter(r -> b(r, "pareto")).toList();
        h.append("<h1>Edge-MoE design-space exploration</h1>\n<p>Grid <b>").append(esc(grid)).append("</b>: ").append(results.size())
                .append(" points, ").append(fitsN).append(" fit the ZCU102 (XCZU9EG: 274,080 LUT, 548,160 FF, 2,520 DSP48E2, 912 RAMB36), ")
                .append(pareto.size()).append(" on the Pareto front (latency of task 0, LUT, DSP48E2, block RAM; among the points that fit). ")
                .append("Latency: the analytical cycle model (docs/dse.md) on the whole image with the profile's real routing; resources: the ")
                .append("resource model calibrated on Yosys runs (<code>make dse-calibrate</code>); fidelity: the golden models. ")
                .append("The default point is marked green. Data: <a href=\"dse.csv\">dse.csv</a>.</p>\n");
        Map<String, Object> def = results.stream().filter(r -> defaultId.equals(r.get("id"))).findFirst().orElse(null);
        if (def != null) {
            h.append("<p>Default (").append(esc(defaultId)).append("): ").append(fmt(def.get("cycles.task0"))).append(" cycles, ")
                    .append(fmt(def.get("ms.task0"))).append(" ms (task 0), ").append(fmt(def.get("ms.task1"))).append(" ms (task 1); ")
                    .append(fmt(def.get("lut"))).append(" LUT, ").append(fmt(def.get("dsp"))).append(" DSP48E2, ").append(fmt(def.get("bram36")))
                    .append(" RAMB36.");
            for (int t = 0; t < 2; t++) {
                if (def.get("sim.cycles.task" + t) != null) {
                    h.append(" Full-system simulation (the ground truth), task ").append(t).append(": ").append(fmt(def.get("sim.cycles.task" + t)))
                            .append(" cycles; the model's error ").append(String.format(Locale.ROOT, "%+.3f %%", 100 * d(def, "sim.model_error.task" + t)))
                            .append('.');
                }
            }
            h.append("</p>\n");
        }
        for (String[] p : new String[][] {{"dse-dsp.png", "DSP48E2"}, {"dse-lut.png", "LUT"}, {"dse-bram.png", "block RAM"}}) {
            h.append("<h2>Latency against ").append(p[1]).append("</h2>\n<img src=\"").append(p[0]).append("\" alt=\"latency against ").append(p[1])
                    .append("\">\n");
        }
        List<String> cols = List.of("id", "rows", "attn_lanes", "attn_beat", "profile", "weight_ports", "port_bits", "ddr_gbps", "clock_mhz",
                "ms.task0", "ms.task1", "lower_bound_ms.task0", "ddr_bound_share.task0", "lut", "ff", "dsp", "bram36", "final_mse.task0",
                "routing_agreement.task0", "buildable");
        h.append("<h2>Pareto points</h2>\n");
        table(h, cols, pareto, defaultId);
        h.append("<h2>Validation: the cycle model against the full-system simulation</h2>\n");
        if (validation.isEmpty()) {
            h.append("<p>No validation results in this build: run <code>make dse-validate</code> (the full-system simulation of the "
                    + "validation points, docs/dse.md).</p>\n");
        } else {
            table(h, List.of("id", "sim_layers", "sim_task", "sim.cycles", "sim.model_cycles", "sim.error", "sim.worst_command", "sim.worst_command_error",
                    "sim.cycles_per_s", "sim.perf.busy_cu", "sim.perf.ddr_rd_bytes", "sim.perf.ddr_stall"), validation, defaultId);
            commandTable(h, validation, defaultId);
        }
        h.append("<h2>Resource model: calibration rows against the fitted laws</h2>\n<table><tr><th class=l>block</th><th class=l>parameters</th>"
                + "<th class=l>profile</th><th class=l>resource</th><th>Yosys</th><th>model</th><th>error</th></tr>\n");
        for (String row : fit) {
            String[] f = row.split(",");
            h.append("<tr>");
            for (int i = 0; i < f.length; i++) {
                h.append(i < 4 ? "<td class=l>" : "<td>").append(esc(f[i])).append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</table>\n<h2>Every point</h2>\n");
        table(h, cols, results, defaultId);
        h.append("</body></html>\n");
        return h.toString();
    }

    /** The default's longest validation run, command by command: the hardware's trace against the model. */
    static void commandTable(StringBuilder h, List<Map<String, Object>> validation, String defaultId) {
        Map<String, Object> best = null;
        for (Map<String, Object> v : validation) {
            if (defaultId.equals(v.get("id")) && (best == null || d(v, "sim_layers") > d(best, "sim_layers"))) {
                best = v;
            }
        }
        if (best == null) {
            return;
        }
        h.append("<h3>Per command: the default, ").append(fmt(best.get("sim_layers"))).append(" layers, task ").append(fmt(best.get("sim_task")))
                .append(" (hardware command trace against the model)</h3>\n<table><tr><th class=l>command</th><th>simulation</th><th>model</th>"
                        + "<th>error</th></tr>\n");
        for (String k : best.keySet()) {
            if (!k.startsWith("sim.cmd.") || !k.endsWith(".sim")) {
                continue;
            }
            String base = k.substring(0, k.length() - 4);
            double sim = d(best, k);
            double mod = d(best, base + ".model");
            h.append("<tr><td class=l>").append(esc(base.substring("sim.cmd.".length()))).append("</td><td>").append(fmt((long) sim)).append("</td><td>")
                    .append(fmt((long) mod)).append("</td><td>").append(String.format(Locale.ROOT, "%+.2f %%", sim == 0 ? 0 : 100 * (mod - sim) / sim))
                    .append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    private static void table(StringBuilder h, List<String> cols, List<Map<String, Object>> rows, String defaultId) {
        h.append("<table><tr>");
        for (String c : cols) {
            h.append(c.equals("id") ? "<th class=l>" : "<th>").append(esc(c)).append("</th>");
        }
        h.append("</tr>\n");
        for (Map<String, Object> r : rows) {
            h.append(defaultId.equals(r.get("id")) ? "<tr class=def>" : "<tr>");
            for (String c : cols) {
                h.append(c.equals("id") ? "<td class=l>" : "<td>").append(fmt(r.get(c))).append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</table>\n");
    }
}
