package org.edgemoe.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
    void defaultIsEdgeMoeRtlsDefaultConfiguration() throws Exception {
        EmittedDesign d = gen("default");
        assertEquals(Blocks.defaults().size() + ExampleDesigns.all().size(), d.tops().size(), d.tops().toString());
        assertThrows(Generators.GeneratorException.class, () -> gen("default", "1"));
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
