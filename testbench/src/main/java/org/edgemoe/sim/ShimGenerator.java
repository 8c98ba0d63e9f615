package org.edgemoe.sim;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** Fills the C++ shim template with one model's class name, clock and signal table. */
final class ShimGenerator {
    static final String TEMPLATE_RESOURCE = "native/model_shim.cpp.template";

    private ShimGenerator() {
    }

    static String template() {
        return resource(TEMPLATE_RESOURCE);
    }

    static String generate(String modelClass, List<SignalSpec> signals) {
        StringBuilder infos = new StringBuilder();
        StringBuilder addresses = new StringBuilder();
        for (int i = 0; i < signals.size(); i++) {
            SignalSpec s = signals.get(i);
            infos.append("    {\"").append(s.name()).append("\", ").append(s.width()).append(", ")
                .append(s.direction().ordinal()).append(", ").append(s.bytes()).append("},\n");
            addresses.append("    case ").append(i).append(": return &syms->").append(s.cppMember()).append(";\n");
        }
        Optional<SignalSpec> clock = clock(signals);
        return template()
            .replace("@MODEL@", modelClass)
            .replace("@HAS_CLOCK@", clock.isPresent() ? "1" : "0")
            .replace("@CLOCK@", clock.map(SignalSpec::name).orElse("no_clock"))
            .replace("@SIGNAL_INFOS@", infos.toString().stripTrailing())
            .replace("@SIGNAL_ADDRESSES@", addresses.toString().stripTrailing());
    }

    /** The clock {@code step} toggles: a 1-bit input named clk (or clock). */
    static Optional<SignalSpec> clock(List<SignalSpec> signals) {
        for (String name : List.of("clk", "clock")) {
            for (SignalSpec s : signals) {
                if (s.name().equals(name) && s.direction() == Direction.INPUT && s.width() == 1) return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    static String resource(String name) {
        try (InputStream in = ShimGenerator.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing resource " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
