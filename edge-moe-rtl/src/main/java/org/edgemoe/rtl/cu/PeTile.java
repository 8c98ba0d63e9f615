package org.edgemoe.rtl.cu;

import static org.edgemoe.hdl.core.Hdl.*;

import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.Module;
import org.edgemoe.hdl.core.SInt;
import org.edgemoe.hdl.core.Vec;

/**
 * A {@code tileRows} x {@code tileCols} grid of {@link Pe}s (Gemmini's Tile): activations and bank bits
 * enter at the west edge (one per row) and leave at the east edge, partial sums enter at the north edge
 * (one per column) and leave at the south edge. Every PE is registered, so a hop costs one enabled cycle.
 * Weight writes are broadcast per row ({@code w_we(r)}, data per column, one bank select).
 */
public final class PeTile extends Module {
    public final Bool en = in(Bool());
    public final Vec<SInt> x_in;
    public final Vec<Bool> bank_in;
    public final Vec<SInt> psum_in;
    public final Vec<Bool> w_we;
    public final Bool w_sel = in(Bool());
    public final Vec<SInt> w_data;
    public final Vec<SInt> x_out;
    public final Vec<Bool> bank_out;
    public final Vec<SInt> psum_out;

    public PeTile(CuConfig cfg) {
        int tr = cfg.tileRows();
        int tc = cfg.tileCols();
        param("ROWS", tr);
        param("COLS", tc);
        param("ACT", cfg.formats().act().toString());
        param("ACC", cfg.formats().acc().toString());
        x_in = in(Vec(tr, SInt(cfg.actWidth())));
        bank_in = in(Vec(tr, Bool()));
        psum_in = in(Vec(tc, SInt(cfg.accWidth())));
        w_we = in(Vec(tr, Bool()));
        w_data = in(Vec(tc, SInt(CuConfig.WEIGHT_WIDTH)));
        x_out = out(Vec(tr, SInt(cfg.actWidth())));
        bank_out = out(Vec(tr, Bool()));
        psum_out = out(Vec(tc, SInt(cfg.accWidth())));

        Pe[][] pe = new Pe[tr][tc];
        for (int r = 0; r < tr; r++) {
            for (int c = 0; c < tc; c++) {
                Pe p = instance(new Pe(cfg));
                pe[r][c] = p;
                p.en.set(en);
                p.x_in.set(c == 0 ? x_in.get(r) : pe[r][c - 1].x_out);
                p.bank_in.set(c == 0 ? bank_in.get(r) : pe[r][c - 1].bank_out);
                p.psum_in.set(r == 0 ? psum_in.get(c) : pe[r - 1][c].psum_out);
                p.w_we.set(w_we.get(r));
                p.w_sel.set(w_sel);
                p.w_data.set(w_data.get(c));
            }
        }
        for (int r = 0; r < tr; r++) {
            x_out.get(r).set(pe[r][tc - 1].x_out);
            bank_out.get(r).set(pe[r][tc - 1].bank_out);
        }
        for (int c = 0; c < tc; c++) {
            psum_out.get(c).set(pe[tr - 1][c].psum_out);
        }
    }
}
