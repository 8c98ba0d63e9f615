package org.edgemoe.hdl.emit;

import static org.edgemoe.hdl.core.Hdl.*;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.edgemoe.hdl.core.UInt;
import org.edgemoe.hdl.examples.CounterExample;
import org.edgemoe.hdl.testing.Emit;
import org.junit.jupiter.api.Test;

/** withPrefix: generated logic in a loop gets readable, scoped names. */
class ScopedPrefixTest {

    @Test
    void explicitNamesTemporariesAndInstancesCarryTheScope() {
        String v = Emit.ofBody("Pipeline", () -> {
            UInt in = in(UInt(8)).named("din");
            UInt[] value = {in};
            for (int i = 0; i < 2; i++) {
                int stage = i;
                withPrefix("stage" + stage, () -> {
                    UInt r = reg(UInt(8)).named("r");
                    UInt twice = value[0].plus(value[0]);
                    r.set(twice.plus(twice));            // 'twice' is read twice: a scoped temporary
                    withPrefix("inner", () -> instance(new CounterExample(4)).enable.set(r.bit(0)));
                    value[0] = r;
                });
            }
            out(UInt(8)).named("dout").set(value[0]);
        }).module("Pipeline");
        assertTrue(v.contains("reg  [7:0] stage0_r;"), v);
        assertTrue(v.contains("reg  [7:0] stage1_r;"), v);
        assertTrue(v.contains("stage0_zz_"), v);
        assertTrue(v.contains("stage1_inner_counterExample_"), v);
        assertFalse(v.contains(" r;"), v);
    }

    @Test
    void aPrefixMustBeAnIdentifier() {
        assertThrows(IllegalArgumentException.class,
                () -> Emit.ofBody("Bad", () -> withPrefix("a-b", () -> { })));
    }
}
