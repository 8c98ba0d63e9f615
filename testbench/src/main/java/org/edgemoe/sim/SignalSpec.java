package org.edgemoe.sim;

/**
 * One accessible signal of a Verilated model as found in its generated headers.
 *
 * @param name       name users poke / peek: the port name, or {@code sub.inst.sig} for public internals
 * @param cppMember  C++ path from the model's symbol table object, e.g. {@code TOP.io_en}
 * @param width      bits
 * @param bytes      storage size in the model (1, 2, 4, 8, or 4 per 32-bit word)
 */
record SignalSpec(String name, String cppMember, int width, Direction direction, int bytes) {
}
