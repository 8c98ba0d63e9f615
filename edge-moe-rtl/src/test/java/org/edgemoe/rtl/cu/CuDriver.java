package org.edgemoe.rtl.cu;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.edgemoe.sim.Sim;
import org.edgemoe.sim.SimSignal;
import org.edgemoe.sim.stream.StreamPorts;

/**
 * Drives a {@link ComputeUnit} simulation cycle by cycle, its payloads by field (raw lane values): queues of
 * command, weight-row, x and dest beats in the unit's stream order, random valid stalls on the inputs and ready stalls on y (seeded;
 * 0 = never stall), collects the y beats. Stream rule kept: a presented beat stays until it fires.
 */
public final class CuDriver {
    private final Sim sim;
    private final CuConfig cfg;
    private final Random rnd;
    private final double inStall;
    private final double outStall;

    private final List<long[]> cmds = new ArrayList<>();     // inSize, outSize, tokens, bias, attn, resid, gelu, expert
    private final List<long[]> weights = new ArrayList<>();  // lanes (raw)
    private final List<long[]> xs = new ArrayList<>();       // lanes (raw)
    private final List<long[]> dests = new ArrayList<>();    // resid lanes (raw), then the score
    private final List<long[]> expected = new ArrayList<>(); // lanes
    private final List<long[]> received = new ArrayList<>();
    private long cycles;

    private final SimSignal cmdValid, cmdReady, wValid, wReady, xValid, xReady, dValid, dReady, yValid, yReady, busy;
    private final SimSignal[] cmdFields;
    private final List<SimSignal> wLanes, xLanes, dLanes, yLanes;

    public CuDriver(Sim sim, CuConfig cfg, long seed, double inStall, double outStall) {
        this.sim = sim;
        this.cfg = cfg;
        this.rnd = new Random(seed);
        this.inStall = inStall;
        this.outStall = outStall;
        cmdValid = sim.signal("io_cmd_valid");
        cmdReady = sim.signal("io_cmd_ready");
        String[] names = {"inSize", "outSize", "tokens", "bias", "attnBias", "outResid", "gelu", "expert"};
        cmdFields = new SimSignal[names.length];
        for (int i = 0; i < names.length; i++) {
            cmdFields[i] = sim.signal("io_cmd_payload_" + names[i]);
        }
        wValid = sim.signal("io_weight_valid");
        wReady = sim.signal("io_weight_ready");
        wLanes = StreamPorts.lanes(sim, "io_weight_payload_lanes", cfg.cols());
        xValid = sim.signal("io_x_valid");
        xReady = sim.signal("io_x_ready");
        xLanes = StreamPorts.lanes(sim, "io_x_payload_lanes", cfg.rows());
        dValid = sim.signal("io_dest_valid");
        dReady = sim.signal("io_dest_ready");
        // dest beat: the resid lanes, then the score
        dLanes = new ArrayList<>(StreamPorts.lanes(sim, "io_dest_payload_resid", cfg.cols()));
        dLanes.add(sim.signal("io_dest_payload_score"));
        yValid = sim.signal("io_y_valid");
        yReady = sim.signal("io_y_ready");
        yLanes = StreamPorts.lanes(sim, "io_y_payload_lanes", cfg.cols());
        busy = sim.signal("io_busy");
    }

    /** Queues one layer: its command, weight rows, x beats, dest beats and expected y beats. */
    public void add(CuLayer l, long[][] expectedY) {
        int rows = cfg.rows();
        int cols = cfg.cols();
        boolean bias = l.bias() != null;
        cmds.add(new long[] {l.in(), l.out(), l.tokens(), bias ? 1 : 0, l.attnBias() ? 1 : 0,
            l.outResid() ? 1 : 0, l.gelu() ? 1 : 0, l.expert() ? 1 : 0});
        int kTiles = l.in() / rows;
        int oTiles = l.out() / cols;
        long[] lanes = new long[cols];
        for (int ot = 0; ot < oTiles; ot++) {
            if (bias) {
                for (int c = 0; c < cols; c++) {
                    lanes[c] = l.bias()[ot * cols + c];
                }
                weights.add(lanes.clone());
            }
            for (int kt = 0; kt < kTiles; kt++) {
                for (int r = 0; r < rows; r++) {
                    for (int c = 0; c < cols; c++) {
                        lanes[c] = l.w()[(ot * cols + c) * l.in() + kt * rows + r];
                    }
                    weights.add(lanes.clone());
                }
                for (int t = 0; t < l.tokens(); t++) {
                    long[] xl = new long[rows];
                    System.arraycopy(l.x()[t], kt * rows, xl, 0, rows);
                    xs.add(xl);
                }
            }
            for (int t = 0; t < l.tokens(); t++) {
                long[] e = new long[cols];
                System.arraycopy(expectedY[t], ot * cols, e, 0, cols);
                expected.add(e);
                if (l.expert()) {
                    long[] dl = new long[cols + 1];
                    System.arraycopy(l.dest()[t], ot * cols, dl, 0, cols);
                    dl[cols] = l.score()[t];
                    dests.add(dl);
                }
            }
        }
    }

