package org.edgemoe.hdl.verilog;

import static org.edgemoe.hdl.core.Hdl.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.edgemoe.hdl.core.Bits;
import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.Elaboration;
import org.edgemoe.hdl.core.Module;
import org.edgemoe.hdl.core.SInt;
import org.edgemoe.hdl.core.UInt;
import org.edgemoe.hdl.emit.EmittedDesign;
import org.edgemoe.hdl.emit.VerilogEmitter;
import org.edgemoe.hdl.lib.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportedModuleTest {

    static final String STAGE_V = """
            // A registered stream stage with SpinalHDL port names.
            module Stage #(parameter WIDTH = 4, parameter TAG = 3) (
              input  wire             io_push_valid,
              output wire             io_push_ready,
              input  wire [WIDTH-1:0] io_push_payload,
              output reg              io_pop_valid,
              input  wire             io_pop_ready,
              output reg  [WIDTH-1:0] io_pop_payload,
              output wire signed [TAG-1:0] io_tag,
              input  wire             clk,
              input  wire             reset
            );
              assign io_push_ready = !io_pop_valid || io_pop_ready;
              assign io_tag = -1;
              always @(posedge clk) begin
                if (reset) io_pop_valid <= 1'b0;
                else if (io_push_ready) begin
                  io_pop_valid <= io_push_valid;
                  io_pop_payload <= io_push_payload;
                end
              end
            endmodule
            """;

    static final VerilogModule STAGE = new VerilogImporter().parse(STAGE_V, "Stage.v").get(0);

    /** A Java design around the imported stage, with WIDTH overridden to 8. */
    static final class Wrapper extends Module {
        final Stream<Bits> in = slave(new Stream<>(Bits(8)));
        final Stream<Bits> out = master(new Stream<>(Bits(8)));
        final SInt tag = out(SInt(5));
        final ImportedModule stage;

        Wrapper() {
            stage = instance(new ImportedModule(STAGE, Map.of("WIDTH", 8, "TAG", 5), true));
            stage.<Bits>stream("push").driveFrom(in);
            out.driveFrom(stage.stream("io_pop"));
            tag.set(stage.<SInt>port("io_tag"));
        }
    }

    @Test
    void portsAreTypedAndStreamsGrouped() {
        EmittedDesign d = new VerilogEmitter().add(Elaboration.elaborate(Wrapper::new).topIR()).render();
        String top = d.module("Wrapper").replaceAll(" +\\(", "(");
        assertTrue(top.contains("Stage #(\n    .WIDTH(8),\n    .TAG(5)\n  ) stage("), top);
        assertTrue(top.contains(".clk(clk)"), top);
        assertTrue(top.contains(".reset(reset)"), top);
        assertTrue(top.contains(".io_push_payload("), top);
        assertEquals(STAGE_V, d.files().get("Stage.v"), "the embedded source is written next to the design");
        // the wrapper gets the clock domain through the mapped ports
        VerilogModule w = new VerilogImporter().parse(d.module("Wrapper"), "Wrapper.v").get(0);
        assertTrue(w.port("clk").isPresent() && w.port("reset").isPresent(), w.describe());
    }

    @Test
    void importedBoxLintsCleanInsideAJavaDesign(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(onPath("verilator"), "verilator not installed");
        new VerilogEmitter().add(Elaboration.elaborate(Wrapper::new).topIR()).write(dir);
        List<String> cmd = new ArrayList<>(List.of("verilator", "--lint-only", "-Wall", "--top-module", "Wrapper"));
        cmd.add(dir.resolve("Wrapper.v").toString());
        cmd.add(dir.resolve("Stage.v").toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), log);
        assertEquals("", log.strip());
    }

    static final class Misuse extends Module {
        Misuse() {
            ImportedModule s = instance(new ImportedModule(STAGE));
            s.stream("nope");
        }
    }

    @Test
    void unknownNamesAreClearErrors() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Elaboration.elaborate(Misuse::new));
        assertTrue(e.getMessage().contains("has no stream nope; streams: [io_push, io_pop]"), e.getMessage());
    }

    static final class Fields extends Module {
        final UInt a = out(UInt(8));
        final Bool b = out(Bool());

        Fields() {
            VerilogModule m = new VerilogImporter().parse("""
                    module Src (output x_valid, input x_ready, output [7:0] x_payload_a, output x_payload_b);
                    endmodule
                    """, "Src.v").get(0);
            ImportedModule s = instance(new ImportedModule(m));
            Stream<ImportedModule.Fields> x = s.stream("x");
            x.ready.set(B(true));
            a.set(x.payload.<UInt>field("a"));
            b.set(x.payload.<Bool>field("b"));
        }
    }

    @Test
    void severalPayloadFieldsMakeABundle() {
        String top = new VerilogEmitter().add(Elaboration.elaborate(Fields::new).topIR()).render().module("Fields")
                .replaceAll(" +\\(", "(");
        assertTrue(top.contains(".x_payload_a(") && top.contains(".x_payload_b("), top);
    }

    static boolean onPath(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(d, tool))) {
                return true;
            }
        }
        return false;
    }
}
