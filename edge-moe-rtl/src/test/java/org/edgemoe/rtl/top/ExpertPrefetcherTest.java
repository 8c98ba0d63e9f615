package org.edgemoe.rtl.top;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import org.edgemoe.sim.CycleAgent;
import org.edgemoe.sim.Sim;
import org.edgemoe.sim.SimModel;
import org.edgemoe.sim.HdlSim;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The expert prefetcher in Verilator with a Java read master (random READY on transfers, random VALID gaps on the
 * beats) and a random consumer: the blocks asked for come out whole and in order, a block passed over (an expert
 * without tokens, read before the confirmation) is dropped, a confirmation's cleared experts are not read, other
 * blocks at EXPERTS drop what was read and read the new ones, release leaves the prefetcher idle, and a buffer
 * smaller than the blocks ahead only slows it.
 */
class ExpertPrefetcherTest {
    static final int EXPERTS = 4;
    static final int BEAT = 8;
    static SimModel model;

    @BeforeAll
    static void compile() {
        model = HdlSim.compile(() -> new ExpertPrefetcher(64, 16, EXPERTS));
    }

    record Blocks(long a, long aBytes, long b, long bBytes, long stride) {
        long addr(int e, boolean second) {
            return (second ? b : a) + e * stride;
        }

        long bytes(boolean second) {
            return second ? bBytes : aBytes;
        }
    }

    /** The read master and the consumer, as cycle agents; the test pokes start, req and release itself. */
    static final class Rig implements CycleAgent, AutoCloseable {
        final Sim sim = model.open();
        final Random rnd;
        final Deque<long[]> transfers = new ArrayDeque<>();  // {addr, bytes, next beat}
        final List<Long> issued = new ArrayList<>();
        final List<Long> out = new ArrayList<>();
        final List<Integer> lasts = new ArrayList<>();

        Rig(long seed) {
            rnd = new Random(seed);
            sim.addAgent(this);
            sim.reset();
        }

        @Override
        public void drive(Sim s, long cycle) {
            s.poke("io_transfer_ready", rnd.nextInt(100) < 70 ? 1 : 0);
            long[] t = transfers.peekFirst();
            boolean v = t != null && rnd.nextInt(100) < 75;
            s.poke("io_data_valid", v ? 1 : 0);
            if (t != null) {
                long beats = (t[1] + BEAT - 1) / BEAT;
                s.poke("io_data_payload_data", t[0] + t[2] * BEAT);
                s.poke("io_data_payload_last", t[2] == beats - 1 ? 1 : 0);
            }
            s.poke("io_out_ready", rnd.nextInt(100) < 60 ? 1 : 0);
        }

        @Override
        public void sample(Sim s, long cycle) {
            if (s.peek("reset") != 0) {
                return;
            }
            if (s.peek("io_transfer_valid") != 0 && s.peek("io_transfer_ready") != 0) {
                transfers.addLast(new long[] {s.peek("io_transfer_payload_addr"), s.peek("io_transfer_payload_bytes"), 0});
                issued.add(s.peek("io_transfer_payload_addr"));
            }
            if (s.peek("io_data_valid") != 0 && s.peek("io_data_ready") != 0) {
                long[] t = transfers.peekFirst();
                if (++t[2] == (t[1] + BEAT - 1) / BEAT) {
                    transfers.removeFirst();
                }
            }
            if (s.peek("io_out_valid") != 0 && s.peek("io_out_ready") != 0) {
                out.add(s.peek("io_out_payload_data"));
                lasts.add((int) s.peek("io_out_payload_last"));
            }
        }

        void start(Blocks b, int active, boolean confirm) {
            sim.poke("io_start_payload_weightAddr", b.a());
            sim.poke("io_start_payload_weightBytes", b.aBytes());
            sim.poke("io_start_payload_weight2Addr", b.b());
            sim.poke("io_start_payload_weight2Bytes", b.bBytes());
            sim.poke("io_start_payload_stride", b.stride());
            sim.poke("io_start_payload_experts", EXPERTS);
            sim.poke("io_start_payload_active", active);
            sim.poke("io_start_payload_confirm", confirm ? 1 : 0);
            sim.poke("io_start_valid", 1);
            handshake("io_start", "start");
            sim.poke("io_start_valid", 0);
        }

        void ask(long addr, long bytes) {
            sim.poke("io_req_payload_addr", addr);
            sim.poke("io_req_payload_bytes", bytes);
            sim.poke("io_req_payload_buffered", 1);
            sim.poke("io_req_valid", 1);
            handshake("io_req", "request 0x" + Long.toHexString(addr));
            sim.poke("io_req_valid", 0);
        }

