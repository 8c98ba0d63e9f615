package org.edgemoe.dse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.edgemoe.model.FloatModel;
import org.edgemoe.model.FloatTrace;
import org.edgemoe.model.M3VitWeights;
import org.edgemoe.model.ModelComparison;
import org.edgemoe.model.ModelShape;
import org.edgemoe.model.Routing;
import org.edgemoe.model.WeightFolder;
import org.edgemoe.model.hw.Formats;
import org.edgemoe.model.hw.HwModel;
import org.edgemoe.model.hw.HwTrace;
import org.edgemoe.model.hw.QuantizedWeights;

/**
 * A profile's fidelity on the real image from the golden models (as {@code make accuracy}): the final layer's MSE
 * against the float model and the lowest routing agreement over the MoE layers, per task; and the hardware model's
 * routing (tokens per expert of each MoE layer), which the cycle model needs. Without the weights folder every
 * figure is NaN and the routing is null (the cycle model then spreads the tokens evenly, and says so).
 */
public record Fidelity(String profile, double[] finalMse, double[] routingAgreement, int[][][] expertTokens, String source) {

    /** Runs the float and hardware models on the real image (about a minute per profile), or reads {@code cache}. */
    public static synchronized Fidelity of(String profile, Path cacheDir) {
        Path cache = cacheDir.resolve("fidelity-" + profile + ".json");
        try {
            if (Files.exists(cache)) {
                return fromMap(JobJson.parse(Files.readString(cache), cache.toString()));
            }
            Fidelity f = compute(profile);
            if (f.expertTokens() != null) {
                Files.createDirectories(cacheDir);
                Files.writeString(cache, JobJson.write(f.toMap()), StandardCharsets.UTF_8);
            }
            return f;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("fidelity cache " + cache, e);
        }
    }

    static Fidelity compute(String profile) {
        Path folder = WeightFolder.locate().orElse(null);
        double[] nan = {Double.NaN, Double.NaN};
        if (folder == null) {
            return new Fidelity(profile, nan, nan.clone(), null, WeightFolder.absentMessage());
        }
        M3VitWeights w = M3VitWeights.load(folder);
        FloatModel ref = new FloatModel(w);
        HwModel hw = new HwModel(new QuantizedWeights(w, Formats.byName(profile)));
        double[] mse = new double[ModelShape.TASKS];
        double[] agree = new double[ModelShape.TASKS];
        int[][][] counts = new int[ModelShape.TASKS][][];
        for (int t = 0; t < ModelShape.TASKS; t++) {
            FloatTrace f = ref.run(t);
            HwTrace h = hw.run(t);
            ModelComparison c = ModelComparison.of(h, f);
            mse[t] = c.finalLayer().mse();
            agree[t] = c.minRoutingAgreement();
            counts[t] = counts(h.routing());
        }
        return new Fidelity(profile, mse, agree, counts, "golden models on " + folder);
    }

    /** Tokens per expert of each MoE layer (null for dense layers). */
    static int[][] counts(Routing[] routing) {
        int[][] c = new int[routing.length][];
        for (int l = 0; l < routing.length; l++) {
            if (routing[l] == null) {
                continue;
            }
            c[l] = new int[ModelShape.EXPERTS];
            for (int[] chosen : routing[l].experts()) {
                for (int e : chosen) {
                    c[l][e]++;
                }
            }
        }
        return c;
    }

    /**
     * Routing objects with the same tokens per expert (the cycle model reads only the counts): TOKENS tokens of TOP_K
     * choices each, the choices dealt out expert by expert; null without weights.
     */
    public Routing[] routing(int task) {
        if (expertTokens == null) {
            return null;
        }
        int[][] layers = expertTokens[task];
        Routing[] r = new Routing[layers.length];
        for (int l = 0; l < layers.length; l++) {
            if (layers[l] == null) {
                continue;
            }
            int total = Arrays.stream(layers[l]).sum();
            int k = ModelShape.TOP_K;
            if (total % k != 0) {
                throw new IllegalStateException("layer " + l + " of " + profile + ": " + total + " expert choices is not a multiple of top-" + k);
            }
            int[][] tokenExperts = new int[total / k][k];
            int i = 0;
            for (int e = 0; e < layers[l].length; e++) {
                for (int n = 0; n < layers[l][e]; n++, i++) {
                    tokenExperts[i / k][i % k] = e;
                }
            }
            r[l] = new Routing(tokenExperts, new double[total / k][k]);
        }
        return r;
    }

    Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("profile", profile);
        m.put("source", source);
        for (int t = 0; t < finalMse.length; t++) {
            m.put("final_mse.task" + t, finalMse[t]);
            m.put("routing_agreement.task" + t, routingAgreement[t]);
            for (int l = 0; l < expertTokens[t].length; l++) {
                if (expertTokens[t][l] != null) {
                    m.put("experts.task" + t + ".l" + l, String.join(",", Arrays.stream(expertTokens[t][l]).mapToObj(Integer::toString).toList()));
                }
            }
        }
        return m;
    }

    static Fidelity fromMap(Map<String, Object> m) {
        int tasks = ModelShape.TASKS;
        double[] mse = new double[tasks];
        double[] agree = new double[tasks];
        int[][][] counts = new int[tasks][ModelShape.LAYERS][];
        for (int t = 0; t < tasks; t++) {
            mse[t] = DesignPoint.num(m, "final_mse.task" + t).doubleValue();
            agree[t] = DesignPoint.num(m, "routing_agreement.task" + t).doubleValue();
            for (int l = 0; l < ModelShape.LAYERS; l++) {
                Object v = m.get("experts.task" + t + ".l" + l);
                if (v != null) {
                    counts[t][l] = Arrays.stream(v.toString().split(",")).mapToInt(Integer::parseInt).toArray();
                }
            }
        }
        return new Fidelity(DesignPoint.str(m, "profile"), mse, agree, counts, DesignPoint.str(m, "source"));
    }
}
