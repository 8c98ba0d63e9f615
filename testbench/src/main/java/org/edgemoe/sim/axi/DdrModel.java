package org.edgemoe.sim.axi;

import java.util.ArrayList;
import java.util.List;
import org.edgemoe.sim.CycleAgent;
import org.edgemoe.sim.Sim;

/**
 * An AXI4 DDR memory for full-system simulation: one sparse {@link DdrMemory} behind any number of AXI4
 * subordinate ports of a design ({@link #attach(Sim, String)}), with a bandwidth and latency model
 * ({@link DdrConfig}): every cycle the ports share {@link DdrConfig#sharedBytesPerCycle()} bytes (a credit that
 * refills each cycle, served round-robin), each port moves at most one beat of {@link DdrConfig#portBytesPerCycle()},
 * read data starts {@link DdrConfig#readLatency()} cycles after the address handshake. Error injection: any burst
 * touching a range added with {@link #injectError} answers SLVERR or DECERR (reads return zero data, writes are
 * dropped). Random READY/VALID gaps per port ({@link DdrPort#stalls}) exercise the masters' handshakes; a
 * protocol checker records 4 KB crossings, non-INCR bursts, wrong WLAST and VALID dropped or payload changed
 * before READY ({@link #violations()}).
 *
 * <p>It runs as one {@link CycleAgent} in Java on the direct-buffer signal handles: per cycle a few pokes and
 * peeks per port, negligible beside the design's own evaluation.
 */
public final class DdrModel implements CycleAgent {
    /** A range [from, to) of addresses that answers {@code resp}. */
    public record ErrorRange(long from, long to, int resp) { }

    private final DdrConfig config;
    private final DdrMemory memory = new DdrMemory();
    private final List<DdrPort> ports = new ArrayList<>();
    private final List<ErrorRange> errors = new ArrayList<>();
    private final List<String> violations = new ArrayList<>();
    private double credit;
    private int rotate;
    private Sim sim;

    public DdrModel(DdrConfig config) {
        this.config = config;
    }

    public DdrModel() {
        this(DdrConfig.zcu102());
    }

    public DdrConfig config() {
        return config;
    }

    public DdrMemory memory() {
        return memory;
    }

    /**
     * Serves the AXI4 subordinate side of the ports named {@code <prefix>_arvalid}, {@code <prefix>_araddr}, ...
     * ({@code io_ddr} for a master field {@code ddr}); a port without AR (or AW) signals is write-only (read-only).
     */
    public DdrPort attach(Sim s, String prefix) {
        if (sim == null) {
            sim = s;
            s.addAgent(this);
        } else if (sim != s) {
            throw new IllegalArgumentException("a DdrModel serves one simulation; open another model for " + prefix);
        }
        DdrPort p = new DdrPort(this, s, prefix, ports.size());
        ports.add(p);
        return p;
    }

    public List<DdrPort> ports() {
        return ports;
    }

    /** Bursts touching [from, to) answer {@code resp} (2 = SLVERR, 3 = DECERR). */
    public DdrModel injectError(long from, long to, int resp) {
        if (resp != 2 && resp != 3) {
            throw new IllegalArgumentException("error response must be SLVERR (2) or DECERR (3), was " + resp);
        }
        errors.add(new ErrorRange(from, to, resp));
        return this;
    }

    public void clearErrors() {
        errors.clear();
    }

    /** The response of a burst covering [from, to): OKAY unless it touches an error range. */
    int responseFor(long from, long to) {
        for (ErrorRange e : errors) {
            if (from < e.to() && e.from() < to) {
                return e.resp();
            }
        }
        return 0;
    }

    void violation(DdrPort p, long cycle, String what) {
        if (violations.size() < 100) {
            violations.add("cycle " + cycle + ", port " + p.prefix() + ": " + what);
        }
    }

    /** Protocol violations seen so far (at most 100). */
    public List<String> violations() {
        return List.copyOf(violations);
    }

    /** Throws an AssertionError listing the protocol violations, if any. */
    public void assertNoViolations() {
        if (!violations.isEmpty()) {
            throw new AssertionError(violations.size() + " AXI protocol violation(s):\n  " + String.join("\n  ", violations));
        }
    }

    /** Takes {@code bytes} of this cycle's shared bandwidth if available. */
    boolean take(int bytes) {
        if (credit >= bytes) {
            credit -= bytes;
            return true;
        }
        return false;
    }

    void refund(int bytes) {
        credit += bytes;
    }

    public long bytesRead() {
        return ports.stream().mapToLong(DdrPort::bytesRead).sum();
    }

    public long bytesWritten() {
        return ports.stream().mapToLong(DdrPort::bytesWritten).sum();
    }

    @Override
    public void drive(Sim s, long cycle) {
        double perCycle = config.sharedBytesPerCycle();
        // the fraction left over carries to the next cycle (so busy ports get the sustained rate exactly), but idle
        // cycles do not bank bandwidth beyond one beat
        credit = Math.min(credit + perCycle, perCycle + config.portBytesPerCycle());
        int n = ports.size();
        for (int i = 0; i < n; i++) {
            ports.get((rotate + i) % n).drive(cycle);
        }
        rotate = n == 0 ? 0 : (rotate + 1) % n;
    }

    @Override
    public void sample(Sim s, long cycle) {
        for (DdrPort p : ports) {
            p.sample(cycle);
        }
    }
}
