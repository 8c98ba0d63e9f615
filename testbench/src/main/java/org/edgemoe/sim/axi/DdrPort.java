package org.edgemoe.sim.axi;

import java.util.ArrayDeque;
import java.util.SplittableRandom;
import org.edgemoe.sim.SimSignal;
import org.edgemoe.sim.Sim;

/**
 * One AXI4 subordinate port of a {@link DdrModel}: AR/R and AW/W/B by the specification's names under a
 * prefix. Read bursts are answered in order; writes are taken after their AW (AXI lets a subordinate wait for
 * AWVALID before WREADY) and acknowledged in order.
 */
public final class DdrPort {
    private record Burst(long addr, int beats, int sizeLog2, long id, int resp, long readyAt) { }

    private final DdrModel model;
    private final String prefix;
    private final int index;
    private final int busBytes;
    private final int words;
    private final SimSignal reset;
    // read side
    private final SimSignal arvalid, arready, araddr, arlen, arsize, arburst, arid;
    private final SimSignal rvalid, rready, rdata, rresp, rlast, rid;
    // write side
    private final SimSignal awvalid, awready, awaddr, awlen, awsize, awburst, awid;
    private final SimSignal wvalid, wready, wdata, wstrb, wlast;
    private final SimSignal bvalid, bready, bresp, bid;

    private final ArrayDeque<Burst> reads = new ArrayDeque<>();
    private final ArrayDeque<Burst> writesAwaitingData = new ArrayDeque<>();
    private final ArrayDeque<Burst> responses = new ArrayDeque<>();
    private int readBeat;
    private int writeBeat;
    private boolean rOffered;
    private boolean wReserved;
    private boolean bOffered;
    private boolean arReadyNow;
    private boolean awReadyNow;
    private long[] pendingAr;
    private long[] pendingAw;
    private long[] pendingW;
    private final long[] dataWords;
    private final long[] wdataWords;

    private SplittableRandom random = new SplittableRandom(1);
    private double stall;

    private long bytesRead;
    private long bytesWritten;
    private long readBursts;
    private long writeBursts;
    private long rBackpressureCycles;
    private long maxReadsInFlight;

    DdrPort(DdrModel model, Sim sim, String prefix, int index) {
        this.model = model;
        this.prefix = prefix;
        this.index = index;
        reset = sim.hasSignal("reset") ? sim.signal("reset") : null;
        boolean read = sim.hasSignal(prefix + "_arvalid");
        boolean write = sim.hasSignal(prefix + "_awvalid");
        if (!read && !write) {
            throw new IllegalArgumentException("no AXI4 port " + prefix + "_arvalid or " + prefix + "_awvalid in " + sim.model().top());
        }
        arvalid = read ? sim.signal(prefix + "_arvalid") : null;
        arready = read ? sim.signal(prefix + "_arready") : null;
        araddr = read ? sim.signal(prefix + "_araddr") : null;
        arlen = read ? sim.signal(prefix + "_arlen") : null;
        arsize = read ? optional(sim, prefix + "_arsize") : null;
        arburst = read ? optional(sim, prefix + "_arburst") : null;
        arid = read ? optional(sim, prefix + "_arid") : null;
        rvalid = read ? sim.signal(prefix + "_rvalid") : null;
        rready = read ? sim.signal(prefix + "_rready") : null;
        rdata = read ? sim.signal(prefix + "_rdata") : null;
        rresp = read ? sim.signal(prefix + "_rresp") : null;
        rlast = read ? sim.signal(prefix + "_rlast") : null;
        rid = read ? optional(sim, prefix + "_rid") : null;
        awvalid = write ? sim.signal(prefix + "_awvalid") : null;
        awready = write ? sim.signal(prefix + "_awready") : null;
        awaddr = write ? sim.signal(prefix + "_awaddr") : null;
        awlen = write ? sim.signal(prefix + "_awlen") : null;
        awsize = write ? optional(sim, prefix + "_awsize") : null;
        awburst = write ? optional(sim, prefix + "_awburst") : null;
        awid = write ? optional(sim, prefix + "_awid") : null;
        wvalid = write ? sim.signal(prefix + "_wvalid") : null;
        wready = write ? sim.signal(prefix + "_wready") : null;
        wdata = write ? sim.signal(prefix + "_wdata") : null;
        wstrb = write ? sim.signal(prefix + "_wstrb") : null;
        wlast = write ? sim.signal(prefix + "_wlast") : null;
        bvalid = write ? sim.signal(prefix + "_bvalid") : null;
        bready = write ? sim.signal(prefix + "_bready") : null;
        bresp = write ? sim.signal(prefix + "_bresp") : null;
        bid = write ? optional(sim, prefix + "_bid") : null;
        int dataWidth = read ? rdata.width() : wdata.width();
        busBytes = dataWidth / 8;
        if (busBytes * 8 != dataWidth || Integer.bitCount(busBytes) != 1) {
            throw new IllegalArgumentException(prefix + ": data width " + dataWidth + " is not a power-of-two number of bytes");
        }
        if (busBytes > 64) {
            throw new IllegalArgumentException(prefix + ": data width " + dataWidth + " above the model's 512 bits");
        }
        words = (dataWidth + 63) / 64;
        dataWords = new long[words];
        wdataWords = new long[words];
        idle();
    }

