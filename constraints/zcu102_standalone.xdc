# ZCU102 (xczu9eg-ffvb1156-2-e), standalone run without the PS: board clock and reset pins, 300 MHz.
#
# Pins from the ZCU102 Evaluation Board User Guide (UG1182), clocking and user I/O tables, as in Xilinx's
# ZCU102 master XDC:
#   USER_SI570_P/N  AL8/AL7, bank 64 (VCCO 1.2 V), DIFF_SSTL12: the Si570 programmable oscillator, 300 MHz at power-up
#   CLK_125_P/N     G21/F21, bank 47, LVDS_25, 125 MHz from the Si5341 (alternative, with an MMCM x2.4)
#   CPU_RESET       AM13,    bank 44, LVCMOS33, push button SW20, active high
#
# These ports belong to a board-level wrapper (not generated: an IBUFDS + BUFG on USER_SI570_P/N driving the
# block's clk, CPU_RESET synchronised into its reset, and whatever drives the block's data ports, e.g. a
# VIO or an ILA for bring-up). The block itself is constrained per top by build/vivado/ooc_<top>.xdc.

set_property PACKAGE_PIN AL8 [get_ports USER_SI570_P]
set_property PACKAGE_PIN AL7 [get_ports USER_SI570_N]
set_property IOSTANDARD DIFF_SSTL12 [get_ports {USER_SI570_P USER_SI570_N}]
create_clock -name user_si570 -period 3.333 [get_ports USER_SI570_P]

set_property PACKAGE_PIN AM13 [get_ports CPU_RESET]
set_property IOSTANDARD LVCMOS33 [get_ports CPU_RESET]
set_false_path -from [get_ports CPU_RESET]

# Alternative clock: the fixed 125 MHz LVDS oscillator (then generate 300 MHz with an MMCM).
# set_property PACKAGE_PIN G21 [get_ports CLK_125_P]
# set_property PACKAGE_PIN F21 [get_ports CLK_125_N]
# set_property IOSTANDARD LVDS_25 [get_ports {CLK_125_P CLK_125_N}]
# create_clock -name clk_125 -period 8.000 [get_ports CLK_125_P]
