# ZCU102 (xczu9eg-ffvb1156-2-e), block-design flow (build/vivado/bd_zcu102.tcl): 300 MHz.
#
# The clock comes from the Zynq UltraScale+ PS: pl_clk0 of zynq_ultra_ps_e, set to 300 MHz
# (CONFIG.PSU__CRL_APB__PL0_REF_CTRL__FREQMHZ 300). The PS IP writes its own create_clock on pl_clk0
# (the generated system_zynq_ultra_ps_e_0_0.xdc), so no pin and no clock constraint is needed here; the
# accelerator, the AXI DMA and the interconnect all run on that one clock. The block has no board I/O:
# data moves through the DMA and DDR, so there are no PACKAGE_PIN constraints either.
#
# For a run without the PS (a standalone top on the board oscillator) use zcu102_standalone.xdc.

# Intentionally no commands: see above. Add set_false_path / multicycle exceptions for the accelerator here.
