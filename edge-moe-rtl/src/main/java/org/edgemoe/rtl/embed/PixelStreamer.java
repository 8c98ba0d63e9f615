package org.edgemoe.rtl.embed;

import static org.edgemoe.hdl.core.Hdl.*;

import org.edgemoe.hdl.core.Bits;
import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.Fix;
import org.edgemoe.hdl.core.Module;
import org.edgemoe.hdl.core.UInt;
import org.edgemoe.hdl.lib.Stream;
import org.edgemoe.hdl.lib.StreamWidthAdapter;
import org.edgemoe.rtl.axi.ReadBeat;
import org.edgemoe.rtl.axi.TransferCmd;
import org.edgemoe.rtl.buffer.ActBuffer;

/**
 * The patch embedding's pixel streamer (im2col): reads the image from DDR once, in its own order (channel,
 * row, column: one transfer of the whole image, so the read master issues long bursts) and writes every
 * {@code lanes}-pixel word to the activation buffer at its place in the patch vectors: the pixel (c, r, x)
 * belongs to patch p = (r / P) * (W / P) + x / P at element (c, r mod P, x mod P) of the model's
 * (channel, row, column) order, i.e. word {@code bufBase + p * wordsPerToken + ((c P + r mod P) P + x mod P) / lanes}.
 * Words of k = lanes / P &gt; 1 patch rows (e.g. 32 lanes, 16 x 16 patches: rows 2j and 2j + 1 of one channel of
 * one patch, still that order) cannot be taken from DDR whole: the {@link PatchRowStacker} keeps the first k - 1
 * image rows of each group of k in a small row buffer (on-chip RAM, one image row of one channel each) and writes
 * word {@code bufBase + p * wordsPerToken + (c P + r mod P) / k} while the group's last row streams in.
 * The compute unit then runs the patch linear layer from that buffer (x stride wordsPerToken) with the
 * patch weights unchanged and, through the residual add, pos_embed (see {@link EmbedConfig} for the pixel
 * encoding that makes it exact).
 *
 * <p>Ports: {@code cmd} ({@link EmbedCmd}); {@code read} ({@link TransferCmd}, one per image) and
 * {@code data} ({@link ReadBeat}s of {@code beatBytes} bytes, the AXI read master's); {@code write}
 * ({@link ActBuffer.WriteBeat}, act lanes; back-pressure holds the data stream); {@code busy};
 * {@code misaligned}: sticky, set when a command's image address is not a multiple of the beat (the command
 * is dropped, nothing is read or written). One beat or patch row per cycle: with 16-byte beats and 16-pixel words
 * the 98,304-byte image is 6,144 words, one a cycle; with 32-pixel words 3,072, one a cycle during every second
 * image row (the DDR's 16 bytes a cycle are the limit either way).
 */
public final class PixelStreamer extends Module {
    public final Stream<EmbedCmd> cmd;
    public final Stream<TransferCmd> read;
    public final Stream<ReadBeat> data;
    public final Stream<ActBuffer.WriteBeat> write;
    public final Bool busy = out(Bool());
    public final Bool misaligned = out(Bool());
    private final EmbedConfig cfg;

    public PixelStreamer() {
        this(EmbedConfig.defaults());
    }

    public PixelStreamer(EmbedConfig cfg) {
        this.cfg = cfg;
        int lanes = cfg.lanes();
        int p = cfg.patch();
        int baw = cfg.bufAddrWidth();
        param("PROFILE", cfg.formats().name());
        param("IMAGE", cfg.channels() + "x" + cfg.height() + "x" + cfg.width());
        param("PATCH", p);
        param("LANES", lanes);
        param("BEAT_BYTES", cfg.beatBytes());
        cmd = slave(new Stream<>(new EmbedCmd(cfg.ddrAddrWidth(), baw)));
        read = master(new Stream<>(new TransferCmd(cfg.ddrAddrWidth(), cfg.lengthWidth())));
        data = slave(new Stream<>(new ReadBeat(8 * cfg.beatBytes())));
        write = master(new Stream<>(new ActBuffer.WriteBeat(baw, lanes, cfg.act())));

        // ---------------- command: one transfer of the whole image ----------------
        Bool active = reg(Bool()).init(false).named("active");
        Bool reqPending = reg(Bool()).init(false).named("reqPending");
        Bool misalignedR = reg(Bool()).init(false).named("misalignedR");
        UInt imageAddr = reg(UInt(cfg.ddrAddrWidth())).init(0).named("imageAddr");
        UInt base = reg(UInt(baw)).init(0).named("base");
        int alignBits = Integer.numberOfTrailingZeros(cfg.beatBytes());
        Bool aligned = alignBits == 0 ? B(true) : cmd.payload.imageAddr.slice(alignBits - 1, 0).eq(0);
        cmd.ready.set(active.not());
        when(cmd.fire(), () -> {
            when(aligned, () -> {
                active.set(true);
                reqPending.set(true);
                imageAddr.set(cmd.payload.imageAddr);
                base.set(cmd.payload.bufBase);
            }).otherwise(() -> misalignedR.set(true));
        });
        read.valid.set(reqPending);
        read.payload.addr.set(imageAddr);
        read.payload.bytes.set(U(cfg.imageBytes(), cfg.lengthWidth()));
        when(read.fire(), () -> reqPending.set(false));

        // ---------------- beats to words (or patch rows) ----------------
        Stream<Bits> beats = wire(new Stream<>(Bits(8 * cfg.beatBytes())));
        beats.valid.set(data.valid.and(active));
        beats.payload.set(data.payload.data);
        data.ready.set(beats.ready.and(active));
        Stream<Bits> words = StreamWidthAdapter.adapt(beats, 8 * cfg.segmentPixels());
        if (cfg.rowsPerWord() > 1) {
            stacked(words, base, active);
        } else {
            direct(words, base, active);
        }
        misaligned.set(misalignedR);
        busy.set(active);
    }

