package org.edgemoe.sim;

/** Building a model failed: a missing tool, or Verilator / C++ errors (with file:line). */
public class SimBuildException extends RuntimeException {
    public SimBuildException(String message) {
        super(message);
    }

    public SimBuildException(String message, Throwable cause) {
        super(message, cause);
    }
}
