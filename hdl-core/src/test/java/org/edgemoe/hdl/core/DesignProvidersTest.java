package org.edgemoe.hdl.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.edgemoe.hdl.examples.ExampleDesignProvider;
import org.edgemoe.hdl.examples.ExampleDesigns;
import org.junit.jupiter.api.Test;

/** hdl-core registers its examples through ServiceLoader, by name only: it declares no default configuration. */
class DesignProvidersTest {
    private final DesignProviders providers = DesignProviders.on(DesignProvidersTest.class.getClassLoader());

    @Test
    void theExamplesAreFoundByName() {
        assertEquals(List.of(ExampleDesignProvider.class), providers.all().stream().map(Object::getClass).toList());
        assertEquals(List.copyOf(ExampleDesigns.all().keySet()), providers.designNames());
        assertNotNull(providers.find("SystolicArray"));
        assertNull(providers.find("NoSuchDesign"));
        assertEquals("SystolicArray", new org.edgemoe.hdl.emit.VerilogEmitter()
                .add(Elaboration.elaborate(providers.find("SystolicArray")).topIR()).render().tops().get(0));
    }

    @Test
    void aLibraryAloneHasNoDefaults() {
        IllegalStateException e = assertThrows(IllegalStateException.class, providers::defaults);
        assertTrue(e.getMessage().contains("(found [org.edgemoe.hdl.examples.ExampleDesignProvider], none with defaults)"), e.getMessage());
        assertTrue(e.getMessage().contains(DesignProviders.SERVICES_FILE), e.getMessage());
    }
}