    private int ci, wi, xi, di;
    private boolean cOn, wOn, xOn, dOn;

    /** Runs until every expected beat arrived and the unit is idle; returns the cycle count. */
    public long run(long maxCycles) {
        cycles = 0;
        while (received.size() < expected.size() || busy.peek() != 0) {
            if (cycles > maxCycles) {
                throw new AssertionError("timeout after " + cycles + " cycles: received " + received.size()
                        + " of " + expected.size() + " (cmd " + ci + ", weights " + wi + "/" + weights.size()
                        + ", x " + xi + "/" + xs.size() + ")");
            }
            cycle();
        }
        return cycles;
    }

    /** Runs exactly {@code n} cycles of the queued work (e.g. to interrupt it with a reset), then idles every input. */
    public void runFor(long n) {
        for (long i = 0; i < n; i++) {
            cycle();
        }
        cmdValid.poke(0);
        wValid.poke(0);
        xValid.poke(0);
        dValid.poke(0);
    }

    private static void poke(List<SimSignal> lanes, long[] values) {
        for (int k = 0; k < values.length; k++) {
            lanes.get(k).poke(values[k]);
        }
    }

    private void cycle() {
        if (!cOn && ci < cmds.size() && go()) {
            cOn = true;
            long[] c = cmds.get(ci);
            for (int i = 0; i < c.length; i++) {
                cmdFields[i].poke(c[i]);
            }
        }
        if (!wOn && wi < weights.size() && go()) {
            wOn = true;
            poke(wLanes, weights.get(wi));
        }
        if (!xOn && xi < xs.size() && go()) {
            xOn = true;
            poke(xLanes, xs.get(xi));
        }
        if (!dOn && di < dests.size() && go()) {
            dOn = true;
            poke(dLanes, dests.get(di));
        }
        cmdValid.poke(cOn ? 1 : 0);
        wValid.poke(wOn ? 1 : 0);
        xValid.poke(xOn ? 1 : 0);
        dValid.poke(dOn ? 1 : 0);
        boolean yR = outStall == 0 || rnd.nextDouble() >= outStall;
        yReady.poke(yR ? 1 : 0);
        boolean cF = cOn && cmdReady.peek() != 0;
        boolean wF = wOn && wReady.peek() != 0;
        boolean xF = xOn && xReady.peek() != 0;
        boolean dF = dOn && dReady.peek() != 0;
        if (yR && yValid.peek() != 0) {
            long[] yv = new long[cfg.cols()];
            for (int c = 0; c < yv.length; c++) {
                yv[c] = yLanes.get(c).peekSigned();
            }
            received.add(yv);
        }
        sim.step();
        cycles++;
        if (cF) { cOn = false; ci++; }
        if (wF) { wOn = false; wi++; }
        if (xF) { xOn = false; xi++; }
        if (dF) { dOn = false; di++; }
    }

    private boolean go() {
        return inStall == 0 || rnd.nextDouble() >= inStall;
    }

    public List<long[]> expected() {
        return expected;
    }

    public List<long[]> received() {
        return received;
    }

    /** Null when all beats match, else a message naming the first mismatch. */
    public String firstMismatch() {
        if (received.size() != expected.size()) {
            return "received " + received.size() + " beats, expected " + expected.size();
        }
        for (int i = 0; i < expected.size(); i++) {
            long[] e = expected.get(i);
            long[] r = received.get(i);
            for (int c = 0; c < e.length; c++) {
                if (e[c] != r[c]) {
                    return "beat " + i + " lane " + c + ": expected " + e[c] + " but was " + r[c];
                }
            }
        }
        return null;
    }
}
