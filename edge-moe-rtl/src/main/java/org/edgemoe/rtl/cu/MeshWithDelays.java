package org.edgemoe.rtl.cu;

import static org.edgemoe.hdl.core.Hdl.*;

import java.util.ArrayList;
import java.util.List;
import org.edgemoe.hdl.core.Bits;
import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.Module;
import org.edgemoe.hdl.core.SInt;
import org.edgemoe.hdl.core.UInt;
import org.edgemoe.hdl.core.Vec;
import org.edgemoe.hdl.lib.ShiftRegister;
import org.edgemoe.model.hw.Formats;

/**
 * The {@link Mesh} with its edge registers (Gemmini's MeshWithDelays): an x beat with its bank bit, bias flag and
 * {@link BeatTag} goes in at issue and leaves as {@code cols} column sums, {@code cfg.arrayLatency()} enabled cycles
 * later, with its tag. Everything advances on {@code en}.
 *
 * <p>Inside: the issue register (stage 0); the input skew (row r delayed r more cycles, x and bank bit); the two
 * bias banks (one value per column, aligned to the accumulator's fraction bits when written) and the bias
 * injection at the top of column c, c cycles after row 0's activation, when the beat's {@code x_bias} is set;
 * the output de-skew (column c delayed cols-1-c cycles); and the tag delay line, reset empty. Lane order: {@code x}
 * lane r enters row r, {@code sum} lane c and {@code b_data} lane c are column c, {@code w_we} lane r writes row r.
 * Weight writes ({@code w_*}) go straight to the PEs; {@code b_we} writes {@code b_data} into bias bank
 * {@code w_sel}, in the bias format {@code b_attn ? weightAttnBias : weightBias}.
 */
public final class MeshWithDelays extends Module {
    public final Bool en = in(Bool());
    public final Vec<SInt> x;
    public final BeatTag x_tag;
    public final Bool x_bank = in(Bool());
    public final Bool x_bias = in(Bool());
    public final Vec<Bool> w_we;
    public final Bool w_sel = in(Bool());
    public final Vec<SInt> w_data;
    public final Bool b_we = in(Bool());
    public final Bool b_attn = in(Bool());
    public final Vec<SInt> b_data;
    public final Vec<SInt> sum;
    public final BeatTag sum_tag;
    /** The token index one stage before the output (the next beat's, when that stage holds one): a read address. */
    public final UInt next_t;
    /** High while any stage of the tag line holds a beat. */
    public final Bool busy = out(Bool());

    public MeshWithDelays(CuConfig cfg) {
        Formats f = cfg.formats();
        int rows = cfg.rows();
        int cols = cfg.cols();
        int accW = cfg.accWidth();
        int lat = cfg.arrayLatency();
        param("ROWS", rows);
        param("COLS", cols);
        param("PROFILE", f.name());
        x = in(Vec(rows, SInt(cfg.actWidth())));
        x_tag = in(new BeatTag(cfg));
        w_we = in(Vec(rows, Bool()));
        w_data = in(Vec(cols, SInt(CuConfig.WEIGHT_WIDTH)));
        b_data = in(Vec(cols, SInt(CuConfig.WEIGHT_WIDTH)));
        sum = out(Vec(cols, SInt(accW)));
        sum_tag = out(new BeatTag(cfg));
        next_t = out(UInt(cfg.tokenIndexWidth()));

        Mesh mesh = instance(new Mesh(cfg));
        mesh.en.set(en);
        mesh.w_sel.set(w_sel);
        mesh.w_we.set(w_we);
        mesh.w_data.set(w_data);

        // issue register, then the input skew
        Bool bankIssue = regNextWhen(x_bank, en).named("bankIssue");
        Bool injIssue = regNextWhen(x_bias, en).named("injIssue");
        for (int r = 0; r < rows; r++) {
            SInt xr = regNextWhen(x.get(r), en).named("xIssue_" + r);
            mesh.x_in.get(r).set(ShiftRegister.delay(xr, r, en, "xSkew_" + r));
            mesh.bank_in.get(r).set(ShiftRegister.delay(bankIssue, r, en, "bSkew_" + r));
        }

        // bias banks, and the injection at the top of each column, aligned with row 0's activations
        int shPlain = f.acc().fracBits() - f.weightBias().fracBits();
        int shAttn = f.acc().fracBits() - f.weightAttnBias().fracBits();
        List<Bool> injChain = ShiftRegister.history(injIssue, cols - 1, en, "injChain");
        List<Bool> bankChain = ShiftRegister.history(bankIssue, cols - 1, en, "bankChain");
        for (int c = 0; c < cols; c++) {
            SInt b0 = reg(SInt(accW)).init(0).named("bias0_" + c);
            SInt b1 = reg(SInt(accW)).init(0).named("bias1_" + c);
            SInt raw = b_data.get(c).resize(accW);
            SInt aligned = mux(b_attn, raw.shl(shAttn).resize(accW), raw.shl(shPlain).resize(accW));
            when(b_we, () -> {
                when(w_sel, () -> b1.set(aligned)).otherwise(() -> b0.set(aligned));
            });
            Bool injC = c == 0 ? injIssue : injChain.get(c - 1);
            Bool bankC = c == 0 ? bankIssue : bankChain.get(c - 1);
            mesh.psum_in.get(c).set(mux(injC, mux(bankC, b1, b0), S(0, accW)));
            // output de-skew: column c delayed cols-1-c cycles
            sum.get(c).set(ShiftRegister.delay(mesh.psum_out.get(c), cols - 1 - c, en, "deskew_" + c));
        }

        // the tags, delayed alongside (every stage reset: the line comes out of reset empty)
        List<Bits> line = ShiftRegister.history(x_tag.toBits(), lat, en, Bits(0, x_tag.bitWidth()), "meta");
        List<BeatTag> stages = new ArrayList<>();
        for (Bits stage : line) {
            stages.add(BeatTag.from(cfg, stage));
        }
        Bool any = B(false);
        for (BeatTag s : stages) {
            any = any.or(s.valid);
        }
        sum_tag.set(stages.get(lat - 1));
        next_t.set(stages.get(lat - 2).t);
        busy.set(any);
    }
}
