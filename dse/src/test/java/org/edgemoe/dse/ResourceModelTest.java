package org.edgemoe.dse;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.edgemoe.dse.ResourceModel.Resources;
import org.edgemoe.dse.ResourceModel.Sample;
import org.junit.jupiter.api.Test;

/** The resource model's fits, its buffer estimate, its limits, and the calibration file's checks. */
class ResourceModelTest {
    /** Calibration rows made from known laws, so the fit must recover them exactly. */
    static List<Sample> synthetic() {
        List<Sample> s = new ArrayList<>();
        for (String prof : List.of("dsp18", "published")) {
            int k = prof.equals("dsp18") ? 1 : 2;
            for (int[] rc : new int[][] {{4, 4}, {8, 8}, {16, 16}, {8, 16}}) {
                double rcp = rc[0] * rc[1];
                double sum = rc[0] + rc[1];
                s.add(new Sample("ComputeUnit", Map.of("rows", rc[0], "cols", rc[1]), prof,
                        new Resources(100 * rcp + 50 * rc[0] + 70 * rc[1] + 1000, 120 * rcp, 0, k * rcp + 3 * rc[1], 0, sum / 2)));
            }
            for (int lanes : new int[] {8, 16}) {
                s.add(new Sample("LayerNorm", Map.of("lanes", lanes), prof, new Resources(600 * lanes + 500, 400 * lanes, 0, 13 * lanes + 7, 15, 0)));
            }
            s.add(new Sample("MoeRouter", Map.of("experts", 16), prof, new Resources(3000, 1600, 4, 20, 0, 7)));
            s.add(new Sample("PixelStreamer", Map.of(), prof, new Resources(52, 72, 0, 1, 0, 0)));
        }
        for (int[] pl : new int[][] {{1, 64}, {2, 64}, {4, 64}, {2, 32}}) {
            s.add(new Sample("AttentionEngine", Map.of("lanes", pl[0], "beat", pl[1]), "dsp18",
                    new Resources(300 * pl[0] * pl[1] + 2000 * pl[0] + 500, 100 * pl[0] * pl[1], 0, pl[0] * pl[1] + 6 * pl[0], 1, 0)));
        }
        s.add(new Sample("AttentionEngine", Map.of("lanes", 2, "beat", 64), "published",
                new Resources(2 * (300 * 128 + 4000 + 500), 200 * 128, 0, 2 * (128 + 12), 1, 0)));
        for (int w : new int[] {64, 128, 256}) {
            s.add(new Sample("AxiReadMaster", Map.of("data", w), "-", new Resources(2 * w + 300, 3 * w + 200, 0, 0, 0, 0)));
            s.add(new Sample("AxiWriteMaster", Map.of("data", w), "-", new Resources(w + 200, 2 * w + 100, 0, 0, 0, 0)));
        }
        s.add(new Sample("ControlPlane", Map.of(), "-", new Resources(2500, 2000, 50, 0, 0, 2)));
        return s;
    }

    @Test
    void fittedLawsRecoverTheirRowsAndExtrapolate() {
        ResourceModel m = new ResourceModel(synthetic());
        DesignPoint p32 = new DesignPoint(32, 16, 64, "dsp18", 2, 16, 17.06, 45, 300);
        Map<String, Resources> b = m.breakdown(p32);
        assertEquals(100 * 1024 + 120 * 32 + 1000, b.get("ComputeUnit").lut(), 1e-6);
        assertEquals(1024 + 3 * 32, b.get("ComputeUnit").dsp(), 1e-6);
        assertEquals(300 * 16 * 64 + 2000 * 16 + 500, b.get("AttentionEngine").lut(), 1e-6);
        assertEquals(600 * 32 + 500, b.get("LayerNorm").lut(), 1e-6);
        assertEquals(4 * (2 * 128 + 300), b.get("AxiReadMaster").lut(), 1e-6, "program, input and two weight ports");
        assertEquals(1, b.get("AxiWriteMaster").lut() / (128 + 200), 1e-9);
        // the published attention: the dsp18 law scaled by the measured ratio at P = 2, L = 64 (2x here)
        DesignPoint pub = new DesignPoint(16, 8, 64, "published", 1, 16, 17.06, 45, 300);
        assertEquals(2 * (300 * 512 + 2000 * 8 + 500), m.breakdown(pub).get("AttentionEngine").lut(), 1e-6);
        assertEquals(2 * 128, m.breakdown(pub).get("ComputeUnit").dsp() - m.breakdown(DesignPoint.calibrated()).get("ComputeUnit").dsp(), 1e-6,
                "published uses two DSP48E2 a MAC in this synthetic law");
        assertFalse(m.hasGlue());
        assertEquals(m.blocks(p32).plus(ResourceModel.expertBuffers(p32)), m.estimate(p32), "no accelerator row: no glue");
        // the default's expert buffer: 1 MiB of 513-bit words at 4K x 9 (228 RAMB36, as Yosys maps it), two R buffers a port
        DesignPoint d = DesignPoint.defaults();
        assertEquals(228 + 2 * d.weightPorts() * 2, ResourceModel.expertBuffers(d).ramb36(), 1e-9);
        // with the accelerator's own row: the calibrated point's estimate is that row; logic scales by its ratio, DSP and BRAM add
        List<Sample> withAcc = new ArrayList<>(synthetic());
        Resources blocks = m.blocks(DesignPoint.calibrated());
        Resources acc = new Resources(blocks.lut() * 0.75, blocks.ff() * 0.9, blocks.lutram(), blocks.dsp() + 10, blocks.ramb18() + 2, blocks.ramb36() + 3);
        withAcc.add(new Sample("EdgeMoeAccelerator", Map.of("rows", 16), "dsp18", acc));
        ResourceModel g = new ResourceModel(withAcc);
        assertTrue(g.hasGlue());
        assertEquals(acc.lut(), g.estimate(DesignPoint.calibrated()).lut(), 1e-6);
        assertEquals(acc.dsp(), g.estimate(DesignPoint.calibrated()).dsp(), 1e-6);
        // (plus the expert prefetcher's block RAM, which the calibration rows predate)
        assertEquals(acc.bram36() + ResourceModel.expertBuffers(DesignPoint.calibrated()).bram36(), g.estimate(DesignPoint.calibrated()).bram36(), 1e-6);
        assertEquals(0.75 * m.estimate(p32).lut(), g.estimate(p32).lut(), 1e-6);
        assertEquals(0.9 * m.estimate(p32).ff(), g.estimate(p32).ff(), 1e-6);
        assertEquals(m.estimate(p32).dsp() + 10, g.estimate(p32).dsp(), 1e-6);
    }

