package org.edgemoe.hdl.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.edgemoe.hdl.check.ElaborationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README tutorial as a new user runs it: saved in some other folder, run with the library's classes by
 * absolute path; it prints what the README says, and the suggested mistake prints exactly the README's error.
 */
class ReadmeTutorialTest {
    @TempDir Path anywhere;

    private static final Path README = Path.of("..", "README.md");

    private static String section() throws IOException {
        String s = Files.readString(README);
        int at = s.indexOf("## Tutorial");
        return s.substring(at, s.indexOf("\n## ", at + 1));
    }

    /** The first fenced block of {@code lang} after {@code marker}. */
    private static String block(String text, String marker, String lang) {
        int at = text.indexOf(marker);
        assertTrue(at >= 0, "README tutorial mentions: " + marker);
        Matcher m = Pattern.compile("```" + lang + "\n(.*?)```", Pattern.DOTALL).matcher(text);
        assertTrue(m.find(at), "a ``` block after " + marker);
        return m.group(1);
    }

    private record Run(int exit, String out, String err) { }

    private Run run() throws Exception {
        Path classes = Path.of(ElaborationException.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(List.of(java.toString(), "-cp", classes.toAbsolutePath().toString(), "Tutorial.java"))
                .directory(anywhere.toFile()).start();
        p.getOutputStream().close();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the tutorial finishes");
        return new Run(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void runsFromAnyFolderAndTheMistakeShowsTheDocumentedError() throws Exception {
        String tut = section();
        String source = block(tut, "Save this as `Tutorial.java`", "java");
        Files.writeString(anywhere.resolve("Tutorial.java"), source);
        Run ok = run();
        assertEquals(0, ok.exit(), ok.err());
        assertEquals(block(tut, "The run prints:", ""), ok.out());
        assertTrue(Files.exists(anywhere.resolve("build/tutorial/MyMac.v")));

        Matcher mistake = Pattern.compile("Make a mistake, say `([^`]+)` in `MyCounter`").matcher(tut);
        assertTrue(mistake.find(), "the README names the mistake");
        String broken = source.replace("            count.set(value);", "            " + mistake.group(1) + ";");
        assertFalse(broken.equals(source), "the mistake replaces MyCounter's output assignment");
        Files.writeString(anywhere.resolve("Tutorial.java"), broken);
        deleteTree(anywhere.resolve("build"));
        Run bad = run();
        assertEquals(1, bad.exit(), bad.out() + bad.err());
        assertEquals(block(tut, "exits with status 1:", ""), bad.err(), "exactly what the README shows, no stack trace");
        assertFalse(Files.exists(anywhere.resolve("build")), "nothing written after an error");
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var w = Files.walk(dir)) {
                for (Path p : w.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
