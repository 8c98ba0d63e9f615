package org.edgemoe.rtl.router;

import static org.edgemoe.hdl.core.Hdl.*;

import java.util.ArrayList;
import java.util.List;
import org.edgemoe.hdl.core.Bits;
import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.Module;
import org.edgemoe.hdl.core.SInt;
import org.edgemoe.hdl.core.UInt;
import org.edgemoe.hdl.core.Vec;

/**
 * The top-k of a scan as a sorted k-entry list (value, expert), best first: {@code clear} empties it, each
 * {@code insert} puts ({@code value}, {@code index}) in place with k parallel strict greater-than compares, so an
 * equal later value goes below the earlier ones (ties to the lower expert index, the golden model's k-pass
 * lowest-index-first scan). Slot r is {@code experts(r)} / {@code values(r)}.
 */
public final class TopKList extends Module {
    public final Bool clear = in(Bool());
    public final Bool insert = in(Bool());
    public final SInt value;
    public final UInt index;
    public final Vec<UInt> experts;
    public final Vec<SInt> values;

    public TopKList(int k, int valueWidth, int indexWidth) {
        param("K", k);
        value = in(SInt(valueWidth));
        index = in(UInt(indexWidth));
        experts = out(Vec(k, UInt(indexWidth)));
        values = out(Vec(k, SInt(valueWidth)));

        Vec<UInt> top = reg(Vec(k, UInt(indexWidth))).named("top");
        Vec<SInt> topVal = reg(Vec(k, SInt(valueWidth))).named("topVal");
        Bits topValid = reg(Bits(k)).init(0).named("topValid");
        List<Bool> ins = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            ins.add(topValid.bit(i).not().or(value.gt(topVal.get(i))).named("topIns_" + i));
        }
        when(clear, () -> topValid.set(Bits(0, k)));
        when(insert, () -> {
            for (int i = 0; i < k; i++) {
                final int ii = i;
                when(ins.get(i), () -> {
                    top.get(ii).set(index);
                    topVal.get(ii).set(value);
                    if (ii > 0) { // shifted down when the value goes in above this slot
                        when(ins.get(ii - 1), () -> {
                            top.get(ii).set(top.get(ii - 1));
                            topVal.get(ii).set(topVal.get(ii - 1));
                        });
                    }
                });
            }
            topValid.set(cat(topValid.slice(Math.max(k - 2, 0), 0), B(true)).resize(k));
        });
        experts.set(top);
        values.set(topVal);
    }
}
