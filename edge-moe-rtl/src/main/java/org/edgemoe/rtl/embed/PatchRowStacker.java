package org.edgemoe.rtl.embed;

import static org.edgemoe.hdl.core.Hdl.*;

import java.util.ArrayList;
import java.util.List;
import org.edgemoe.hdl.core.Bits;
import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.Fix;
import org.edgemoe.hdl.core.Mem;
import org.edgemoe.hdl.core.Module;
import org.edgemoe.hdl.core.UInt;
import org.edgemoe.hdl.lib.Stream;
import org.edgemoe.rtl.buffer.ActBuffer;
import org.edgemoe.rtl.common.Resets;

/**
 * The {@link PixelStreamer}'s row buffer for words of k = lanes / P patch rows (k &gt; 1, e.g. 32-pixel words of
 * 16 x 16 patches): takes the image's patch rows in DDR order (channel, image row, patch column), keeps the first
 * k - 1 image rows of each group of k in k - 1 RAMs of W / P patch rows each (one image row of one channel:
 * 16 x 128 bits for the default image and k = 2), and, while the group's last row streams in, reads the k - 1 rows
 * above each patch row and writes the word (rows 0 .. k - 1 of the group, lane i = row i / P, column i mod P) to
 * {@code bufBase + p * wordsPerToken + c * P / k + group}: element (c, row, column) of patch p's vector, the model's
 * order. One patch row a cycle in, so one word a cycle during a group's last row; the other rows only fill the
 * buffer (the stream is never held for them, even while a word waits on {@code write}).
 *
 * <p>Ports: {@code rows} ({@link PatchRow}s of one image after the other, back to back); {@code base}, the current
 * image's buffer base, held while it streams; {@code write} ({@link ActBuffer.WriteBeat}, act lanes, pixel raw
 * {@code << pixelShift}); {@code lastWord}, high with the image's last word.
 */
public final class PatchRowStacker extends Module {
    public final Stream<PatchRow> rows;
    public final UInt base;
    public final Stream<ActBuffer.WriteBeat> write;
    public final Bool lastWord = out(Bool());

    public PatchRowStacker(EmbedConfig cfg) {
        int p = cfg.patch();
        int k = cfg.rowsPerWord();
        if (k < 2) {
            throw new IllegalArgumentException("a word of " + cfg.lanes() + " pixels is not several rows of a " + p + "-pixel patch");
        }
        int baw = cfg.bufAddrWidth();
        int gw = cfg.gridW();
        param("PATCH", p);
        param("ROWS_PER_WORD", k);
        param("ROW_PATCHES", gw);
        rows = slave(new Stream<>(new PatchRow(p)));
        base = in(UInt(baw));
        write = master(new Stream<>(new ActBuffer.WriteBeat(baw, cfg.lanes(), cfg.act())));

        // ---------------- position of the incoming patch row: (c, patchY, group, sub-row, patchX) ----------------
        int pxW = log2Up(gw);
        int subW = log2Up(k);
        int grpW = log2Up(p / k);
        int pyW = log2Up(cfg.height() / p);
        int cW = log2Up(cfg.channels());
        UInt px = reg(UInt(pxW)).init(0).named("patchX");
        UInt sub = reg(UInt(subW)).init(0).named("subRow");
        UInt grp = reg(UInt(grpW)).init(0).named("group");
        UInt py = reg(UInt(pyW)).init(0).named("patchY");
        UInt c = reg(UInt(cW)).init(0).named("channel");
        Bool pxLast = px.eq(gw - 1);
        Bool subLast = sub.eq(k - 1).named("groupLastRow");
        Bool grpLast = grp.eq(p / k - 1);
        Bool pyLast = py.eq(cfg.height() / p - 1);
        Bool cLast = c.eq(cfg.channels() - 1);
        Bool imageLast = subLast.and(pxLast).and(grpLast).and(pyLast).and(cLast).named("imageLast");
        when(rows.fire(), () -> {
            px.set(pxLast.select(U(0, pxW), px.plus(1)));
            when(pxLast, () -> {
                sub.set(subLast.select(U(0, subW), sub.plus(1)));
                when(subLast, () -> {
                    grp.set(grpLast.select(U(0, grpW), grp.plus(1)));
                    when(grpLast, () -> {
                        py.set(pyLast.select(U(0, pyW), py.plus(1)));
                        when(pyLast, () -> c.set(cLast.select(U(0, cW), c.plus(1))));
                    });
                });
            });
        });
        UInt token = py.resize(baw).times(U(gw, baw)).resize(baw).plus(px.resize(baw));
        UInt k0 = c.resize(baw).times(U(p / k, baw)).resize(baw).plus(grp.resize(baw));
        UInt addr = base.plus(token.times(U(cfg.wordsPerToken(), baw)).resize(baw)).plus(k0).named("wordAddr");

        // ---------------- row buffer: rows 0 .. k - 2 of the group, one RAM each (W / P x 8P bits) ----------------
        Bool held = reg(Bool()).init(false).named("held");
        Bool take = rows.fire().and(subLast).named("take");
        rows.ready.set(subLast.not().or(held.not()).or(write.ready));
        List<PatchRow> above = new ArrayList<>();
        for (int r = 0; r < k - 1; r++) {
            int row = r;
            Mem<Bits> ram = mem(Bits(8 * p), gw);
            when(rows.fire().and(sub.eq(row)), () -> ram.write(px, rows.payload.pixels.toBits()));
            PatchRow got = wire(new PatchRow(p)).named("above" + r);
            got.setFromBits(ram.readSync(px, take));
            above.add(got);
        }

        // ---------------- the word: registered with the RAMs' read ----------------
        PatchRow lastRow = Resets.zero(reg(new PatchRow(p))).named("lastRow");
        UInt addrR = reg(UInt(baw)).init(0).named("addrR");
        Bool lastR = reg(Bool()).init(false).named("lastR");
        when(take, () -> {
            held.set(true);
            lastRow.set(rows.payload);
            addrR.set(addr);
            lastR.set(imageLast);
        }).elsewhen(write.ready, () -> held.set(false));
        above.add(lastRow);
        write.valid.set(held);
        write.payload.addr.set(addrR);
        int s = cfg.pixelShift();
        int aw = cfg.act().width();
        for (int i = 0; i < cfg.lanes(); i++) {
            UInt pix = above.get(i / p).pixels.get(i % p);
            write.payload.lanes.get(i).set(Fix.fromRaw(cfg.act(), pix.shl(s).resize(aw)));
        }
        lastWord.set(held.and(lastR));
    }
}
