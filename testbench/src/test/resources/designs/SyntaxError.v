module SyntaxError (
  input  wire clk,
  output wire q
);
  assign q = clk &;
endmodule
