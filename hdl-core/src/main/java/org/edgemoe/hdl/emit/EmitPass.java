package org.edgemoe.hdl.emit;

import java.util.List;

/**
 * The emission passes of one module, in the order they run: an explicit list (SpinalHDL's phase list,
 * a CIRCT pass pipeline) rather than calls buried in code. Each pass reads what earlier passes left in a
 * {@link ModuleEmission} and adds its own result; none changes the netlist IR. A test runs them one at a
 * time ({@code e.run(EmitPass.LEGALISE)}) and looks at the state in between.
 */
enum EmitPass {
    /** {@link PortOrder}: io ports as declared, then clock, then reset. */
    PORTS("ports") {
        void apply(ModuleEmission e) {
            e.ports = PortOrder.of(e.ir);
        }
    },
    /** {@link Legalise}: expressions Verilog-2005 can print; which nodes become wires; temporaries. */
    LEGALISE("legalise") {
        void apply(ModuleEmission e) {
            e.legal = Legalise.run(e.ir);
        }
    },
    /** {@link Names}: the final identifier of every port, signal, instance and memory. */
    NAME("name") {
        void apply(ModuleEmission e) {
            e.names = Names.allocate(e.legal, e.ports);
        }
    },
    /** {@link GroupBlocks}: continuous assigns and always blocks. */
    GROUP("group") {
        void apply(ModuleEmission e) {
            e.blocks = GroupBlocks.run(e.legal);
        }
    },
    /** {@link CollectChecks}: assertions, assumptions and reports with the guards they sit under (and their wires' names). */
    CHECKS("checks") {
        void apply(ModuleEmission e) {
            e.checks = CollectChecks.run(e.legal, e.names);
        }
    },
    /** {@link VerilogPrinter}: the module text (layout only; every decision was made above). */
    PRINT("print") {
        void apply(ModuleEmission e) {
            e.text = new VerilogPrinter(e.legal, e.names, e.blocks, e.checks, e.ports, e.definitionOf).print(e.moduleName);
        }
    };

    /** The pipeline, in order. */
    static final List<EmitPass> ORDER = List.of(values());

    private final String passName;

    EmitPass(String passName) {
        this.passName = passName;
    }

    /** The name used in dumps and error messages ({@code legalise}). */
    String passName() {
        return passName;
    }

    /** The passes whose results this one reads. */
    List<EmitPass> needs() {
        return switch (this) {
            case PORTS, LEGALISE -> List.of();
            case NAME -> List.of(PORTS, LEGALISE);
            case GROUP -> List.of(LEGALISE);
            case CHECKS -> List.of(LEGALISE, NAME);
            case PRINT -> List.of(PORTS, LEGALISE, NAME, GROUP, CHECKS);
        };
    }

    abstract void apply(ModuleEmission e);
}
