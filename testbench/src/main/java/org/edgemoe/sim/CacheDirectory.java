package org.edgemoe.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The per-user folder of compiled libraries. Entries are built in a private temp folder and
 * renamed into place atomically, so concurrent JVMs never see half-built entries; if two build
 * the same key, the first rename wins and the other copy is discarded.
 */
final class CacheDirectory {
    private CacheDirectory() {
    }

    /** System property {@code edgemoe.sim.cache}, else env {@code EDGEMOE_SIM_CACHE}, else ~/.cache/edgemoe-sim. */
    static Path defaultLocation() {
        String configured = System.getProperty("edgemoe.sim.cache");
        if (configured == null || configured.isBlank()) configured = System.getenv("EDGEMOE_SIM_CACHE");
        if (configured != null && !configured.isBlank()) return Path.of(configured).toAbsolutePath();
        return Path.of(System.getProperty("user.home"), ".cache", "edgemoe-sim");
    }

    /** Builds a cache entry with {@code build} writing into a fresh temp folder. */
    interface EntryBuilder {
        void build(Path workDir) throws IOException;
    }

    /** The folder of entry {@code kind/key}, building it first if it is not there yet. */
    static Path entry(Path cache, String kind, String key, EntryBuilder builder) {
        Path target = cache.resolve(kind).resolve(key);
        if (Files.isDirectory(target)) return target;
        Path work = null;
        try {
            Files.createDirectories(target.getParent());
            work = Files.createTempDirectory(target.getParent(), "." + key + ".building-");
            builder.build(work);
            try {
                Files.move(work, target, StandardCopyOption.ATOMIC_MOVE);
                work = null;
            } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
                // Another process published the same key first; its entry is equivalent.
            } catch (AtomicMoveNotSupportedException e) {
                throw new SimBuildException("cache folder " + cache + " does not support atomic rename", e);
            } catch (IOException e) {
                // a concurrent publisher can also surface as a plain "Directory not empty" from rename(2)
                if (!Files.isDirectory(target)) {
                    throw e;
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write cache entry " + target + ": " + e, e);
        } finally {
            if (work != null) deleteRecursively(work);
        }
    }

    static void deleteRecursively(Path root) {
        if (!Files.exists(root)) return;
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
