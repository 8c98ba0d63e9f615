package org.edgemoe.hdl.lib;

import static org.edgemoe.hdl.core.Hdl.*;
import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.edgemoe.hdl.core.Bits;
import org.edgemoe.hdl.testing.TestModule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Width adapters in Icarus under random valid/ready: round trips keep every beat in order; widening is little-endian. */
class StreamWidthAdapterTest {
    @TempDir Path tmp;

    private static StreamTb tb() {
        StreamTb tb = new StreamTb();
        tb.producers.add("in");
        tb.consumers.add("out");
        tb.cycles = 600;
        tb.drain = 80;
        return tb;
    }

    @Test void widenThenNarrowKeepsEveryBeatInOrder() {
        StreamTb tb = tb();
        tb.run(() -> new TestModule("WidthRoundTrip", () -> {
            Stream<Bits> in = slave(new Stream<>(Bits(8))).named("in");
            Stream<Bits> out = master(new Stream<>(Bits(8))).named("out");
            out.driveFrom(StreamWidthAdapter.adapt(StreamWidthAdapter.adapt(in, 32), 8));
        }), tmp);
        List<Integer> in = tb.of("i0");
        List<Integer> out = tb.of("o0");
        assertTrue(out.size() > 100, "transfers: " + out.size());
        assertEquals(in.subList(0, out.size()), out);
        assertTrue(in.size() - out.size() < 4, "at most one partial wide word left: " + in.size() + " in, " + out.size() + " out");
    }

    @Test void theFirstNarrowBeatLandsInTheLowBits() {
        StreamTb tb = tb();
        tb.run(() -> new TestModule("WidthSwap", () -> {
            Stream<Bits> in = slave(new Stream<>(Bits(8))).named("in");
            Stream<Bits> out = master(new Stream<>(Bits(8))).named("out");
            Stream<Bits> wide = StreamWidthAdapter.adapt(in, 16);
            Stream<Bits> swapped = wide.map(w -> cat(w.slice(7, 0), w.slice(15, 8)));
            out.driveFrom(StreamWidthAdapter.adapt(swapped, 8));
        }), tmp);
        List<Integer> in = tb.of("i0");
        List<Integer> out = tb.of("o0");
        List<Integer> want = new ArrayList<>();
        for (int i = 0; i + 1 < in.size(); i += 2) {
            want.add(in.get(i + 1));
            want.add(in.get(i));
        }
        assertTrue(out.size() > 100);
        assertEquals(want.subList(0, out.size()), out);
    }

    @Test void widthsMustDivide() {
        Exception e = assertThrows(Exception.class, () -> org.edgemoe.hdl.testing.Elab.build(() -> new StreamWidthAdapter(8, 12)));
        Throwable t = e;
        while (t.getCause() != null && !String.valueOf(t.getMessage()).contains("8 -> 12")) {
            t = t.getCause();
        }
        assertTrue(String.valueOf(t.getMessage()).contains("widths must divide each other: 8 -> 12"), e.toString());
    }
}
