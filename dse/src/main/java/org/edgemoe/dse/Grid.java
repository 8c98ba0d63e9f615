package org.edgemoe.dse;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The sweeps. {@code quick} (the default of {@code make dse}): square arrays 8, 16, 32; attention 4, 8, 16 lanes of 64;
 * both profiles; 1, 2 or 4 weight ports of 128 bits; DDR at half and at the ZCU102's 17.06 GB/s; 300 MHz: 108
 * points. {@code full} ({@code -Ddse.grid=full}): arrays 4 .. 64, attention 2 .. 32 lanes of 32 or 64, 1 .. 4 ports of
 * 64 or 128 bits, DDR 8.53 / 17.06 / 34.12 GB/s, 200 or 300 MHz: 4,800 points. The default point is always included.
 */
public final class Grid {
    private Grid() { }

    public static List<DesignPoint> of(String name) {
        return switch (name) {
            case "quick" -> grid(new int[] {8, 16, 32}, new int[] {4, 8, 16}, new int[] {64}, new int[] {1, 2, 4}, new int[] {16},
                    new double[] {8.53, 17.06}, new double[] {300});
            case "full" -> grid(new int[] {4, 8, 16, 32, 64}, new int[] {2, 4, 8, 16, 32}, new int[] {32, 64}, new int[] {1, 2, 3, 4},
                    new int[] {8, 16}, new double[] {8.53, 17.06, 34.12}, new double[] {200, 300});
            default -> throw new IllegalArgumentException("unknown grid " + name + ": quick or full (-Ddse.grid=)");
        };
    }

    static List<DesignPoint> grid(int[] rows, int[] lanes, int[] beats, int[] ports, int[] portBytes, double[] gbps, double[] mhz) {
        LinkedHashSet<DesignPoint> out = new LinkedHashSet<>();
        out.add(DesignPoint.defaults());
        for (int r : rows) {
            for (int p : lanes) {
                for (int l : beats) {
                    for (String profile : List.of("dsp18", "published")) {
                        for (int w : ports) {
                            for (int b : portBytes) {
                                for (double g : gbps) {
                                    for (double f : mhz) {
                                        out.add(new DesignPoint(r, p, l, profile, w, b, g, 45, f));
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return new ArrayList<>(out);
    }
}
