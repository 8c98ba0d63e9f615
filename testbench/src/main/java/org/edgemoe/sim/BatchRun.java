package org.edgemoe.sim;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * A stimulus table for a run of many cycles done entirely in C++: per cycle a value for each
 * chosen input, and afterwards the value of each chosen output right after that cycle's edge.
 * Reusable: set new stimulus and {@link #run()} again.
 */
public final class BatchRun {
    private final Sim sim;
    private final List<SimSignal> inputs;
    private final List<SimSignal> outputs;
    private final int cycles;
    private final int[] inputLayout;
    private final int[] outputLayout;
    private final int[] inputPositions;
    private final int[] outputPositions;
    private final int[] inputBytes;
    private final int[] inputTopWord;
    private final long[] inputTopMask;
    private final int stimulusStride;
    private final int resultStride;
    private final ByteBuffer stimulus;
    private final ByteBuffer results;

    BatchRun(Sim sim, List<SimSignal> inputs, List<SimSignal> outputs, int cycles) {
        this.sim = sim;
        this.inputs = List.copyOf(inputs);
        this.outputs = List.copyOf(outputs);
        this.cycles = cycles;
        for (SimSignal s : inputs) {
            if (!sim.own(s).direction().pokeable()) throw new IllegalArgumentException(s.name() + " is an output");
        }
        this.inputLayout = layout(sim, inputs);
        this.outputLayout = layout(sim, outputs);
        this.inputPositions = positions(inputLayout);
        this.outputPositions = positions(outputLayout);
        this.inputBytes = new int[inputs.size()];
        this.inputTopWord = new int[inputs.size()];
        this.inputTopMask = new long[inputs.size()];
        for (int k = 0; k < inputs.size(); k++) {
            inputBytes[k] = inputs.get(k).bytes();
            inputTopWord[k] = inputs.get(k).words() - 1;
            inputTopMask[k] = inputs.get(k).topWordMask();
        }
        this.stimulusStride = stride(inputLayout);
        this.resultStride = stride(outputLayout);
        this.stimulus = ByteBuffer.allocateDirect(Math.max(1, stimulusStride * cycles)).order(ByteOrder.LITTLE_ENDIAN);
        this.results = ByteBuffer.allocateDirect(Math.max(1, resultStride * cycles)).order(ByteOrder.LITTLE_ENDIAN);
    }

    public int cycles() {
        return cycles;
    }

    /** Sets input number {@code input} (index in the input list) for {@code cycle}. */
    public void set(int cycle, int input, long value) {
        SimSignal s = inputs.get(input);
        if (s.width() < 64) {
            if (value >= (1L << s.width()) || value < -(1L << (s.width() - 1))) {
                throw new IllegalArgumentException("value " + value + " does not fit in " + s.width() + "-bit " + s.name());
            }
            value &= s.topWordMask();
        }
        setWord(cycle, input, 0, value);
        for (int w = 1; w < s.words(); w++) setWord(cycle, input, w, 0);
    }

    /** Sets 64-bit word {@code word} of a (wide) input for {@code cycle}; the top word must fit the width. */
    public void setWord(int cycle, int input, int word, long value) {
        if (word == inputTopWord[input] && (value & ~inputTopMask[input]) != 0) {
            SimSignal s = inputs.get(input);
            throw new IllegalArgumentException("word " + word + " does not fit in " + s.width() + "-bit " + s.name());
        }
        int at = cycle * stimulusStride + inputPositions[input] + 8 * word;
        int bytes = inputBytes[input] - 8 * word;
        if (bytes >= 8) {
            stimulus.putLong(at, value);
        } else {
            write(stimulus, at, bytes, value);
        }
    }

    /** Reads back a stimulus word, e.g. to OR lanes into it; the table starts all zero. */
    public long stimulusWord(int cycle, int input, int word) {
        SimSignal s = inputs.get(input);
        int at = cycle * stimulusStride + inputPositions[input] + 8 * word;
        return read(stimulus, at, Math.min(8, s.bytes() - 8 * word));
    }

    /** Runs all cycles in C++ and advances the Sim's cycle count. */
    public void run() {
        sim.runBatch(this);
    }

    /** Output number {@code output} right after the edge of {@code cycle} (up to 64 bits). */
    public long get(int cycle, int output) {
        return getWord(cycle, output, 0);
    }

    public long getWord(int cycle, int output, int word) {
        SimSignal s = outputs.get(output);
        int at = cycle * resultStride + outputPositions[output] + 8 * word;
        return read(results, at, Math.min(8, s.bytes() - 8 * word));
    }

    ByteBuffer stimulus() {
        return stimulus;
    }

    ByteBuffer results() {
        return results;
    }

    int[] inputLayout() {
        return inputLayout;
    }

    int[] outputLayout() {
        return outputLayout;
    }

    /** (offset, bytes) pairs as the native side wants them. */
    static int[] layout(Sim sim, List<SimSignal> signals) {
        int[] layout = new int[2 * signals.size()];
        for (int k = 0; k < signals.size(); k++) {
            SimSignal s = sim.own(signals.get(k));
            layout[2 * k] = s.offset();
            layout[2 * k + 1] = s.bytes();
        }
        return layout;
    }

    private static int[] positions(int[] layout) {
        int[] positions = new int[layout.length / 2];
        int position = 0;
        for (int k = 0; k < positions.length; k++) {
            positions[k] = position;
            position += layout[2 * k + 1];
        }
        return positions;
    }

    private static int stride(int[] layout) {
        int stride = 0;
        for (int k = 1; k < layout.length; k += 2) stride += layout[k];
        return stride;
    }

    private static void write(ByteBuffer buffer, int at, int bytes, long value) {
        switch (bytes) {
            case 1 -> buffer.put(at, (byte) value);
            case 2 -> buffer.putShort(at, (short) value);
            case 4 -> buffer.putInt(at, (int) value);
            default -> buffer.putLong(at, value);
        }
    }

    private static long read(ByteBuffer buffer, int at, int bytes) {
        return switch (bytes) {
            case 1 -> buffer.get(at) & 0xFFL;
            case 2 -> buffer.getShort(at) & 0xFFFFL;
            case 4 -> buffer.getInt(at) & 0xFFFF_FFFFL;
            default -> buffer.getLong(at);
        };
    }
}