        private void handshake(String stream, String what) {
            for (int i = 0; i < 20_000; i++) {
                sim.eval();
                boolean fired = sim.peek(stream + "_ready") != 0;
                sim.step();
                if (fired) {
                    return;
                }
            }
            fail(what + " never accepted");
        }

        void release() {
            sim.poke("io_release", 1);
            sim.step();
            sim.poke("io_release", 0);
        }

        void runUntilIdle(String what) {
            sim.runUntil(what + ": idle", () -> sim.peek("io_busy") == 0, 50_000);
        }

        @Override
        public void close() {
            sim.close();
        }
    }

    /** The beats of the blocks asked for, in order (each beat's data is its address). */
    static List<Long> beats(Blocks b, int[] experts) {
        List<Long> want = new ArrayList<>();
        for (int e : experts) {
            for (boolean second : new boolean[] {false, true}) {
                for (long k = 0; k < (b.bytes(second) + BEAT - 1) / BEAT; k++) {
                    want.add(b.addr(e, second) + k * BEAT);
                }
            }
        }
        return want;
    }

    @Test
    void theAskedBlocksComeOutWholeAndThePassedOverAreDropped() {
        Blocks b = new Blocks(0x1000, 40, 0x8000, 24, 0x400);
        for (long seed = 1; seed <= 3; seed++) {
            try (Rig r = new Rig(seed)) {
                r.start(b, 0xF, false);            // PREFETCH: before the gate, every expert
                r.sim.step(300);                    // the buffer (16 words) fills: expert 0, 1 and part of 2
                r.start(b, 0b1011, true);           // EXPERTS: expert 2 has no tokens
                int[] asked = {0, 1, 3};
                for (int e : asked) {
                    r.ask(b.addr(e, false), b.aBytes());
                    r.ask(b.addr(e, true), b.bBytes());
                }
                r.release();
                r.runUntilIdle("seed " + seed);
                assertEquals(beats(b, asked), r.out, "seed " + seed);
                assertEquals(asked.length * 2, r.lasts.stream().mapToInt(Integer::intValue).sum(), "a last per block");
                assertTrue(r.issued.size() <= 2 * EXPERTS && r.issued.containsAll(List.of(b.addr(3, false), b.addr(3, true))), r.issued.toString());
                assertTrue(r.transfers.isEmpty(), "every issued block was read out");
                assertEquals(0, r.sim.peek("io_busy"));
            }
        }
    }

    @Test
    void aConfirmationClearsTheExpertsItWillNotAskFor() {
        Blocks b = new Blocks(0x1000, 40, 0x8000, 24, 0x400);
        try (Rig r = new Rig(7)) {
            r.start(b, 0b0101, true);               // EXPERTS without a PREFETCH: experts 0 and 2 only
            for (int e : new int[] {0, 2}) {
                r.ask(b.addr(e, false), b.aBytes());
                r.ask(b.addr(e, true), b.bBytes());
            }
            r.release();
            r.runUntilIdle("experts 0 and 2");
            assertEquals(beats(b, new int[] {0, 2}), r.out);
            assertEquals(List.of(b.addr(0, false), b.addr(0, true), b.addr(2, false), b.addr(2, true)), r.issued,
                    "experts 1 and 3 are never read");
        }
    }

    @Test
    void otherBlocksAtExpertsDropWhatWasReadAndAReleaseWithoutExpertsLeavesItIdle() {
        Blocks old = new Blocks(0x1000, 40, 0x8000, 24, 0x400);
        Blocks now = new Blocks(0x20000, 16, 0x30000, 56, 0x100);
        try (Rig r = new Rig(11)) {
            r.start(old, 0xF, false);               // a PREFETCH of another layer's experts
            r.sim.step(200);
            r.start(now, 0xF, true);                // EXPERTS: drain, then read its own
            int[] all = {0, 1, 2, 3};
            for (int e : all) {
                r.ask(now.addr(e, false), now.aBytes());
                r.ask(now.addr(e, true), now.bBytes());
            }
            r.release();
            r.runUntilIdle("other blocks");
            assertEquals(beats(now, all), r.out);
            assertTrue(r.issued.contains(old.addr(0, false)), "the PREFETCH had read ahead");

            // a PREFETCH no EXPERTS uses: the program's end releases it
            r.out.clear();
            r.start(old, 0xF, false);
            r.sim.step(100);
            assertEquals(1, r.sim.peek("io_busy"));
            r.release();
            r.runUntilIdle("unused PREFETCH");
            assertTrue(r.out.isEmpty(), "nothing delivered");
            assertTrue(r.transfers.isEmpty(), "every issued block was read out and dropped");
        }
    }
}
