package org.edgemoe.rtl.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class YosysStatTest {
    /** Captured from Yosys 0.23 (synth_xilinx -family xcup on Counter, with I/O buffers), two stat passes. */
    static final String COUNTER_LOG = """
            2.50. Printing statistics.

            === Counter ===

               Number of wires:                 21
               Number of wire bits:             64
               Number of public wires:           6
               Number of public wire bits:      20
               Number of memories:               0
               Number of memory bits:            0
               Number of processes:              0
               Number of cells:                 32
                 BUFG                            1
                 CARRY4                          2
                 FDRE                            8
                 IBUF                            3
                 INV                             1
                 LUT6                            1
                 MUXF7                           4
                 MUXF8                           2
                 MUXF9                           1
                 OBUF                            9

               Estimated number of LCs:          1

            2.51. Executing CHECK pass (checking for obvious problems).
            Found and reported 0 problems.

            3. Printing statistics.

            === Counter ===

               Number of wires:                 21
               Number of cells:                 32
                 BUFG                            1
                 CARRY4                          2
                 FDRE                            8
                 IBUF                            3
                 INV                             1
                 LUT6                            1
                 MUXF7                           4
                 MUXF8                           2
                 MUXF9                           1
                 OBUF                            9

            4. Executing LTP pass (find longest path).
            Longest topological path in Counter (length=4):
                0: \\value [5]
            """;

    /** The shape of a block with memories and multipliers (cell names as Yosys prints them for xcup). */
    static final String MIXED_LOG = """
            === Mixed ===

               Number of wires:                100
               Number of cells:                 61
                 CARRY8                          3
                 DSP48E2                         4
                 FDCE                            2
                 FDRE                           20
                 FDSE                            1
                 LUT2                            5
                 LUT3                            6
                 LUT6_2                          1
                 RAM64M                          2
                 RAMB18E2                        1
                 RAMB36E2                        2
                 SRLC32E                         3
                 INV                            11

            Longest topological path in Mixed (length=7):
            """;

    @Test
    void countsTheLastStatBlockOfCounter() {
        YosysStat s = YosysStat.parse(COUNTER_LOG);
        assertEquals("Counter", s.module());
        assertEquals(1, s.lut());
        assertEquals(8, s.ff());
        assertEquals(2, s.carry());
        assertEquals(0, s.dsp());
        assertEquals(0, s.ramb18() + s.ramb36());
        assertEquals(4, s.depth());
        assertEquals(9, s.cells().get("OBUF"));
    }

    @Test
    void groupsPrimitivesIntoResources() {
        YosysStat s = YosysStat.parse(MIXED_LOG);
        assertEquals(12, s.lut());
        assertEquals(23, s.ff());
        assertEquals(5, s.lutram());
        assertEquals(3, s.carry());
        assertEquals(4, s.dsp());
        assertEquals(1, s.ramb18());
        assertEquals(2, s.ramb36());
        assertEquals(7, s.depth());
        String lines = s.synthLines("Mixed");
        assertTrue(lines.contains("SYNTH Mixed DSP48E2 4\n"), lines);
        assertTrue(lines.contains("SYNTH Mixed RAMB36 2\n"), lines);
        assertTrue(lines.contains("SYNTH Mixed LUT 12\n"), lines);
    }

    /** Captured from Yosys 0.23 (synth_xilinx -family xcup -noiopad on ControlPlane, hierarchy kept), cut down. */
    static final String HIERARCHY_LOG = """
            === ControlPlane ===

               Number of wires:                243
               Number of cells:                  8
                 AxiReadMaster_ADDR_WIDTH32_DATA_WIDTH128_OUTSTANDING4_LEN_WIDTH32      1
                 BUFG                            1
                 CARRY4                          1
                 CommandSequencer                1
                 ControlSlave                    1
                 LUT2                            2
                 LUT3                            1

            === ControlSlave ===

               Number of wires:                780
               Number of cells:               1637
                 CARRY4                         80
                 CommandTrace                    1
                 FDRE                          667
                 LUT6                          227

            === design hierarchy ===

               ControlPlane                      1
                 AxiReadMaster_ADDR_WIDTH32_DATA_WIDTH128_OUTSTANDING4_LEN_WIDTH32      1
                   BurstSplitter_ADDR_WIDTH32_LEN_WIDTH32_BEAT_BYTES16      1
                 CommandSequencer                1
                 ControlSlave                    1
                   CommandTrace                  1

               Number of wires:               2197
               Number of wire bits:          17254
               Number of cells:               4189
                 BUFG                            1
                 CARRY4                        245
                 DSP48E2                         2
                 FDRE                         1456
                 FDSE                            1
                 LUT2                          506
                 LUT6                          509
                 MUXF7                         280
                 RAM32M16                       23
                 RAMB36E2                        2

            121. Executing LTP pass (find longest path).

            Longest topological path in AxiReadMaster (length=14):
            Longest topological path in CommandSequencer (length=24):
            Longest topological path in ControlPlane (length=3):
            """;

    @Test
    void aHierarchicalRunCountsTheDesignHierarchysTotals() {
        YosysStat s = YosysStat.parse(HIERARCHY_LOG);
        assertEquals("ControlPlane", s.module(), "the top, not the last module listed");
        assertEquals(1015, s.lut());
        assertEquals(1457, s.ff());
        assertEquals(245, s.carry());
        assertEquals(23, s.lutram());
        assertEquals(2, s.dsp());
        assertEquals(2, s.ramb36());
        assertEquals(24, s.depth(), "the longest of the modules' paths");
        assertTrue(!s.cells().containsKey("CommandTrace"), "submodule instances are not cells of the totals");
    }

    @Test
    void noStatisticsIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> YosysStat.parse("ERROR: Module `\\Foo' not found!\n"));
        assertEquals(-1, YosysStat.parse(MIXED_LOG.replace("Longest topological path in Mixed (length=7):", "")).depth());
    }
}
