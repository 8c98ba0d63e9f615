// A small clocked design for the simulator's own tests: a counter with an internal public
// register (also one in a sub-instance), a wide pass-through port and a signed fixed-point port.
module Counter (
  input  wire        clk,
  input  wire        reset,
  input  wire        io_en,
  input  wire [7:0]  io_step,
  output wire [15:0] io_count,
  input  wire [99:0] io_wide_in,
  output wire [99:0] io_wide_out,
  input  wire [15:0] io_fix_in,
  output wire [15:0] io_fix_half
);
  reg [15:0] count /*verilator public*/;
  always @(posedge clk) begin
    if (reset) count <= 16'd0;
    else if (io_en) count <= count + {8'd0, io_step};
  end
  assign io_count = count;
  Parity u_parity (.clk(clk), .value(count));
  assign io_wide_out = io_wide_in ^ {84'd0, count};
  assign io_fix_half = $signed(io_fix_in) >>> 1;
endmodule

// Registers the parity of the counter; its register is public to test hierarchical names.
module Parity (
  input  wire        clk,
  input  wire [15:0] value
);
  reg parity_q /*verilator public*/;
  always @(posedge clk) parity_q <= ^value;
endmodule