    private static SimSignal optional(Sim sim, String name) {
        return sim.hasSignal(name) ? sim.signal(name) : null;
    }

    public String prefix() {
        return prefix;
    }

    /** Random gaps: each cycle, each READY / VALID this port controls is held low with probability {@code p}. */
    public DdrPort stalls(double p, long seed) {
        if (p < 0 || p >= 1) {
            throw new IllegalArgumentException("stall probability must be in [0, 1), was " + p);
        }
        this.stall = p;
        this.random = new SplittableRandom(seed);
        return this;
    }

    public long bytesRead() {
        return bytesRead;
    }

    public long bytesWritten() {
        return bytesWritten;
    }

    public long readBursts() {
        return readBursts;
    }

    public long writeBursts() {
        return writeBursts;
    }

    /** Cycles an R beat was offered and the master was not ready. */
    public long rBackpressureCycles() {
        return rBackpressureCycles;
    }

    /** The most read bursts accepted and not yet completed at once. */
    public long maxReadsInFlight() {
        return maxReadsInFlight;
    }

    /** True when no burst is queued, in flight or awaiting its response. */
    public boolean idleNow() {
        return reads.isEmpty() && writesAwaitingData.isEmpty() && responses.isEmpty();
    }

    private boolean stalled() {
        return stall > 0 && random.nextDouble() < stall;
    }

    private void idle() {
        if (arready != null) {
            arready.poke(0);
            rvalid.poke(0);
        }
        if (awready != null) {
            awready.poke(0);
            wready.poke(0);
            bvalid.poke(0);
        }
    }

    private void clear() {
        reads.clear();
        writesAwaitingData.clear();
        responses.clear();
        readBeat = 0;
        writeBeat = 0;
        rOffered = false;
        wReserved = false;
        bOffered = false;
        pendingAr = null;
        pendingAw = null;
        pendingW = null;
    }

    private boolean inReset() {
        return reset != null && reset.peek() != 0;
    }

    void drive(long cycle) {
        if (inReset()) {
            clear();
            idle();
            return;
        }
        DdrConfig cfg = model.config();
        if (arready != null) {
            arReadyNow = reads.size() < cfg.maxOutstanding() && !stalled();
            arready.poke(arReadyNow ? 1 : 0);
            if (!rOffered) {
                Burst b = reads.peekFirst();
                if (b != null && cycle >= b.readyAt() && !stalled() && model.take(busBytes)) {
                    offerRead(b);
                    rOffered = true;
                } else {
                    rvalid.poke(0);
                }
            }
        }
        if (awready != null) {
            awReadyNow = writesAwaitingData.size() + responses.size() < cfg.maxOutstanding() && !stalled();
            awready.poke(awReadyNow ? 1 : 0);
            wReserved = !writesAwaitingData.isEmpty() && !stalled() && model.take(busBytes);
            wready.poke(wReserved ? 1 : 0);
            if (!bOffered) {
                Burst b = responses.peekFirst();
                if (b != null && cycle >= b.readyAt() && !stalled()) {
                    bvalid.poke(1);
                    bresp.poke(b.resp());
                    if (bid != null) {
                        bid.poke(b.id());
                    }
                    bOffered = true;
                } else {
                    bvalid.poke(0);
                }
            }
        }
    }

    private static long beatAddress(Burst b, int beat, int busBytes) {
        long step = 1L << b.sizeLog2();
        long first = b.addr() & -step;
        long a = beat == 0 ? b.addr() : first + beat * step;
        return a & -(long) busBytes;
    }

    private void offerRead(Burst b) {
        long base = beatAddress(b, readBeat, busBytes);
        DdrMemory m = model.memory();
        for (int w = 0; w < words; w++) {
            long v = 0;
            if (b.resp() == 0) {
                int bytes = Math.min(8, busBytes - 8 * w);
                for (int i = bytes - 1; i >= 0; i--) {
                    v = (v << 8) | m.readByte(base + 8L * w + i);
                }
            }
            dataWords[w] = v;
        }
        if (words == 1 && busBytes < 8) {
            dataWords[0] &= (1L << (8 * busBytes)) - 1;
        }
        rdata.pokeWords(dataWords);
        rresp.poke(b.resp());
        rlast.poke(readBeat == b.beats() - 1 ? 1 : 0);
        if (rid != null) {
            rid.poke(b.id());
        }
        rvalid.poke(1);
    }

    private long[] ax(SimSignal addr, SimSignal len, SimSignal size, SimSignal burst, SimSignal id) {
        return new long[] {addr.peek(), len.peek(), size == null ? Integer.numberOfTrailingZeros(busBytes) : size.peek(),
            burst == null ? 1 : burst.peek(), id == null ? 0 : id.peek()};
    }

