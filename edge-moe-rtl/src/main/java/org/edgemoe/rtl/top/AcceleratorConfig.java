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
 * the patch embedding's image, the DDR ports (one AXI4 configuration for all four masters), the outstanding
 * reads of the weight port and the ISA limits the command decoder checks.
 */
public record AcceleratorConfig(DatapathConfig datapath, AttnConfig attention, LnConfig layerNorm, EmbedConfig embed,
        Axi4Config ddr, int weightOutstanding, IsaLimits limits) {

    public AcceleratorConfig {
        if (ddr.dataWidth() != 128 || ddr.addressWidth() != 32) {
            throw new IllegalArgumentException("the accelerator's DDR ports are 32-bit address, 128-bit data; got "
                    + ddr.addressWidth() + " / " + ddr.dataWidth());
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
                AxiReadMaster.defaultConfig(), 8, lim);
    }

    /** The default accelerator: the 16 x 16 compute unit, dsp18. */
    public static AcceleratorConfig defaults() {
        return m3vit(CuConfig.of(16, 16, Formats.dsp18()));
    }

    public Formats formats() {
        return datapath.cu().formats();
    }
}
