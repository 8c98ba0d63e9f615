package org.edgemoe.model;

/** A weight file is missing, unreadable or has the wrong size. */
public class WeightFileException extends RuntimeException {
    public WeightFileException(String message) {
        super(message);
    }

    public WeightFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
