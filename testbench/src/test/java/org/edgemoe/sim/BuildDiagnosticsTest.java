package org.edgemoe.sim;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BuildDiagnosticsTest {
    @Test
    void compilerFailureKeepsTheErrorLinesWithFileAndLine() {
        String output = String.join("\n",
            "In file included from edgemoe_hot_0.cpp:2:",
            "Vdut___024root__DepSet_h1__0.cpp: In function 'void f()':",
            "Vdut___024root__DepSet_h1__0.cpp:12:5: error: 'x' was not declared in this scope",
            "   12 |     x = 1;",
            "      |     ^");
        SimBuildException e = BuildDiagnostics.compilerFailed("model Top",
            new CommandResult(List.of("g++", "-c", "edgemoe_hot_0.cpp"), 1, output));
        assertTrue(e.getMessage().contains("Vdut___024root__DepSet_h1__0.cpp:12:5: error: 'x' was not declared"),
            e.getMessage());
        assertFalse(e.getMessage().contains("   12 |"), "context lines are dropped when error lines exist");
        assertTrue(e.getMessage().contains("(command: g++ -c edgemoe_hot_0.cpp)"), e.getMessage());
    }

    @Test
    void verilatorFailureKeepsOnlyErrorLines() {
        String output = "%Warning-WIDTH: a.v:3:9: Operator ASSIGN expects 8 bits\n%Error: a.v:7:1: syntax error\n";
        SimBuildException e = BuildDiagnostics.verilatorFailed("Top", new CommandResult(List.of("verilator"), 1, output));
        assertTrue(e.getMessage().contains("a.v:7:1: syntax error"), e.getMessage());
        assertFalse(e.getMessage().contains("WIDTH"), e.getMessage());
    }
}
