package org.edgemoe.hdl.lib;

import static org.edgemoe.hdl.core.Hdl.*;
import static org.edgemoe.hdl.lib.Utils.*;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.edgemoe.hdl.core.Bits;
import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.HdlEnum;
import org.edgemoe.hdl.core.Module;
import org.edgemoe.hdl.core.UInt;
import org.edgemoe.hdl.lib.Counter;
import org.edgemoe.hdl.lib.Timeout;
import org.edgemoe.hdl.testing.Emit;
import org.edgemoe.hdl.testing.IcarusSim;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An enum state machine with Counter, Timeout and the small utilities, in Icarus against a Java model. */
public class FsmUtilsSimTest {

    public enum State { IDLE, RUN, WAIT }

    /** Also linted by ToolCleanTest. */
    public static final class FsmUtils extends Module {
        final Bool go = in(Bool());
        final Bool stop = in(Bool());
        final Bits x = in(Bits(8));
        final UInt stateOut = out(UInt(2));
        final UInt count = out(UInt(3));
        final Bool rise = out(Bool());
        final Bool fall = out(Bool());
        final Bits d2 = out(Bits(8));
        final UInt oh = out(UInt(3));
        final UInt pc = out(UInt(4));
        final UInt clz = out(UInt(4));
        final Bits dec = out(Bits(8));
        final Bool busy = out(Bool());
        final Bool timedOut = out(Bool());
        final HdlEnum<State> state = reg(Enum(State.class)).init(State.IDLE);
        final Counter cnt = new Counter(5);
        final Timeout to = new Timeout(3);

        public FsmUtils() {
            noIoPrefix();
            switchOn(state)
                .is(State.IDLE, () -> when(go, () -> {
                    state.set(State.RUN);
                    cnt.clear();
                }))
                .is(State.RUN, () -> {
                    cnt.increment();
                    when(cnt.willOverflow, () -> {
                        state.set(State.WAIT);
                        to.clear();
                    }).elsewhen(stop, () -> state.set(State.IDLE));
                })
                .is(State.WAIT, () -> when(to.state, () -> state.set(State.IDLE)));
            stateOut.set(state.asUInt());
            count.set(cnt.value);
            rise.set(risingEdge(go));
            fall.set(fallingEdge(go));
            d2.set(Delay(x, 2));
            oh.set(OHToUInt(x));
            pc.set(popCount(x));
            clz.set(countLeadingZeros(x));
            dec.set(UIntToOH(x.slice(2, 0).asUInt()));
            busy.set(state.isOneOf(State.RUN, State.WAIT));
            timedOut.set(to.state);
        }
    }

    @TempDir Path tmp;

    @Test void stateMachineAndUtilitiesMatchTheModel() {
        int cycles = 120;
        Random rnd = new Random(5);
        int[] go = new int[cycles];
        int[] stop = new int[cycles];
        int[] xs = new int[cycles];
        for (int i = 0; i < cycles; i++) {
            go[i] = rnd.nextInt(3) == 0 ? 1 : 0;
            stop[i] = rnd.nextInt(8) == 0 ? 1 : 0;
            xs[i] = rnd.nextInt(256);
        }
        StringBuilder tb = new StringBuilder("""
                `timescale 1ns/1ps
                module tb;
                  reg clk = 0, reset = 1, go = 0, stop = 0;
                  reg [7:0] x = 0;
                  wire [1:0] stateOut; wire [2:0] count, oh; wire rise, fall, busy, timedOut;
                  wire [7:0] d2, dec; wire [3:0] pc, clz;
                  FsmUtils dut(.clk(clk), .reset(reset), .go(go), .stop(stop), .x(x), .stateOut(stateOut), .count(count),
                    .rise(rise), .fall(fall), .d2(d2), .oh(oh), .pc(pc), .clz(clz), .dec(dec), .busy(busy), .timedOut(timedOut));
                  initial begin
                    #1 clk = 1; #1 clk = 0; reset = 0;
                """);
        for (int i = 0; i < cycles; i++) {
            tb.append("    go = ").append(go[i]).append("; stop = ").append(stop[i]).append("; x = ").append(xs[i])
                    .append("; #1 $display(\"R %0d %0d %0d %0d %0d %0d %0d %0d %0d %0d %0d\", stateOut, count, rise, fall, d2, oh, pc, clz, dec, busy, timedOut); clk = 1; #1 clk = 0;\n");
        }
        tb.append("    $display(\"DONE\"); $finish;\n  end\nendmodule\n");

        List<String> expected = new ArrayList<>();
        int state = 0;
        int cnt = 0;
        int toCnt = 0;
        boolean toState = false;
        int lastGo = 0;
        Integer d1 = 0; // sampled at the reset edge (x = 0)
        Integer d2 = null;
        int visitedWait = 0;
        for (int i = 0; i < cycles; i++) {
            int x = xs[i];
            int oh = 0;
            for (int b = 0; b < 8; b++) {
                if ((x >> b & 1) != 0) {
                    oh |= b;
                }
            }
            int clz = x == 0 ? 8 : Integer.numberOfLeadingZeros(x) - 24;
            expected.add(state + " " + cnt + " " + (go[i] == 1 && lastGo == 0 ? 1 : 0) + " " + (go[i] == 0 && lastGo == 1 ? 1 : 0)
                    + " " + (d2 == null ? "x" : d2) + " " + oh + " " + Integer.bitCount(x) + " " + clz + " " + (1 << (x & 7))
                    + " " + (state != 0 ? 1 : 0) + " " + (toState ? 1 : 0));
            boolean inc = false;
            boolean clr = false;
            boolean toClear = false;
            int next = state;
            if (state == 0) {
                if (go[i] == 1) {
                    next = 1;
                    clr = true;
                }
            } else if (state == 1) {
                inc = true;
                if (cnt == 4) {
                    next = 2;
                    toClear = true;
                    visitedWait++;
                } else if (stop[i] == 1) {
                    next = 0;
                }
            } else if (toState) {
                next = 0;
            }
            state = next;
            cnt = clr ? 0 : inc ? (cnt == 4 ? 0 : cnt + 1) : cnt;
            boolean toInc = !toState;
            boolean toWrap = toInc && toCnt == 2;
            toCnt = toClear ? 0 : toInc ? (toCnt == 2 ? 0 : toCnt + 1) : toCnt;
            toState = !toClear && (toWrap || toState);
            lastGo = go[i];
            d2 = d1;
            d1 = x;
        }
        assertTrue(visitedWait >= 2, "the stimulus must reach WAIT at least twice");
        IcarusSim.assertLines(expected, IcarusSim.run(Emit.of(FsmUtils::new), tb.toString(), tmp));
    }

    @Test void areaFieldsAreNamedAfterTheirHolder() {
        String v = Emit.of(FsmUtils::new).files().get("FsmUtils.v");
        assertTrue(v.contains("cnt_value"), v);
        assertTrue(v.contains("to_state"), v);
        assertTrue(v.contains("to_counter_value"), v);
        assertTrue(v.contains("/* State.WAIT and unused codes */"), v);
    }
}
