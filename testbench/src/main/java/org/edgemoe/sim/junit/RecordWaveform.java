package org.edgemoe.sim.junit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.edgemoe.sim.Waveform;

/**
 * Dump a waveform of every Sim the test opens through its {@link SimSession}. On a test method
 * or class; {@code -Dedgemoe.sim.waveforms=true} switches it on for every test.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RecordWaveform {
    Waveform value() default Waveform.VCD;
}
