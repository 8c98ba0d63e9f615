package org.edgemoe.model;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the folder of real M3ViT weights: system property {@code m3vit.weights}, else environment
 * variable {@code M3VIT_WEIGHTS}, else {@code ../shared/m3vit-weights} resolved against the working
 * directory and each of its parents (so it works from the repo root and from a module dir).
 */
public final class WeightFolder {
    public static final String PROPERTY = "m3vit.weights";
    public static final String ENV = "M3VIT_WEIGHTS";
    public static final String DEFAULT_RELATIVE = "../shared/m3vit-weights";

    private WeightFolder() {
    }

    /** The folder if it exists (an explicit override that does not exist counts as absent). */
    public static Optional<Path> locate() {
        String explicit = explicitSetting();
        if (explicit != null) {
            Path p = Path.of(explicit).toAbsolutePath().normalize();
            return Files.isDirectory(p) ? Optional.of(p) : Optional.empty();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(DEFAULT_RELATIVE).normalize();
            if (Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static String explicitSetting() {
        String explicit = System.getProperty(PROPERTY);
        if (explicit == null || explicit.isBlank()) {
            explicit = System.getenv(ENV);
        }
        return explicit == null || explicit.isBlank() ? null : explicit;
    }

    /** Message for skipped tests and tools when no folder is found. */
    public static String absentMessage() {
        String explicit = explicitSetting();
        if (explicit != null) {
            return "M3ViT weights folder " + explicit + " (from " + PROPERTY + " / " + ENV + ") does not exist";
        }
        return "M3ViT weights not found: set -D" + PROPERTY + "=DIR or " + ENV
                + "=DIR, or place them at " + DEFAULT_RELATIVE + " relative to the repository root";
    }
}
