package org.edgemoe.sim.junit;

import java.lang.reflect.AnnotatedElement;
import java.nio.file.Path;
import java.util.Optional;
import org.edgemoe.sim.Waveform;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 glue: injects a {@link SimSession} into test methods, closes its Sims when the test
 * ends (which completes the waveform files) and, if the test failed, prints where its waveforms
 * are. Waveforms go to {@code target/sim-waveforms/<class>/<method>.vcd} unless
 * {@code -Dedgemoe.sim.waveform.dir} says otherwise.
 */
public final class SimExtension implements ParameterResolver, AfterTestExecutionCallback {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SimExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == SimSession.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getStore(NAMESPACE).getOrComputeIfAbsent(SimSession.class,
            key -> new SimSession(waveformFormat(context), waveformBase(context)), SimSession.class);
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        SimSession session = context.getStore(NAMESPACE).remove(SimSession.class, SimSession.class);
        if (session == null) return;
        session.closeAll();
        for (Path waveform : session.waveforms()) {
            context.publishReportEntry("waveform", waveform.toString());
            if (context.getExecutionException().isPresent()) {
                System.err.println("Waveform of failed test " + context.getDisplayName() + ": " + waveform);
            }
        }
    }

    private static Waveform waveformFormat(ExtensionContext context) {
        Optional<RecordWaveform> annotation = find(context.getTestMethod().orElse(null))
            .or(() -> find(context.getTestClass().orElse(null)));
        if (annotation.isPresent()) return annotation.get().value();
        return Boolean.getBoolean("edgemoe.sim.waveforms") ? Waveform.VCD : Waveform.NONE;
    }

    private static Optional<RecordWaveform> find(AnnotatedElement element) {
        return element == null ? Optional.empty() : Optional.ofNullable(element.getAnnotation(RecordWaveform.class));
    }

    private static Path waveformBase(ExtensionContext context) {
        String dir = System.getProperty("edgemoe.sim.waveform.dir", "target/sim-waveforms");
        String cls = context.getTestClass().map(Class::getSimpleName).orElse("tests");
        String method = context.getTestMethod().map(m -> m.getName()).orElse("test");
        return Path.of(dir, cls, method).toAbsolutePath();
    }
}
