// A 4-entry stream FIFO whose payload is four signals io_*_payload_{0,1,2,10} of 12, 1, 64 and
// 100 bits (SpinalHDL naming of a Bundle/Vec payload), for stream helper tests.
module LaneFifo (
  input  wire         clk,
  input  wire         reset,
  input  wire         io_push_valid,
  output wire         io_push_ready,
  input  wire [11:0]  io_push_payload_0,
  input  wire         io_push_payload_1,
  input  wire [63:0]  io_push_payload_2,
  input  wire [99:0]  io_push_payload_10,
  output wire         io_pop_valid,
  input  wire         io_pop_ready,
  output wire [11:0]  io_pop_payload_0,
  output wire         io_pop_payload_1,
  output wire [63:0]  io_pop_payload_2,
  output wire [99:0]  io_pop_payload_10
);
  reg [176:0] mem [0:3];
  reg [1:0] rd, wr;
  reg [2:0] count;
  wire push = io_push_valid && io_push_ready;
  wire pop = io_pop_valid && io_pop_ready;
  assign io_push_ready = count != 3'd4;
  assign io_pop_valid = count != 3'd0;
  assign {io_pop_payload_10, io_pop_payload_2, io_pop_payload_1, io_pop_payload_0} = mem[rd];
  always @(posedge clk) begin
    if (reset) begin
      rd <= 2'd0;
      wr <= 2'd0;
      count <= 3'd0;
    end else begin
      if (push) begin
        mem[wr] <= {io_push_payload_10, io_push_payload_2, io_push_payload_1, io_push_payload_0};
        wr <= wr + 2'd1;
      end
      if (pop) rd <= rd + 2'd1;
      count <= count + {2'd0, push} - {2'd0, pop};
    end
  end
endmodule