    private Burst accept(long cycle, long[] ax, String ch, int latency) {
        long addr = ax[0];
        int beats = (int) ax[1] + 1;
        int sizeLog2 = (int) ax[2];
        if (ax[3] != 1) {
            model.violation(this, cycle, ch + " burst type " + ax[3] + " (the model and the masters use INCR = 1)");
        }
        if ((1 << sizeLog2) > busBytes) {
            model.violation(this, cycle, ch + "size " + sizeLog2 + " wider than the " + busBytes + "-byte bus");
        }
        long step = 1L << sizeLog2;
        long end = (addr & -step) + beats * step;  // one past the last byte
        if ((addr >>> 12) != ((end - 1) >>> 12)) {
            model.violation(this, cycle, String.format("%s burst 0x%x + %d beats of %d B crosses a 4 KB boundary", ch, addr, beats, step));
        }
        return new Burst(addr, beats, sizeLog2, ax[4], model.responseFor(addr, end), cycle + latency);
    }

    void sample(long cycle) {
        if (inReset()) {
            return;
        }
        DdrConfig cfg = model.config();
        if (arvalid != null) {
            boolean v = arvalid.peek() != 0;
            if (pendingAr != null) {
                long[] now = v ? ax(araddr, arlen, arsize, arburst, arid) : null;
                if (!v) {
                    model.violation(this, cycle, "ARVALID dropped before ARREADY");
                } else if (!java.util.Arrays.equals(now, pendingAr)) {
                    model.violation(this, cycle, "AR payload changed before ARREADY");
                }
            }
            pendingAr = null;
            if (v) {
                long[] a = ax(araddr, arlen, arsize, arburst, arid);
                if (arReadyNow) {
                    reads.addLast(accept(cycle, a, "AR", cfg.readLatency()));
                    readBursts++;
                    maxReadsInFlight = Math.max(maxReadsInFlight, reads.size());
                } else {
                    pendingAr = a;
                }
            }
            if (rOffered) {
                if (rready.peek() != 0) {
                    Burst b = reads.peekFirst();
                    bytesRead += busBytes;
                    readBeat++;
                    if (readBeat == b.beats()) {
                        reads.removeFirst();
                        readBeat = 0;
                    }
                    rOffered = false;
                } else {
                    rBackpressureCycles++;
                }
            }
        }
        if (awvalid != null) {
            boolean v = awvalid.peek() != 0;
            if (pendingAw != null) {
                long[] now = v ? ax(awaddr, awlen, awsize, awburst, awid) : null;
                if (!v) {
                    model.violation(this, cycle, "AWVALID dropped before AWREADY");
                } else if (!java.util.Arrays.equals(now, pendingAw)) {
                    model.violation(this, cycle, "AW payload changed before AWREADY");
                }
            }
            pendingAw = null;
            if (v) {
                long[] a = ax(awaddr, awlen, awsize, awburst, awid);
                if (awReadyNow) {
                    writesAwaitingData.addLast(accept(cycle, a, "AW", 0));
                    writeBursts++;
                } else {
                    pendingAw = a;
                }
            }
            boolean wv = wvalid.peek() != 0;
            if (pendingW != null && !wv) {
                model.violation(this, cycle, "WVALID dropped before WREADY");
            }
            pendingW = null;
            if (wv && wReserved) {
                takeWriteBeat(cycle);
            } else {
                if (wReserved) {
                    model.refund(busBytes);
                }
                if (wv) {
                    pendingW = new long[0];
                }
            }
            wReserved = false;
            if (bOffered && bready.peek() != 0) {
                responses.removeFirst();
                bOffered = false;
            }
        }
    }

    private void takeWriteBeat(long cycle) {
        Burst b = writesAwaitingData.peekFirst();
        wdata.peekWords(wdataWords);
        long strb = wstrb.peek();
        boolean last = wlast.peek() != 0;
        boolean shouldBeLast = writeBeat == b.beats() - 1;
        if (last != shouldBeLast) {
            model.violation(this, cycle, "WLAST " + (last ? "high on beat " : "low on last beat ") + writeBeat + " of " + b.beats());
        }
        if (b.resp() == 0) {
            long base = beatAddress(b, writeBeat, busBytes);
            DdrMemory m = model.memory();
            for (int i = 0; i < busBytes; i++) {
                if ((strb >>> i & 1) != 0) {
                    m.writeByte(base + i, (int) (wdataWords[i >> 3] >>> (8 * (i & 7))));
                    bytesWritten++;
                }
            }
        }
        writeBeat++;
        if (writeBeat == b.beats()) {
            writesAwaitingData.removeFirst();
            writeBeat = 0;
            responses.addLast(new Burst(b.addr(), b.beats(), b.sizeLog2(), b.id(), b.resp(), cycle + model.config().writeLatency()));
        }
    }

    @Override
    public String toString() {
        return "DdrPort " + index + " " + prefix;
    }
}
