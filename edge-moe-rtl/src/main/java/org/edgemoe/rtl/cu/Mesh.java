package org.edgemoe.rtl.cu;

import static org.edgemoe.hdl.core.Hdl.*;

import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.Module;
import org.edgemoe.hdl.core.SInt;
import org.edgemoe.hdl.core.Vec;

/**
 * The {@code rows} x {@code cols} PE array as a grid of {@link PeTile}s (Gemmini's Mesh). Same edge
 * interface as a tile: activation of input row r enters at {@code x_in(r)} and reaches PE(r, c) c cycles
 * later; the partial sum of column c leaves at {@code psum_out(c)}, rows-many cycles after entering.
 * PE(r, c) holds the weight of input k = r and output o = c of the current tile.
 */
public final class Mesh extends Module {
    public final Bool en = in(Bool());
    public final Vec<SInt> x_in;
    public final Vec<Bool> bank_in;
    public final Vec<SInt> psum_in;
    public final Vec<Bool> w_we;
    public final Bool w_sel = in(Bool());
    public final Vec<SInt> w_data;
    public final Vec<SInt> psum_out;

    public Mesh(CuConfig cfg) {
        int rows = cfg.rows();
        int cols = cfg.cols();
        int tr = cfg.tileRows();
        int tc = cfg.tileCols();
        param("ROWS", rows);
        param("COLS", cols);
        param("ACT", cfg.formats().act().toString());
        param("ACC", cfg.formats().acc().toString());
        x_in = in(Vec(rows, SInt(cfg.actWidth())));
        bank_in = in(Vec(rows, Bool()));
        psum_in = in(Vec(cols, SInt(cfg.accWidth())));
        w_we = in(Vec(rows, Bool()));
        w_data = in(Vec(cols, SInt(CuConfig.WEIGHT_WIDTH)));
        psum_out = out(Vec(cols, SInt(cfg.accWidth())));

        int mr = rows / tr;
        int mc = cols / tc;
        PeTile[][] tile = new PeTile[mr][mc];
        for (int i = 0; i < mr; i++) {
            for (int j = 0; j < mc; j++) {
                PeTile t = instance(new PeTile(cfg));
                tile[i][j] = t;
                t.en.set(en);
                t.w_sel.set(w_sel);
                for (int r = 0; r < tr; r++) {
                    int row = i * tr + r;
                    t.x_in.get(r).set(j == 0 ? x_in.get(row) : tile[i][j - 1].x_out.get(r));
                    t.bank_in.get(r).set(j == 0 ? bank_in.get(row) : tile[i][j - 1].bank_out.get(r));
                    t.w_we.get(r).set(w_we.get(row));
                }
                for (int c = 0; c < tc; c++) {
                    int col = j * tc + c;
                    t.psum_in.get(c).set(i == 0 ? psum_in.get(col) : tile[i - 1][j].psum_out.get(c));
                    t.w_data.get(c).set(w_data.get(col));
                }
            }
        }
        for (int j = 0; j < mc; j++) {
            for (int c = 0; c < tc; c++) {
                psum_out.get(j * tc + c).set(tile[mr - 1][j].psum_out.get(c));
            }
        }
    }
}
