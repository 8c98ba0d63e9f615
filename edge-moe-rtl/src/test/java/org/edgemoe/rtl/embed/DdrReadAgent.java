package org.edgemoe.rtl.embed;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.SplittableRandom;
import org.edgemoe.sim.CycleAgent;
import org.edgemoe.sim.SimSignal;
import org.edgemoe.sim.Sim;

/**
 * A DDR behind an AXI read master, as the streamer sees it: {@code read} transfers ({@code addr}, {@code bytes},
 * bus-aligned) answered after {@code latency} cycles by {@code data} beats ({@code data}, {@code last}) with
 * random gaps; transfers queue up (the master's outstanding bursts).
 */
final class DdrReadAgent implements CycleAgent {
    private final byte[] mem;
    private final long base;
    private final int beatBytes;
    private final int latency;
    private final double stall;
    private final SplittableRandom rnd;
    private final SimSignal rValid;
    private final SimSignal rReady;
    private final SimSignal rAddr;
    private final SimSignal rBytes;
    private final SimSignal dValid;
    private final SimSignal dReady;
    private final SimSignal dData;
    private final SimSignal dLast;
    private final Deque<long[]> transfers = new ArrayDeque<>(); // {addr, beats, availableAt}
    private boolean readyNow;
    private boolean presenting;
    private long beat;
    long requests;
    long beatsSent;

    DdrReadAgent(Sim sim, byte[] mem, long base, int beatBytes, int latency, long seed, double stall) {
        this.mem = mem;
        this.base = base;
        this.beatBytes = beatBytes;
        this.latency = latency;
        this.stall = stall;
        this.rnd = new SplittableRandom(seed);
        rValid = sim.signal("io_read_valid");
        rReady = sim.signal("io_read_ready");
        rAddr = sim.signal("io_read_payload_addr");
        rBytes = sim.signal("io_read_payload_bytes");
        dValid = sim.signal("io_data_valid");
        dReady = sim.signal("io_data_ready");
        dData = sim.signal("io_data_payload_data");
        dLast = sim.signal("io_data_payload_last");
        dValid.poke(0);
        sim.addAgent(this);
    }

    @Override
    public void drive(Sim sim, long cycle) {
        readyNow = rnd.nextDouble() >= stall;
        rReady.poke(readyNow ? 1 : 0);
        if (!presenting && !transfers.isEmpty() && cycle >= transfers.peek()[2] && rnd.nextDouble() >= stall) {
            presenting = true;
        }
        if (presenting) {
            long[] t = transfers.peek();
            long first = t[0] - Math.floorMod(t[0], beatBytes);
            long a = first + beat * beatBytes - base;
            byte[] le = new byte[beatBytes + 1];
            for (int i = 0; i < beatBytes; i++) {
                long at = a + i;
                le[beatBytes - i] = at >= 0 && at < mem.length ? mem[(int) at] : 0;
            }
            dData.poke(new BigInteger(le));
            dLast.poke(beat == t[1] - 1 ? 1 : 0);
        }
        dValid.poke(presenting ? 1 : 0);
    }

    @Override
    public void sample(Sim sim, long cycle) {
        if (readyNow && rValid.peekBoolean()) {
            long addr = rAddr.peek();
            long bytes = rBytes.peek();
            long first = addr - Math.floorMod(addr, beatBytes);
            long beats = bytes == 0 ? 0 : (addr + bytes - 1 - first) / beatBytes + 1;
            if (beats > 0) {
                transfers.add(new long[] {addr, beats, cycle + latency});
            }
            requests++;
        }
        if (presenting && dReady.peekBoolean()) {
            presenting = false;
            beatsSent++;
            beat++;
            if (beat == transfers.peek()[1]) {
                transfers.poll();
                beat = 0;
            }
        }
    }

    boolean idle() {
        return transfers.isEmpty() && !presenting;
    }
}
