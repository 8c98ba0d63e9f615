package org.edgemoe.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import org.edgemoe.hdl.core.DesignProviders;
import org.junit.jupiter.api.io.TempDir;
import org.edgemoe.hdl.check.ElaborationException;
import org.edgemoe.hdl.emit.EmittedDesign;
import org.edgemoe.hdl.examples.ExampleDesigns;
import org.edgemoe.rtl.Blocks;
import org.junit.jupiter.api.Test;

class GeneratorsTest {
    static final ClassLoader CL = GeneratorsTest.class.getClassLoader();
    static final String W = "org.edgemoe.maven.testdesigns.Widgets";

    private static EmittedDesign gen(String name, String... params) throws Exception {
        return Generators.resolve(name, List.of(params), CL).render();
    }

    @Test
    void constructorIsChosenByParameterTypes() throws Exception {
        assertTrue(gen(W + "$Adder", "7", "hold").manifestJson().contains("\"K\": 7"));
        assertTrue(gen(W + "$Adder", "7", "HOLD").manifestJson().contains("\"HOLD\": 1"));
        // 2.5 is not an int: the double constructor (K = round(2.5 * 2) = 5)
        assertTrue(gen(W + "$Adder", "2.5", "WRAP").manifestJson().contains("\"K\": 5"));
        // one argument: only the String constructor fits
        assertTrue(gen(W + "$Adder", "abc").manifestJson().contains("\"K\": 3"));
        assertTrue(gen(W + "$Adder", "0x10", "WRAP").manifestJson().contains("\"K\": 16"));
    }

    @Test
    void equallySpecificConstructorsAreAnError() {
        Generators.GeneratorException e = assertThrows(Generators.GeneratorException.class, () -> gen(W + "$Twin", "3"));
        assertTrue(e.getMessage().contains("fit several signatures"), e.getMessage());
    }

    @Test
    void noMatchListsTheCandidates() {
        Generators.GeneratorException e = assertThrows(Generators.GeneratorException.class, () -> gen(W + "$Adder", "1", "SIDEWAYS"));
        assertTrue(e.getMessage().contains("accepts the parameters [1, SIDEWAYS]"), e.getMessage());
        assertTrue(e.getMessage().contains("Adder(int,"), e.getMessage());
    }

    @Test
    void staticFactorySupplierAndRegisteredNames() throws Exception {
        assertTrue(gen(W + "#adder", "9").manifestJson().contains("\"K\": 9"));
        assertTrue(gen(W + "$AdderSupplier").manifestJson().contains("\"K\": 5"));
        assertEquals(List.of("SystolicArray"), gen("SystolicArray").tops());
        Generators.GeneratorException e = assertThrows(Generators.GeneratorException.class, () -> gen("NoSuchBlock"));
        assertTrue(e.getMessage().contains("Counter"), e.getMessage());
        assertThrows(Generators.GeneratorException.class, () -> gen("org.example.Missing"));
    }

    @Test
    void defaultIsWhatTheProvidersOnTheClassPathDeclare() throws Exception {
        // here: edge-moe-rtl's provider (its blocks, then the library's examples); hdl-core's examples provider declares none
        EmittedDesign d = gen("default");
        assertEquals(Blocks.defaults().size() + ExampleDesigns.all().size(), d.tops().size(), d.tops().toString());
        assertThrows(Generators.GeneratorException.class, () -> gen("default", "1"));
    }

    /** A class loader that also sees a services file registering {@link org.edgemoe.maven.testdesigns.WidgetDesigns}. */
    private static URLClassLoader withWidgetProvider(Path dir) throws Exception {
        Path services = dir.resolve(DesignProviders.SERVICES_FILE);
        Files.createDirectories(services.getParent());
        Files.writeString(services, "# a project's provider\norg.edgemoe.maven.testdesigns.WidgetDesigns\n");
        return new URLClassLoader(new URL[] {dir.toUri().toURL()}, CL);
    }

    @Test
    void aProjectsProviderAddsItsDefaultsAndNames(@TempDir Path dir) throws Exception {
        try (URLClassLoader loader = withWidgetProvider(dir)) {
            EmittedDesign d = Generators.resolve("default", List.of(), loader).render();
            assertEquals(1 + Blocks.defaults().size() + ExampleDesigns.all().size(), d.tops().size(), d.tops().toString());
            assertEquals("Adder", d.tops().get(0), "providers in class-name order: org.edgemoe.maven... before org.edgemoe.rtl...");
            assertTrue(Generators.resolve("adder6", List.of(), loader).render().manifestJson().contains("\"K\": 6"));
        }
        Generators.GeneratorException e = assertThrows(Generators.GeneratorException.class, () -> gen("adder6"));
        assertTrue(e.getMessage().contains("gelu_unit") && e.getMessage().contains("SystolicArray"), e.getMessage());
    }

    @Test
    void defaultWithoutAnyProviderSaysHowToRegisterOne() throws Exception {
        try (URLClassLoader bare = new URLClassLoader(new URL[0], ClassLoader.getPlatformClassLoader())) {
            Generators.GeneratorException e = assertThrows(Generators.GeneratorException.class,
                    () -> Generators.resolve("default", List.of(), bare));
            assertEquals("the generator 'default': no design provider on the class path declares default designs (none found): implement "
                    + "org.edgemoe.hdl.core.DesignProvider with defaults() and list it in META-INF/services/org.edgemoe.hdl.core.DesignProvider",
                    e.getMessage());
        }
    }

    @Test
    void thePluginNamesNoApplicationClass() throws Exception {
        String src = Files.readString(Path.of("src/main/java/org/edgemoe/maven/Generators.java"))
                + Files.readString(Path.of("src/main/java/org/edgemoe/maven/GenerateVerilogMojo.java"));
        assertTrue(!src.contains("org.edgemoe.rtl"), "the library knows no application");
    }

    @Test
    void elaborationErrorsKeepTheirLocation() throws Exception {
        ElaborationException e = assertThrows(ElaborationException.class, () -> gen(W + "$Bad"));
        Path src = Path.of("src/test/java/org/edgemoe/maven/testdesigns/Widgets.java");
        List<String> lines = Files.readAllLines(src);
        int line = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("BAD-LINE")) {
                line = i + 1;
            }
        }
        String msg = GenerateVerilogMojo.failureMessage(W + "$Bad", e);
        assertTrue(msg.contains("\nWidgets.java:" + line + ": width mismatch"), msg);
        assertTrue(msg.startsWith("generate-verilog " + W + "$Bad: 1 elaboration error"), msg);
    }
}
