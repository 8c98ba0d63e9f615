package org.edgemoe.sim;

/** {@link Sim#runUntil} gave up: the condition was still false after the allowed cycles. */
public class SimTimeoutException extends RuntimeException {
    public SimTimeoutException(String message) {
        super(message);
    }
}
