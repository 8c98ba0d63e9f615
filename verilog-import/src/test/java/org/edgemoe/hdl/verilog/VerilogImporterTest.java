package org.edgemoe.hdl.verilog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerilogImporterTest {

    private static List<VerilogModule> parse(String text) {
        return new VerilogImporter().parse(text, "t.v");
    }

    private static String ports(VerilogModule m) {
        return String.join("; ", m.ports().stream().map(VerilogPort::describe).toList());
    }

    @Test
    void ansiPortsWithParameterExpressions() {
        VerilogModule m = parse("""
                `timescale 1ns/1ps
                (* keep_hierarchy = "yes" *)
                module Fifo #(
                  parameter WIDTH = 8,
                  parameter integer DEPTH = 2 ** 4,   // 16
                  parameter AW = $clog2(DEPTH),
                  localparam LAST = (DEPTH - 1) % 7 + (1 << 2) - (32 >> 3) + 10 / 3
                ) (
                  input  wire                 clk, reset,
                  (* mark *) input wire [WIDTH-1:0] io_push_payload,
                  input                       io_push_valid,
                  output                      io_push_ready,
                  output reg signed [WIDTH*2-1:0] io_pop_payload,
                  output reg                  io_pop_valid,
                  input  wire                 io_pop_ready,
                  output wire [AW:0]          io_occupancy,
                  output wire [0:LAST]        io_up
                );
                  /* a comment with module x; and endmodule */
                  reg [7:0] mem [0:DEPTH-1];
                  always @(*) begin $display("endmodule module"); end
                  function [3:0] f; input [3:0] a; f = a; endfunction
                  assign io_occupancy = 0;
                endmodule
                """).get(0);
        assertEquals("Fifo", m.name());
        assertEquals(List.of(8L, 16L, 4L, 15L % 7 + 4 - 4 + 3), m.parameters().stream().map(VerilogParameter::value).toList());
        assertTrue(m.parameter("LAST").orElseThrow().local());
        assertEquals("input clk; input reset; input [7:0] io_push_payload; input io_push_valid; output io_push_ready; "
                + "output signed [15:0] io_pop_payload; output io_pop_valid; input io_pop_ready; output [4:0] io_occupancy; "
                + "output [0:4] io_up", ports(m));
        assertEquals(5, m.port("io_up").orElseThrow().width());

        VerilogModule wide = m.withParameters(Map.of("WIDTH", 12, "DEPTH", 100));
        assertEquals(12, wide.port("io_push_payload").orElseThrow().width());
        assertEquals(24, wide.port("io_pop_payload").orElseThrow().width());
        assertEquals(8, wide.port("io_occupancy").orElseThrow().width()); // $clog2(100) = 7
        assertEquals(16, m.port("io_pop_payload").orElseThrow().width(), "the original is unchanged");
        assertThrows(IllegalArgumentException.class, () -> m.withParameters(Map.of("LAST", 1)));
        assertThrows(IllegalArgumentException.class, () -> m.withParameters(Map.of("NOPE", 1)));

        List<StreamGroup> streams = m.streams();
        assertEquals(2, streams.size());
        assertEquals("io_push", streams.get(0).name());
        assertFalse(streams.get(0).master());
        assertEquals("io_pop", streams.get(1).name());
        assertTrue(streams.get(1).master());
    }

    @Test
    void nonAnsiPortsAndBodyParameters() {
        List<VerilogModule> ms = parse("""
                module Old(a, b, q, s);
                  parameter N = 3;
                  localparam M = N + 1;
                  input [N-1:0] a;
                  input signed [M:0] b;
                  output q;
                  output s;
                  reg [7:0] q;
                  wire signed [2:0] s;
                  always @(posedge a[0]) q <= 1;
                endmodule
                module \\esc$name (input x);
                endmodule
                macromodule Empty;
                endmodule
                """);
        assertEquals(List.of("Old", "esc$name", "Empty"), ms.stream().map(VerilogModule::name).toList());
        VerilogModule old = ms.get(0);
        assertEquals("input [2:0] a; input signed [4:0] b; output [7:0] q; output signed [2:0] s", ports(old));
        assertFalse(old.parameter("N").orElseThrow().local());
        assertEquals(5, old.withParameters(Map.of("N", 5)).port("a").orElseThrow().width());
        assertTrue(ms.get(2).ports().isEmpty());
    }

    @Test
    void directives(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("widths.vh"), "`define W 6\n`define WW (`W * 2)\n");
        Path f = dir.resolve("top.v");
        Files.writeString(f, """
                `include "widths.vh"
                `default_nettype none
                `ifdef SIM
                module Top (input [`WW-1:0] a);
                `elsif OTHER
                module Top (input [1:0] a);
                `else
                module Top (input [`W-1:0] a);
                `endif
                endmodule
                """);
        assertEquals(6, new VerilogImporter().module(f, "Top").port("a").orElseThrow().width());
        assertEquals(12, new VerilogImporter().define("SIM", "").module(f, "Top").port("a").orElseThrow().width());
        assertEquals(2, new VerilogImporter().define("OTHER", "1").module(f, "Top").port("a").orElseThrow().width());
    }

    @Test
    void syntaxErrorsNameFileLineAndColumn(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("bad.v");
        Files.writeString(f, "// first line\nmodule Bad (\n  input [3:0 a\n);\nendmodule\n");
        VerilogImportException e = assertThrows(VerilogImportException.class, () -> new VerilogImporter().parseFile(f));
        assertEquals(3, e.line());
        assertEquals(14, e.column()); // the 'a' after the missing ]
        assertTrue(e.getMessage().startsWith(f + ":3:14: syntax error"), e.getMessage());

        VerilogImportException macro = assertThrows(VerilogImportException.class,
                () -> parse("module M (\n  input [`NOPE:0] a);\nendmodule\n"));
        assertEquals("t.v:2:10: undefined macro `NOPE", macro.getMessage());

        VerilogImportException range = assertThrows(VerilogImportException.class,
                () -> parse("module M (input [X-1:0] a);\nendmodule\n"));
        assertTrue(range.getMessage().startsWith("t.v:1:18: cannot evaluate the range of port a: unknown name X"), range.getMessage());

        VerilogImportException missing = assertThrows(VerilogImportException.class,
                () -> parse("module M (a);\n  wire a;\nendmodule\n"));
        assertTrue(missing.getMessage().startsWith("t.v:1:11: port a of M has no direction"), missing.getMessage());
    }

    @Test
    void errorLinesInsideIncludedFilesPointThere(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("inc.vh"), "\n\nmodule Inc (input [3:0 a);\nendmodule\n");
        Path f = dir.resolve("top.v");
        Files.writeString(f, "// top\n`include \"inc.vh\"\n");
        VerilogImportException e = assertThrows(VerilogImportException.class, () -> new VerilogImporter().parseFile(f));
        assertTrue(e.file().endsWith("inc.vh"), e.file());
        assertEquals(3, e.line());
    }

    @Test
    void streamPayloadShapes() {
        VerilogModule m = parse("""
                module S (
                  input  x_valid, output x_ready, input [7:0] x_payload_a, input x_payload_b,
                  output io_v_valid, input io_v_ready,
                  output signed [15:0] io_v_payload_0, output signed [15:0] io_v_payload_1,
                  input y_valid, input y_ready, input [3:0] y_payload
                );
                endmodule
                """).get(0);
        List<StreamGroup> s = m.streams();
        assertEquals(List.of("x", "io_v"), s.stream().map(StreamGroup::name).toList(), "y has two inputs: not a stream");
        assertEquals(List.of("a", "b"), s.get(0).payload().stream().map(p -> s.get(0).fieldName(p)).toList());
        assertFalse(s.get(0).isVec());
        assertTrue(s.get(1).isVec());
        assertEquals("v", s.get(1).shortName());
    }
}