    /** Words of k patch rows: through the {@link PatchRowStacker}'s row buffer. */
    private void stacked(Stream<Bits> rows, UInt base, Bool active) {
        PatchRowStacker st = instance(new PatchRowStacker(cfg));
        st.rows.valid.set(rows.valid);
        st.rows.payload.pixels.setFromBits(rows.payload);
        rows.ready.set(st.rows.ready);
        st.base.set(base);
        write.driveFrom(st.write);
        when(write.fire().and(st.lastWord), () -> active.set(false));
    }

    /** Words of at most a patch row: each word from DDR straight to its place. */
    private void direct(Stream<Bits> words, UInt base, Bool active) {
        int lanes = cfg.lanes();
        int p = cfg.patch();
        int baw = cfg.bufAddrWidth();
        // ---------------- where a word goes: (c, row, column) counters ----------------
        int xw = log2Up(cfg.wordsPerPatchRow());
        int pxW = log2Up(cfg.gridW());
        int yW = log2Up(p);
        int pyW = log2Up(cfg.height() / p);
        int cW = log2Up(cfg.channels());
        UInt xo = reg(UInt(xw)).init(0).named("xWord");
        UInt px = reg(UInt(pxW)).init(0).named("patchX");
        UInt y = reg(UInt(yW)).init(0).named("patchRow");
        UInt py = reg(UInt(pyW)).init(0).named("patchY");
        UInt c = reg(UInt(cW)).init(0).named("channel");
        Bool xLast = xo.eq(cfg.wordsPerPatchRow() - 1);
        Bool pxLast = px.eq(cfg.gridW() - 1);
        Bool yLast = y.eq(p - 1);
        Bool pyLast = py.eq(cfg.height() / p - 1);
        Bool cLast = c.eq(cfg.channels() - 1);
        UInt token = py.resize(baw).times(U(cfg.gridW(), baw)).resize(baw).plus(px.resize(baw));
        UInt row = c.resize(baw).times(U(p, baw)).resize(baw).plus(y.resize(baw));
        UInt k = row.times(U(cfg.wordsPerPatchRow(), baw)).resize(baw).plus(xo.resize(baw));
        UInt addr = base.plus(token.times(U(cfg.wordsPerToken(), baw)).resize(baw)).plus(k).named("wordAddr");

        write.valid.set(words.valid);
        words.ready.set(write.ready);
        write.payload.addr.set(addr);
        int s = cfg.pixelShift();
        int aw = cfg.act().width();
        for (int i = 0; i < lanes; i++) {
            UInt pix = words.payload.slice(8 * i + 7, 8 * i).asUInt();
            write.payload.lanes.get(i).set(Fix.fromRaw(cfg.act(), pix.shl(s).resize(aw)));
        }
        when(write.fire(), () -> {
            xo.set(xLast.select(U(0, xw), xo.plus(1)));
            when(xLast, () -> {
                px.set(pxLast.select(U(0, pxW), px.plus(1)));
                when(pxLast, () -> {
                    y.set(yLast.select(U(0, yW), y.plus(1)));
                    when(yLast, () -> {
                        py.set(pyLast.select(U(0, pyW), py.plus(1)));
                        when(pyLast, () -> {
                            c.set(cLast.select(U(0, cW), c.plus(1)));
                            when(cLast, () -> active.set(false));
                        });
                    });
                });
            });
        });
    }

    public EmbedConfig config() {
        return cfg;
    }
}
