package org.edgemoe.hdl.emit;

import static org.edgemoe.hdl.core.Hdl.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.edgemoe.hdl.core.Module;
import org.edgemoe.hdl.core.UInt;
import org.edgemoe.hdl.emit.EmittedDesign;
import org.edgemoe.hdl.examples.CounterExample;
import org.edgemoe.hdl.examples.SystolicArray;
import org.edgemoe.hdl.testing.Emit;
import org.junit.jupiter.api.Test;

/** Identical children share one definition; differently parameterised ones get stable distinct names. */
class ModuleSharingTest {

    @Test void systolicArrayHasOneProcessingElementModule() {
        EmittedDesign d = Emit.of(() -> new SystolicArray(4));
        assertEquals(java.util.Set.of("SystolicArray.v", "ProcessingElement.v"), d.files().keySet());
        String top = d.module("SystolicArray");
        assertEquals(16, count(top, "(?m)^\\s*ProcessingElement\\s+\\w+\\s*\\("), "16 instances of one module:\n" + top);
        assertEquals(1, count(d.module("ProcessingElement"), "(?m)^module "));
    }

    static final class TwoCounters extends Module {
        final UInt small = out(UInt(8));
        final UInt big = out(UInt(8));
        final CounterExample c4;
        final CounterExample c8;

        TwoCounters() {
            c4 = instance(new CounterExample(4));
            c8 = instance(new CounterExample(8));
            c4.enable.set(true);
            c8.enable.set(true);
            small.set(c4.count);
            big.set(c8.count);
        }
    }

    @Test void differentParametersGetDistinctStableNames() {
        EmittedDesign d = Emit.of(TwoCounters::new);
        assertTrue(d.files().containsKey("CounterExample_WIDTH4.v"), d.files().keySet()::toString);
        assertTrue(d.files().containsKey("CounterExample_WIDTH8.v"), d.files().keySet()::toString);
        assertFalse(d.files().containsKey("CounterExample.v"));
        assertTrue(d.module("CounterExample_WIDTH4").contains("module CounterExample_WIDTH4"));
        assertTrue(d.module("CounterExample_WIDTH4").contains("reg  [3:0] value;") || d.module("CounterExample_WIDTH4").contains("[3:0] value"),
                d.module("CounterExample_WIDTH4"));
        String top = d.module("TwoCounters");
        assertTrue(Pattern.compile("CounterExample_WIDTH4\\s+c4\\b").matcher(top).find(), top);
        assertTrue(Pattern.compile("CounterExample_WIDTH8\\s+c8\\b").matcher(top).find(), top);
    }

    @Test void aSingleVariantKeepsThePlainName() {
        EmittedDesign d = Emit.of(() -> new CounterExample(4));
        assertEquals(java.util.Set.of("CounterExample.v"), d.files().keySet());
    }

    private static int count(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
