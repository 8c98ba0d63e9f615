package org.edgemoe.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 over every input that changes a compiled library; each part is length-prefixed. */
final class CacheKey {
    private final MessageDigest digest;

    CacheKey(String kind) {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        add(kind);
    }

    CacheKey add(String text) {
        return add(text.getBytes(StandardCharsets.UTF_8));
    }

    CacheKey add(byte[] bytes) {
        digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        digest.update((byte) ':');
        digest.update(bytes);
        return this;
    }

    CacheKey addFile(Path file) {
        try {
            add(file.getFileName().toString());
            return add(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** 32 hex digits: plenty against accidental collisions, short enough for paths. */
    String hex() {
        return HexFormat.of().formatHex(digest.digest()).substring(0, 32);
    }
}
