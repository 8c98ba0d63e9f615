// A 4-entry stream FIFO with SpinalHDL port naming (io_push_*, io_pop_*), for stream helper tests.
module StreamFifo (
  input  wire        clk,
  input  wire        reset,
  input  wire        io_push_valid,
  output wire        io_push_ready,
  input  wire [15:0] io_push_payload,
  output wire        io_pop_valid,
  input  wire        io_pop_ready,
  output wire [15:0] io_pop_payload
);
  reg [15:0] mem0, mem1, mem2, mem3;
  reg [1:0] rd, wr;
  reg [2:0] count;
  wire push = io_push_valid && io_push_ready;
  wire pop = io_pop_valid && io_pop_ready;
  assign io_push_ready = count != 3'd4;
  assign io_pop_valid = count != 3'd0;
  assign io_pop_payload = rd == 2'd0 ? mem0 : rd == 2'd1 ? mem1 : rd == 2'd2 ? mem2 : mem3;
  always @(posedge clk) begin
    if (reset) begin
      rd <= 2'd0;
      wr <= 2'd0;
      count <= 3'd0;
    end else begin
      if (push) begin
        case (wr)
          2'd0: mem0 <= io_push_payload;
          2'd1: mem1 <= io_push_payload;
          2'd2: mem2 <= io_push_payload;
          default: mem3 <= io_push_payload;
        endcase
        wr <= wr + 2'd1;
      end
      if (pop) rd <= rd + 2'd1;
      count <= count + {2'd0, push} - {2'd0, pop};
    end
  end
endmodule
