package org.edgemoe.hdl.examples;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.edgemoe.hdl.examples.SystolicArray;
import org.edgemoe.hdl.testing.Emit;
import org.edgemoe.hdl.testing.IcarusSim;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SystolicArray(4) computes C = A x B (K = 8, int8 operands) in Icarus: A[i][k] enters row i at step k + i,
 * B[k][j] enters column j at step k + j, clear on step 0; after K + 3N enabled steps PE(i,j) holds C[i][j],
 * read back through rd_row/rd_col. The checksum output is the XOR of all accumulators.
 */
class SystolicArraySimTest {

    static final int N = 4;
    static final int K = 8;

    @TempDir Path tmp;

    @Test void matrixProduct() {
        Random rnd = new Random(7);
        int[][] a = new int[N][K];
        int[][] b = new int[K][N];
        for (int i = 0; i < N; i++) {
            for (int k = 0; k < K; k++) {
                a[i][k] = rnd.nextInt(256) - 128;
                b[k][i] = rnd.nextInt(256) - 128;
            }
        }
        a[0][0] = -128;
        b[0][0] = -128; // the extreme product
        long[][] c = new long[N][N];
        long checksum = 0;
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) {
                for (int k = 0; k < K; k++) {
                    c[i][j] += (long) a[i][k] * b[k][j];
                }
                checksum ^= c[i][j] & 0xffffffffL;
            }
        }

        StringBuilder tb = new StringBuilder("""
                `timescale 1ns/1ps
                module tb;
                  reg clk = 0, reset = 1, en = 0, clear = 0;
                  reg [31:0] a_in = 0, b_in = 0;
                  reg [1:0] row = 0, col = 0;
                  wire signed [31:0] rd_data;
                  wire [31:0] checksum;
                  SystolicArray dut(.clk(clk), .reset(reset), .io_en(en), .io_clear(clear), .io_a_in(a_in), .io_b_in(b_in),
                                    .io_rd_row(row), .io_rd_col(col), .io_rd_data(rd_data), .io_checksum(checksum));
                  initial begin
                    #1 clk = 1; #1 clk = 0; reset = 0;
                """);
        for (int t = 0; t < K + 3 * N; t++) {
            long aw = 0;
            long bw = 0;
            for (int i = 0; i < N; i++) {
                int k = t - i;
                if (k >= 0 && k < K) {
                    aw |= (long) (a[i][k] & 0xff) << (8 * i);
                    bw |= (long) (b[k][i] & 0xff) << (8 * i);
                }
            }
            tb.append(String.format("    en = 1; clear = %d; a_in = 32'h%08x; b_in = 32'h%08x; #1 clk = 1; #1 clk = 0;%n",
                    t == 0 ? 1 : 0, aw, bw));
        }
        tb.append("    en = 0; a_in = 32'hdeadbeef; b_in = 32'h12345678;\n");
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) {
                tb.append(String.format("    row = %d; col = %d; #1 $display(\"R %%0d %%0d %%0d\", row, col, rd_data); clk = 1; #1 clk = 0;%n", i, j));
                expected.add(i + " " + j + " " + c[i][j]);
            }
        }
        tb.append("    $display(\"R checksum %0d\", checksum);\n");
        expected.add("checksum " + checksum);
        tb.append("    $display(\"DONE\"); $finish;\n  end\nendmodule\n");
        IcarusSim.assertLines(expected, IcarusSim.run(Emit.of(() -> new SystolicArray(N)), tb.toString(), tmp));
    }
}
