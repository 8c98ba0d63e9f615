package org.edgemoe.sim;

/**
 * Testbench code that runs every clock cycle inside {@link Sim#step(long)}, on the caller's
 * thread: all agents {@link #drive} inputs, then all {@link #sample} (seeing the combinational
 * response to every agent's drive), then the clock edge happens.
 */
public interface CycleAgent {
    /** Poke inputs for the coming rising edge. */
    void drive(Sim sim, long cycle);

    /** Observe the values that the coming rising edge will capture. */
    void sample(Sim sim, long cycle);
}
