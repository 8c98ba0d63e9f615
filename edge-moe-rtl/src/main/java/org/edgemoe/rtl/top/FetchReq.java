package org.edgemoe.rtl.top;

import static org.edgemoe.hdl.core.Hdl.*;

import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.Bundle;
import org.edgemoe.hdl.core.HdlEnum;
import org.edgemoe.hdl.core.UInt;

/**
 * One weight-port transfer: {@code bytes} bytes from DDR address {@code addr}, its beats to {@code dest}. With
 * {@code buffered} the block is not read here: its beats come from the {@link ExpertPrefetcher}, which read it ahead.
 */
public final class FetchReq extends Bundle {
    public final UInt addr = UInt(32);
    public final UInt bytes = UInt(32);
    public final HdlEnum<FetchDest> dest = Enum(FetchDest.class);
    public final Bool buffered = Bool();
}
