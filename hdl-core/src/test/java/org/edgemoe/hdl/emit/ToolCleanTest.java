package org.edgemoe.hdl.emit;

import static org.edgemoe.hdl.core.Hdl.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.Module;
import org.edgemoe.hdl.fixed.Overflow;
import org.edgemoe.hdl.fixed.Rounding;
import org.edgemoe.hdl.core.UInt;
import org.edgemoe.hdl.emit.EmittedDesign;
import org.edgemoe.hdl.examples.CounterExample;
import org.edgemoe.hdl.examples.ExampleDesigns;
import org.edgemoe.hdl.ir.ClockConfig;
import org.edgemoe.hdl.fixed.FixFormat;
import org.edgemoe.hdl.testing.Emit;
import org.edgemoe.hdl.testing.Tool;
import org.edgemoe.hdl.testing.Workdir;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every example and a few test designs pass Verilator -Wall lint, Yosys hierarchy and Icarus elaboration cleanly. */
class ToolCleanTest {

    @TempDir Path tmp;

    /** A design exercising when/switch, Vec, mixed arithmetic, fixed point, async low reset and two CounterExample variants. */
    static final class Mixed extends Module {
        final Bool en = in(Bool());
        final UInt sel = in(UInt(2));
        final UInt a = in(UInt(8));
        final UInt y = out(UInt(8));
        final UInt z = out(UInt(8));
        final org.edgemoe.hdl.core.Fix fx = in(SFix(3, 4));
        final org.edgemoe.hdl.core.Fix fy = out(SFix(2, 1));
        final CounterExample c4;
        final CounterExample c8;

        Mixed() {
            clockConfig(ClockConfig.DEFAULT.withAsyncReset().withActiveLowReset());
            c4 = instance(new CounterExample(4));
            c8 = instance(new CounterExample(8));
            c4.enable.set(en);
            c8.enable.set(en.not());
            UInt r = reg(UInt(8)).init(0);
            when(en, () -> r.set(r.plus(a))).elsewhen(sel.eq(3), () -> r.set(r.minus(1)));
            UInt w = wire(UInt(8));
            switchOn(sel)
                .is(0, () -> w.set(c4.count))
                .is(1, () -> w.set(c8.count))
                .otherwise(() -> w.set(r));
            y.set(w);
            z.set(a.times(sel).resize(8).xor(a.shr(sel)));
            fy.set(fx.resize(FixFormat.sfix(2, 1), Rounding.CONVERGENT, Overflow.SATURATE));
        }
    }

    static Stream<Arguments> designs() {
        Map<String, Supplier<? extends Module>> m = new LinkedHashMap<>(ExampleDesigns.all());
        m.put("Mixed", Mixed::new);
        m.put("FsmUtils", org.edgemoe.hdl.lib.FsmUtilsSimTest.FsmUtils::new);
        m.put("StreamPipeline", org.edgemoe.hdl.lib.StreamOpsSimTest::pipeline);
        m.put("ArbiterROUNDROBIN", () -> org.edgemoe.hdl.lib.StreamOpsSimTest.arbiter(org.edgemoe.hdl.lib.StreamArbiter.Policy.ROUND_ROBIN));
        List<Arguments> out = new ArrayList<>();
        m.forEach((name, s) -> out.add(Arguments.of(name, s)));
        return out.stream();
    }

    private List<String> emit(String top, Supplier<? extends Module> s) {
        EmittedDesign d = Emit.of(s);
        assertEquals(top, d.tops().get(0));
        return Workdir.write(d, tmp);
    }

    @ParameterizedTest(name = "{0}") @MethodSource("designs")
    void verilatorLintWallIsClean(String top, Supplier<? extends Module> s) {
        Tool.assumeVerilator();
        List<String> files = emit(top, s);
        Tool.Result r = Tool.run(tmp, Tool.concat(List.of("verilator", "--lint-only", "-Wall", "--top-module", top), files), 300);
        assertEquals(0, r.exitCode(), r.output());
        assertEquals("", r.output().strip(), "verilator warnings");
    }

    @ParameterizedTest(name = "{0}") @MethodSource("designs")
    void yosysHierarchyIsClean(String top, Supplier<? extends Module> s) {
        Tool.assumeYosys();
        List<String> files = emit(top, s);
        Tool.Result r = Tool.run(tmp, List.of("yosys", "-q", "-p",
                "read_verilog " + String.join(" ", files) + "; hierarchy -check -top " + top), 300);
        assertEquals(0, r.exitCode(), r.output());
        assertEquals("", r.output().strip(), "yosys warnings");
    }

    @ParameterizedTest(name = "{0}") @MethodSource("designs")
    void icarusElaboratesCleanly(String top, Supplier<? extends Module> s) {
        Tool.assumeIverilog();
        List<String> files = emit(top, s);
        Tool.Result r = Tool.run(tmp, Tool.concat(List.of("iverilog", "-g2005", "-Wall", "-s", top, "-o", "/dev/null"), files), 300);
        assertEquals(0, r.exitCode(), r.output());
        assertEquals("", r.output().strip(), "iverilog warnings");
    }
}
