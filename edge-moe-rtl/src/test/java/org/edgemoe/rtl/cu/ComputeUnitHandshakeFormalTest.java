package org.edgemoe.rtl.cu;

import static org.edgemoe.hdl.core.Hdl.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.edgemoe.hdl.core.Bits;
import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.Data;
import org.edgemoe.hdl.core.Module;
import org.edgemoe.hdl.core.UInt;
import org.edgemoe.hdl.lib.Stream;
import org.edgemoe.model.hw.Formats;
import org.edgemoe.sim.formal.Formal;
import org.edgemoe.sim.formal.FormalResult;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The compute unit's command handshake, checked with Yosys on a 2 x 2 array: the environment keeps every input
 * stream's valid and payload until ready and sends only legal commands (assumptions); the unit must hold each output
 * beat until it is taken, never output a beat no command asked for, and never report idle while an accepted
 * command still owes outputs (so no accepted command is lost). The harness only uses the unit's ports.
 */
class ComputeUnitHandshakeFormalTest {
    static final CuConfig SMALL = CuConfig.of(2, 2, Formats.published()).withLimits(4, 4, 2);

    /** Free inputs for the unit's streams, the environment's promises as assumptions, the unit's as assertions. */
    static final class Harness extends Module {
        final ComputeUnit cu;
        final Bool busy = out(Bool());

        Harness(CuConfig cfg) {
            cu = instance(new ComputeUnit(cfg));
            feed(cu.cmd, "cmd");
            feed(cu.weight, "weight");
            feed(cu.x, "x");
            feed(cu.dest, "dest");
            Bool yReady = in(Bool()).named("yReady");
            cu.y.ready.set(yReady);
            busy.set(cu.busy);

            CuCmd c = cu.cmd.payload;
            int rowBits = Integer.numberOfTrailingZeros(cfg.rows());
            int colBits = Integer.numberOfTrailingZeros(cfg.cols());
            when(cu.cmd.valid, () -> {
                assume(c.inSize.ne(0).and(c.inSize.le(cfg.maxInSize())).and(c.inSize.slice(rowBits - 1, 0).asUInt().eq(0)),
                        "inSize %d: a multiple of the rows, at most the limit", c.inSize);
                assume(c.outSize.ne(0).and(c.outSize.le(cfg.maxOutSize())).and(c.outSize.slice(colBits - 1, 0).asUInt().eq(0)),
                        "outSize %d: a multiple of the columns, at most the limit", c.outSize);
                assume(c.tokens.ne(0).and(c.tokens.le(cfg.maxTokens())), "tokens %d: 1 to the limit", c.tokens);
            });

            // outputs owed: (outSize / cols) * tokens beats per accepted command
            int ow = 12;
            UInt owed = reg(UInt(ow)).init(0).named("owed");
            UInt beats = c.outSize.shr(colBits).resize(ow / 2).times(c.tokens.resize(ow / 2)).named("beats");
            Bool take = cu.cmd.fire();
            Bool give = cu.y.fire();
            when(take.and(give.not()), () -> owed.set(owed.plus(beats)))
                    .elsewhen(take.and(give), () -> owed.set(owed.plus(beats).minus(1)))
                    .elsewhen(give, () -> owed.set(owed.minus(1)));

            Bool yWaited = regNext(cu.y.valid.and(yReady.not())).init(false).named("yWaited");
            Bits yBefore = regNext(cu.y.payload.toBits()).named("yBefore");
            assertAlways(yWaited.not().or(cu.y.valid.and(cu.y.payload.toBits().eq(yBefore))),
                    "y beat withdrawn or changed before it was taken (valid %d)", cu.y.valid);
            assertAlways(cu.y.valid.not().or(owed.ne(0)), "a y beat that no accepted command asked for");
            assertAlways(cu.busy.or(owed.eq(0)), "idle while accepted commands still owe %d beats: a command was lost", owed);
        }

        /** The stream's inputs come from free ports; the environment holds valid and payload until ready. */
        private <T extends Data> void feed(Stream<T> s, String name) {
            Bool valid = in(Bool()).named(name + "Valid");
            @SuppressWarnings("unchecked")
            T payload = (T) in(s.payload.cloneType()).named(name + "Payload");
            s.valid.set(valid);
            s.payload.set(payload);
            Bool waited = regNext(valid.and(s.ready.not())).init(false).named(name + "Waited");
            Bits before = regNext(payload.toBits()).named(name + "Before");
            assume(waited.not().or(valid.and(payload.toBits().eq(before))), name + ": valid and payload held until ready");
        }
    }

    @Test
    void commandsAreNeitherLostNorInventedAndOutputsWaitForReady() {
        Assumptions.assumeTrue(onPath("yosys"), "yosys is not installed: sudo apt-get install -y yosys");
        FormalResult r = Formal.of(() -> new Harness(SMALL)).bounded(24);
        System.out.println("FORMAL cu2x2.handshake.bmc24 " + String.format("%.1f", r.seconds()) + " s");
        r.assertNoCounterexample();
        assertEquals(FormalResult.Status.BOUNDED, r.status());
    }

    static boolean onPath(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, tool))) return true;
        }
        return false;
    }
}
