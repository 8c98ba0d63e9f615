package org.edgemoe.runtime;

import java.nio.file.Path;

/** A weight image that cannot be used: the message names the file and what was expected and found. */
public final class WeightImageException extends RuntimeException {
    private final Path file;

    public WeightImageException(Path file, String message) {
        super((file == null ? "weight image" : file.toString()) + ": " + message);
        this.file = file;
    }

    /** The file the error is about (null for an image being built in memory). */
    public Path file() {
        return file;
    }
}
