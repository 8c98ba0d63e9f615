package org.edgemoe.sim;

import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * A condition {@link Sim#runUntil} waits for, with a description for the timeout message
 * ({@code "waiting for scoreboard pop to see all 100 outputs (37 seen)"}). The description is computed when
 * the timeout happens, so it can show progress.
 */
public interface Until extends BooleanSupplier {
    /** What is waited for, e.g. {@code io_done high}. */
    String description();

    static Until of(String description, BooleanSupplier condition) {
        return of(() -> description, condition);
    }

    static Until of(Supplier<String> description, BooleanSupplier condition) {
        return new Until() {
            @Override
            public boolean getAsBoolean() {
                return condition.getAsBoolean();
            }

            @Override
            public String description() {
                return description.get();
            }
        };
    }
}
