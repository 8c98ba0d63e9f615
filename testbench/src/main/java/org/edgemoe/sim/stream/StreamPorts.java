package org.edgemoe.sim.stream;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.edgemoe.hdl.core.Ground;
import org.edgemoe.hdl.lib.Stream;
import org.edgemoe.sim.Port;
import org.edgemoe.sim.Sim;
import org.edgemoe.sim.SimSignal;
import org.edgemoe.sim.ValueFormat;

/**
 * The signals of a valid/ready stream, found by SpinalHDL naming: {@code io_<name>_valid},
 * {@code io_<name>_ready} and a payload of one or several signals ({@code lanes}). A payload
 * of several lanes is, as one value, their concatenation with lane 0 in the lowest bits.
 */
public record StreamPorts(String name, SimSignal valid, SimSignal ready, List<SimSignal> lanes, List<ValueFormat> formats) {

    public StreamPorts {
        lanes = List.copyOf(lanes);
        formats = List.copyOf(formats);
        if (lanes.isEmpty()) throw new IllegalArgumentException("stream " + name + " has no payload signal");
        if (formats.size() != lanes.size()) {
            throw new IllegalArgumentException(formats.size() + " formats for the " + lanes.size() + " lanes of " + name);
        }
    }

    /** Lanes read as unsigned integers of their widths. */
    public StreamPorts(String name, SimSignal valid, SimSignal ready, List<SimSignal> lanes) {
        this(name, valid, ready, lanes, integers(lanes));
    }

    /** A stream whose payload is the single signal {@code payload}. */
    public StreamPorts(String name, SimSignal valid, SimSignal ready, SimSignal payload) {
        this(name, valid, ready, List.of(payload));
    }

    private static List<ValueFormat> integers(List<SimSignal> lanes) {
        List<ValueFormat> out = new ArrayList<>();
        for (SimSignal s : lanes) out.add(ValueFormat.integer(s.width(), false));
        return out;
    }

    /**
     * The stream port {@code field} of the hdl-core design {@code sim} runs ({@code dut.input}): valid, ready and
     * the payload's leaves in declaration order (lane 0 first), each with its format, so drivers take and
     * monitors and scoreboards show values in it ({@code -0.0703125 (raw 0xfb80)}).
     */
    public static StreamPorts of(Sim sim, Stream<?> field) {
        List<SimSignal> lanes = new ArrayList<>();
        List<ValueFormat> formats = new ArrayList<>();
        for (Ground g : field.payload.leaves()) {
            Port p = sim.port(g);
            lanes.add(p.signal());
            formats.add(p.format());
        }
        String valid = sim.port(field.valid).name();
        String base = valid.endsWith("_valid") ? valid.substring(0, valid.length() - "_valid".length()) : valid;
        return new StreamPorts(base, sim.port(field.valid).signal(), sim.port(field.ready).signal(), lanes, formats);
    }

    /** Whether a lane is a signed number (two's complement or signed fixed point). */
    public boolean signedLane(int k) {
        return formats.get(k).signed();
    }

    /**
     * Finds the stream {@code name} (with or without the {@code io_} prefix). The payload is
     * {@code io_<name>_payload} if that signal exists, otherwise every {@code io_<name>_payload_*}
     * signal in natural name order (digit runs compare as numbers: {@code _2} before {@code _10}).
     */
    public static StreamPorts of(Sim sim, String name) {
        String base = base(name);
        String single = base + "_payload";
        if (sim.hasSignal(single)) {
            return new StreamPorts(base, sim.signal(base + "_valid"), sim.signal(base + "_ready"), sim.signal(single));
        }
        List<String> names = new ArrayList<>();
        for (String s : sim.signalNames()) {
            if (s.startsWith(single + "_")) names.add(s);
        }
        if (names.isEmpty()) {
            // let Sim report the missing signal with its suggestions
            return new StreamPorts(base, sim.signal(base + "_valid"), sim.signal(base + "_ready"), sim.signal(single));
        }
        names.sort(NATURAL_ORDER);
        List<SimSignal> lanes = new ArrayList<>();
        for (String s : names) lanes.add(sim.signal(s));
        return new StreamPorts(base, sim.signal(base + "_valid"), sim.signal(base + "_ready"), lanes);
    }

    /** The stream {@code name} with an explicit payload: these signals, in this order (lane 0 first). */
    public static StreamPorts of(Sim sim, String name, List<SimSignal> payload) {
        String base = base(name);
        return new StreamPorts(base, sim.signal(base + "_valid"), sim.signal(base + "_ready"), payload);
    }

    /** Signals {@code <prefix>_0 .. <prefix>_<n-1>}, e.g. {@code lanes(sim, "io_input_payload_score", 4)}. */
    public static List<SimSignal> lanes(Sim sim, String prefix, int n) {
        List<SimSignal> out = new ArrayList<>();
        for (int k = 0; k < n; k++) out.add(sim.signal(prefix + "_" + k));
        return out;
    }

    /** The payload signal of a single-signal stream. */
    public SimSignal payload() {
        if (lanes.size() != 1) {
            throw new IllegalStateException("stream " + name + " has a payload of " + lanes.size() + " signals: " + lanes);
        }
        return lanes.get(0);
    }

    /** Total payload width in bits (sum of the lanes). */
    public int width() {
        int w = 0;
        for (SimSignal s : lanes) w += s.width();
        return w;
    }

    /** True when every lane fits a long (at most 64 bits). */
    public boolean lanesFitLong() {
        for (SimSignal s : lanes) {
            if (s.width() > 64) return false;
        }
        return true;
    }

    /** Splits {@code value} (lane 0 in the lowest bits; negative = two's complement of {@link #width()}) over the lanes. */
    BigInteger[] split(BigInteger value) {
        int total = width();
        BigInteger unsigned = value.signum() < 0 ? value.add(BigInteger.ONE.shiftLeft(total)) : value;
        if (unsigned.signum() < 0 || unsigned.bitLength() > total) {
            throw new IllegalArgumentException("value " + value + " does not fit the " + total + "-bit payload of " + name);
        }
        BigInteger[] out = new BigInteger[lanes.size()];
        int lo = 0;
        for (int k = 0; k < out.length; k++) {
            int w = lanes.get(k).width();
            out[k] = unsigned.shiftRight(lo).and(BigInteger.ONE.shiftLeft(w).subtract(BigInteger.ONE));
            lo += w;
        }
        return out;
    }

    private static String base(String name) {
        return name.startsWith("io_") ? name : "io_" + name;
    }

    /** Name order in which runs of digits compare by value. */
    static final Comparator<String> NATURAL_ORDER = StreamPorts::compareNatural;

    private static int compareNatural(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char ca = a.charAt(i);
            char cb = b.charAt(j);
            if (Character.isDigit(ca) && Character.isDigit(cb)) {
                int ei = i;
                while (ei < a.length() && Character.isDigit(a.charAt(ei))) ei++;
                int ej = j;
                while (ej < b.length() && Character.isDigit(b.charAt(ej))) ej++;
                int c = new BigInteger(a.substring(i, ei)).compareTo(new BigInteger(b.substring(j, ej)));
                if (c != 0) return c;
                i = ei;
                j = ej;
            } else {
                if (ca != cb) return Character.compare(ca, cb);
                i++;
                j++;
            }
        }
        int c = Integer.compare(a.length() - i, b.length() - j);
        return c != 0 ? c : a.compareTo(b);
    }
}
