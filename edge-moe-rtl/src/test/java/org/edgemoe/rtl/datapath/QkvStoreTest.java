package org.edgemoe.rtl.datapath;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.edgemoe.rtl.attention.AttnConfig;
import org.edgemoe.rtl.gelu.RtlTestSupport;
import org.edgemoe.sim.HdlSim;
import org.edgemoe.sim.SimSignal;
import org.edgemoe.sim.Sim;
import org.edgemoe.sim.SimModel;
import org.edgemoe.sim.stream.StreamDriver;
import org.edgemoe.sim.stream.StreamMonitor;
import org.edgemoe.sim.stream.StreamPorts;
import org.junit.jupiter.api.Test;

/** The QKV store: y beats in, attention beats out of the Q and the shared K/V ports, under stalls. */
class QkvStoreTest {
    static final int LANES = 16;
    static final int AW = 14;

    @Test
    void beatsComeBackAsWritten() {
        AttnConfig a = AttnConfig.DEFAULT;
        SimModel model = HdlSim.compile(() -> new QkvStore(LANES, AW, a));
        int tokens = 9;
        int d = a.heads() * a.headDim();
        int tw = a.tokenWidth();
        int ow = QkvStore.tileBits(LANES, a);
        SplittableRandom r = new SplittableRandom(1);
        long[][] qkv = new long[tokens][3 * d];
        try (Sim sim = model.open()) {
            sim.reset();
            List<SimSignal> lanes = RtlTestSupport.lanes(sim, "io_write_payload_lanes", LANES);
            for (int region = 0; region < 3; region++) {
                for (int t = 0; t < tokens; t++) {
                    for (int tile = 0; tile < d / LANES; tile++) {
                        sim.poke("io_write_valid", 1);
                        sim.poke("io_write_payload_addr", ((long) region << (tw + ow)) | ((long) t << ow) | tile);
                        for (int c = 0; c < LANES; c++) {
                            qkv[t][region * d + tile * LANES + c] = r.nextLong(-(1L << 17), 1L << 17);
                            lanes.get(c).poke(RtlTestSupport.mask(qkv[t][region * d + tile * LANES + c], 18));
                        }
                        sim.step();
                    }
                }
            }
            sim.poke("io_write_valid", 0);
            String[] names = {"q", "k", "v"};
            List<StreamMonitor> mons = new ArrayList<>();
            List<List<long[]>> want = new ArrayList<>();
            for (int region = 0; region < 3; region++) {
                String n = names[region];
                StreamDriver req = new StreamDriver(sim, StreamPorts.of(sim, n + "Req", List.of(sim.signal("io_" + n + "Req_payload_head"),
                        sim.signal("io_" + n + "Req_payload_token"), sim.signal("io_" + n + "Req_payload_part"))), 10 + region, 0.3);
                StreamMonitor mon = new StreamMonitor(sim, StreamPorts.of(sim, n + "Resp",
                        RtlTestSupport.lanes(sim, "io_" + n + "Resp_payload_data", a.beat())), 20 + region, 0.3).allSigned();
                mons.add(mon);
                List<long[]> w = new ArrayList<>();
                for (int i = 0; i < 40; i++) {
                    int h = r.nextInt(a.heads());
                    int t = r.nextInt(tokens);
                    req.enqueue(h, t, 0);
                    long[] beat = new long[a.beat()];
                    System.arraycopy(qkv[t], region * d + h * a.headDim(), beat, 0, a.beat());
                    w.add(beat);
                }
                want.add(w);
            }
            sim.runUntil(() -> mons.stream().allMatch(m -> m.receivedCount() >= 40), 5000);
            for (int region = 0; region < 3; region++) {
                for (int i = 0; i < 40; i++) {
                    assertArrayEquals(want.get(region).get(i), mons.get(region).beats().get(i), names[region] + " beat " + i);
                }
            }
        }
    }
}