    @Test
    void buffersTakeTheBestBlockRamShape() {
        assertEquals(1, ResourceModel.ramb36(512, 72));
        assertEquals(16, ResourceModel.ramb36(1548, 288), "1,548 x 288: 16 RAMB36 at 2K x 18");
        assertEquals(2, ResourceModel.ramb36(513, 72));
        assertEquals(1, ResourceModel.ramb36(32768, 1));
        Resources def = ResourceModel.buffers(DesignPoint.calibrated());
        assertTrue(def.ramb36() > 50 && def.ramb36() < 400, "the default's activation buffers: " + def.ramb36());
        assertEquals(def.ramb36(), ResourceModel.buffers(new DesignPoint(16, 8, 64, "dsp18", 4, 16, 4.0, 45, 300)).ramb36(), "DDR does not change them");
        assertTrue(ResourceModel.buffers(new DesignPoint(16, 8, 64, "published", 1, 16, 17.06, 45, 300)).ramb36() > def.ramb36(), "32-bit act");
    }

    @Test
    void theDeviceLimits() {
        assertEquals(List.of(), new Resources(274_080, 548_160, 0, 2_520, 1_824, 0).exceeds(ResourceModel.ZCU102));
        assertEquals(List.of("LUT", "DSP48E2", "BRAM"), new Resources(274_081, 1, 0, 2_521, 0, 913).exceeds(ResourceModel.ZCU102));
        assertEquals(912, new Resources(0, 0, 0, 0, 1_824, 0).bram36());
    }

    @Test
    void badCalibrationFilesNameTheLine() {
        String h = Calibrate.HEADER + "\n";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ResourceModel.parse("block,x\n", "c.csv"));
        assertTrue(e.getMessage().startsWith("c.csv:1: expected the header"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ResourceModel.parse(h + "ComputeUnit,rows=4;cols=4,dsp18,1,2\n", "c.csv"));
        assertTrue(e.getMessage().startsWith("c.csv:2: 5 fields"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ResourceModel.parse(h + "ComputeUnit,rows=four,dsp18,1,2,3,4,5,6,7,8,9,Yosys\n", "c.csv"));
        assertTrue(e.getMessage().contains("c.csv:2: bad parameter rows=four"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ResourceModel.parse(h + "ComputeUnit,rows=4,dsp18,1,x,3,4,5,6,7,8,9,Yosys\n", "c.csv"));
        assertTrue(e.getMessage().contains("c.csv:2: a resource count is not a number"), e.getMessage());
        IllegalStateException s = assertThrows(IllegalStateException.class, () -> new ResourceModel(List.of()).estimate(DesignPoint.calibrated()));
        assertTrue(s.getMessage().contains("no calibration rows for ComputeUnit (dsp18)") && s.getMessage().contains("make dse-calibrate"), s.getMessage());
    }

    @Test
    void theShippedCalibrationCoversEveryBlockAndFitsItsRows() {
        ResourceModel m = ResourceModel.calibrated();
        for (String block : List.of("ComputeUnit", "AttentionEngine", "LayerNorm", "MoeRouter", "PixelStreamer", "AxiReadMaster", "AxiWriteMaster",
                "ControlPlane", "ActBuffer")) {
            assertTrue(m.samples().stream().anyMatch(s -> s.block().equals(block)), block + " in " + ResourceModel.CALIBRATION);
        }
        // the compute unit's law on its own rows: DSP48E2 within 10 %, LUT within 15 %
        for (String row : m.fitTable()) {
            String[] f = row.split(",");
            if (!f[0].equals("ComputeUnit") || f[6].equals("0") || f[6].equals("inf")) {
                continue;
            }
            double err = Math.abs(Double.parseDouble(f[6].replace("%", "")));
            if (f[3].equals("dsp")) {
                assertTrue(err <= 10, row);
            } else if (f[3].equals("lut")) {
                assertTrue(err <= 15, row);
            }
        }
        Resources def = m.estimate(DesignPoint.calibrated());
        assertTrue(def.dsp() > 800 && def.dsp() < 2_520, "the default's DSP48E2: " + def.dsp());
    }
}
