package org.edgemoe.rtl;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.edgemoe.hdl.core.Module;
import org.edgemoe.rtl.attention.AttentionEngine;
import org.edgemoe.rtl.cu.ComputeUnit;
import org.edgemoe.rtl.embed.PixelStreamer;
import org.edgemoe.rtl.gelu.GeluUnit;
import org.edgemoe.rtl.layernorm.LayerNorm;
import org.edgemoe.rtl.router.MoeRouter;
import org.edgemoe.rtl.softmax.SoftmaxNormalize;
import org.edgemoe.rtl.softmax.StreamingSoftmax;
import org.edgemoe.rtl.top.EdgeMoeAccelerator;

/**
 * The accelerator and its blocks at their default parameters: what {@code make verilog} emits and
 * {@code make synth-report} synthesises, by name. The first, {@code edge_moe_accelerator}, is the main top.
 */
public final class Blocks {
    private Blocks() { }

    public static Map<String, Supplier<Module>> defaults() {
        Map<String, Supplier<Module>> m = new LinkedHashMap<>();
        m.put("edge_moe_accelerator", EdgeMoeAccelerator::new);
        m.put("gelu_unit", GeluUnit::new);
        m.put("streaming_softmax", StreamingSoftmax::new);
        m.put("softmax_normalize", SoftmaxNormalize::new);
        m.put("compute_unit", ComputeUnit::new);
        m.put("moe_router", MoeRouter::new);
        m.put("attention_engine", AttentionEngine::new);
        m.put("layer_norm", LayerNorm::new);
        m.put("pixel_streamer", PixelStreamer::new);
        return m;
    }
}
