package org.edgemoe.rtl.top;

import org.edgemoe.hdl.lib.axi.Axi4Config;
import org.edgemoe.model.ModelShape;
import org.edgemoe.model.hw.Formats;
import org.edgemoe.rtl.attention.AttnConfig;
import org.edgemoe.rtl.axi.AxiReadMaster;
import org.edgemoe.rtl.cu.CuConfig;
import org.edgemoe.rtl.datapath.DatapathConfig;
import org.edgemoe.rtl.embed.EmbedConfig;
import org.edgemoe.rtl.isa.IsaLimits;
import org.edgemoe.rtl.layernorm.LnConfig;

/**
 * The accelerator's parameters: the datapath (compute unit, tokens, widths), the attention and LayerNorm units,
 * the patch embedding's image, the DDR ports (one AXI4 configuration for every master), how many read ports the
 * weights (and the input image) are striped over and their outstanding bursts, the ISA limits the command
 * decoder checks, the gate-input elements the router takes a cycle ({@code gateLanes}) and the bytes of the expert
 * buffer ({@link ExpertPrefetcher}: block RAM, 4 KB per RAMB36).
 */
public record AcceleratorConfig(DatapathConfig datapath, AttnConfig attention, LnConfig layerNorm, EmbedConfig embed,
        Axi4Config ddr, int weightPorts, int weightOutstanding, IsaLimits limits, int gateLanes,
        int expertBufferBytes) {

    /**
     * Gate-input elements a cycle of the default router (64 multipliers at 16 experts): K / 4 = 48 cycles a token,
     * about the 45 of the router's per-token softmax and top-k, which a wider gate would wait for.
     */
    public static final int DEFAULT_GATE_LANES = 4;

    /** The default gate lanes for an LNO word of {@code lnoLanes} elements (a narrower array has fewer). */
    public static int defaultGateLanes(int lnoLanes) {
        return Math.min(DEFAULT_GATE_LANES, lnoLanes);
    }

    /**
     * Weight ports of the default accelerator: three S_AXI_HP ports, 48 B/cycle, above the DDR's sustained 45.5 (the
     * 32 x 32 array takes 64 B of weights a cycle; a fourth port would add nothing the DDR can give).
     */
    public static final int DEFAULT_WEIGHT_PORTS = 3;

    /** Rows and columns of the default compute unit: 32 x 32, 1,024 MACs a cycle (docs/performance.md). */
    public static final int DEFAULT_ARRAY = 32;

    /**
     * Bytes of the default expert buffer: 1 MiB, 256 RAMB36, about three and a half of M3ViT's experts (FC1 and FC2),
     * which is what the dense layer and an MoE layer's attention half leave the DDR idle for (docs/performance.md).
     */
    public static final int DEFAULT_EXPERT_BUFFER = 1 << 20;

    public AcceleratorConfig {
        if (ddr.dataWidth() != 128 || ddr.addressWidth() != 32) {
            throw new IllegalArgumentException("the accelerator's DDR ports are 32-bit address, 128-bit data; got "
                    + ddr.addressWidth() + " / " + ddr.dataWidth());
        }
        if (weightPorts < 1 || weightPorts > 4) {
            throw new IllegalArgumentException("weight ports must be 1..4 (the ZCU102 has four S_AXI_HP ports), was " + weightPorts);
        }
        int lnoLanes = datapath.lanes();
        if (gateLanes < 1 || Integer.bitCount(gateLanes) != 1 || gateLanes > lnoLanes || ModelShape.DIM % gateLanes != 0) {
            throw new IllegalArgumentException("gate lanes must be a power of two dividing the " + lnoLanes
                    + " elements of an LNO word and the model width " + ModelShape.DIM + ", was " + gateLanes);
        }
        int word = org.edgemoe.rtl.axi.StripedReadMaster.defaultWidth(ddr, weightPorts) / 8;
        if (expertBufferBytes < 16 * word || Integer.bitCount(expertBufferBytes) != 1) {
            throw new IllegalArgumentException("the expert buffer must be a power of two of at least 16 words of " + word
                    + " B, was " + expertBufferBytes + " B");
        }
        if (!datapath.cu().formats().equals(layerNorm.formats())) {
            throw new IllegalArgumentException("the datapath and LayerNorm profiles differ");
        }
    }

    /** M3ViT on the given compute unit (square, dsp18 or any profile), 128-bit DDR ports. */
    public static AcceleratorConfig m3vit(CuConfig cu) {
        Formats f = cu.formats();
        DatapathConfig dp = DatapathConfig.m3vit(cu);
        IsaLimits lim = new IsaLimits(cu.maxTokens(), cu.rows(), cu.cols(), Math.min(cu.maxInSize(), 0xFFFF),
                Math.min(cu.maxOutSize(), 0xFFFF), 4, ModelShape.EXPERTS, ModelShape.TASKS);
        EmbedConfig e = EmbedConfig.of(f);
        e = e.withImage(e.channels(), e.height(), e.width(), e.patch(), cu.rows(), e.beatBytes()).withAddressWidths(32, dp.addrWidth());
        LnConfig ln = new LnConfig(f, ModelShape.DIM, cu.rows(), LnConfig.of(f).sets());
        return new AcceleratorConfig(dp, AttnConfig.of(f, AttnConfig.DEFAULT.lanes(), AttnConfig.DEFAULT.beat()), ln, e,
                AxiReadMaster.defaultConfig(), DEFAULT_WEIGHT_PORTS, 8, lim, defaultGateLanes(dp.lanes()), DEFAULT_EXPERT_BUFFER);
    }

    /** The same accelerator with {@code n} weight ports. */
    public AcceleratorConfig withWeightPorts(int n) {
        return new AcceleratorConfig(datapath, attention, layerNorm, embed, ddr, n, weightOutstanding, limits, gateLanes, expertBufferBytes);
    }

    /** The same accelerator with a router taking {@code n} gate-input elements a cycle. */
    public AcceleratorConfig withGateLanes(int n) {
        return new AcceleratorConfig(datapath, attention, layerNorm, embed, ddr, weightPorts, weightOutstanding, limits, n, expertBufferBytes);
    }

    /** The same accelerator with an expert buffer of {@code bytes} bytes. */
    public AcceleratorConfig withExpertBuffer(int bytes) {
        return new AcceleratorConfig(datapath, attention, layerNorm, embed, ddr, weightPorts, weightOutstanding, limits, gateLanes, bytes);
    }

    /** Words of the expert buffer on the weight path. */
    public int expertBufferWords() {
        return expertBufferBytes / (weightBusBits() / 8);
    }

    /** Width of the weight path: the ports' width times the next power of two of the port count. */
    public int weightBusBits() {
        return org.edgemoe.rtl.axi.StripedReadMaster.defaultWidth(ddr, weightPorts);
    }

    /** The default accelerator: the 32 x 32 compute unit, dsp18, {@value #DEFAULT_WEIGHT_PORTS} weight ports. */
    public static AcceleratorConfig defaults() {
        return m3vit(CuConfig.of(DEFAULT_ARRAY, DEFAULT_ARRAY, Formats.dsp18()));
    }

    public Formats formats() {
        return datapath.cu().formats();
    }
}
