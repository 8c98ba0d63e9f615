// A 4-entry stream FIFO with a 100-bit payload (SpinalHDL port naming), for stream helper tests.
module WideFifo (
  input  wire         clk,
  input  wire         reset,
  input  wire         io_push_valid,
  output wire         io_push_ready,
  input  wire [99:0]  io_push_payload,
  output wire         io_pop_valid,
  input  wire         io_pop_ready,
  output wire [99:0]  io_pop_payload
);
  reg [99:0] mem [0:3];
  reg [1:0] rd, wr;
  reg [2:0] count;
  wire push = io_push_valid && io_push_ready;
  wire pop = io_pop_valid && io_pop_ready;
  assign io_push_ready = count != 3'd4;
  assign io_pop_valid = count != 3'd0;
  assign io_pop_payload = mem[rd];
  always @(posedge clk) begin
    if (reset) begin
      rd <= 2'd0;
      wr <= 2'd0;
      count <= 3'd0;
    end else begin
      if (push) begin
        mem[wr] <= io_push_payload;
        wr <= wr + 2'd1;
      end
      if (pop) rd <= rd + 2'd1;
      count <= count + {2'd0, push} - {2'd0, pop};
    end
  end
endmodule
