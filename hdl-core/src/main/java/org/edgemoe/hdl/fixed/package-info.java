/**
 * The project's number vocabulary, free of hardware: {@link org.edgemoe.hdl.fixed.FixFormat},
 * {@link org.edgemoe.hdl.fixed.Rounding}, {@link org.edgemoe.hdl.fixed.Overflow}, exact values
 * ({@link org.edgemoe.hdl.fixed.Fixed}) and fast raw-long helpers ({@link org.edgemoe.hdl.fixed.FixedRaw}).
 * The hardware library's {@code Fix} signals and {@code resize(format, rounding, overflow)} and the golden
 * models use the same types, so a block and its reference cannot disagree on what a format means.
 */
package org.edgemoe.hdl.fixed;
