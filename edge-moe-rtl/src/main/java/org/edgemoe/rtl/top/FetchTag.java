package org.edgemoe.rtl.top;

import static org.edgemoe.hdl.core.Hdl.*;

import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.Bundle;
import org.edgemoe.hdl.core.HdlEnum;

/** An entry of the {@link FetchRouter}'s in-order queue: where a transfer's beats go, and whether the prefetcher has them. */
public final class FetchTag extends Bundle {
    public final HdlEnum<FetchDest> dest = Enum(FetchDest.class);
    public final Bool buffered = Bool();
}
