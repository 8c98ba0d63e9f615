package org.edgemoe.rtl.attention;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.SplittableRandom;
import org.edgemoe.sim.CycleAgent;
import org.edgemoe.sim.SimSignal;
import org.edgemoe.sim.Sim;
import org.edgemoe.sim.stream.StreamPorts;

/**
 * A model of one on-chip Q, K or V buffer behind the engine's request / response streams: takes requests
 * (ready dropped at random, and while {@code capacity} answers are outstanding), answers each in order
 * {@code latency} cycles later or more (valid held back at random), with beat {@code part} of the row of
 * {@code token} of the job being served. Jobs (one per command) follow each other; a job ends after the
 * number of requests the schedule makes for it, so back-to-back heads of different layers each read
 * their own data. Counts the response handshakes (buffer reads).
 */
final class QkvBuffer implements CycleAgent {
    /** One command's rows of this buffer: rows[token][element], the head index, and its request count. */
    record Job(int head, long[][] rows, long requests) {
    }

    private final AttnConfig cfg;
    private final SimSignal reqValid;
    private final SimSignal reqReady;
    private final SimSignal reqHead;
    private final SimSignal reqToken;
    private final SimSignal reqPart;
    private final StreamPorts resp;
    private final SplittableRandom random;
    private final double stall;
    private final int latency;
    private final int capacity;
    private final Deque<Job> jobs = new ArrayDeque<>();
    private final Deque<long[]> pending = new ArrayDeque<>();
    private long servedInJob;
    private boolean ready;
    private boolean presenting;
    private long reads;
    private String error;

    QkvBuffer(Sim sim, AttnConfig cfg, String name, long seed, double stall, int latency, int capacity) {
        this.cfg = cfg;
        reqValid = sim.signal("io_" + name + "Req_valid");
        reqReady = sim.signal("io_" + name + "Req_ready");
        reqHead = sim.signal("io_" + name + "Req_payload_head");
        reqToken = sim.signal("io_" + name + "Req_payload_token");
        reqPart = sim.signal("io_" + name + "Req_payload_part");
        resp = StreamPorts.of(sim, name + "Resp");
        this.random = new SplittableRandom(seed);
        this.stall = stall;
        this.latency = latency;
        this.capacity = capacity;
        reqReady.poke(0);
        resp.valid().poke(0);
        sim.addAgent(this);
    }

    void add(Job job) {
        jobs.add(job);
    }

    long reads() {
        return reads;
    }

    /** The first protocol violation seen (request for the wrong head or past the jobs), or null. */
    String error() {
        return error;
    }

    @Override
    public void drive(Sim sim, long cycle) {
        ready = pending.size() < capacity && random.nextDouble() >= stall;
        reqReady.poke(ready ? 1 : 0);
        if (!presenting && !pending.isEmpty() && pending.peek()[0] <= cycle && random.nextDouble() >= stall) {
            long[] beat = pending.peek();
            List<SimSignal> lanes = resp.lanes();
            for (int i = 0; i < lanes.size(); i++) {
                lanes.get(i).poke(beat[1 + i]);
            }
            presenting = true;
        }
        resp.valid().poke(presenting ? 1 : 0);
    }

    @Override
    public void sample(Sim sim, long cycle) {
        if (presenting && resp.ready().peekBoolean()) {
            pending.poll();
            presenting = false;
            reads++;
        }
        if (ready && reqValid.peekBoolean()) {
            Job job = jobs.peek();
            int head = (int) reqHead.peek();
            int token = (int) reqToken.peek();
            int part = (int) reqPart.peek();
            long[] beat = new long[1 + cfg.beat()];
            beat[0] = cycle + latency;
            if (job == null || head != job.head() || token >= job.rows().length) {
                if (error == null) {
                    error = "cycle " + cycle + ": request head " + head + " token " + token + " part " + part
                            + (job == null ? " with no job" : " during a job of head " + job.head() + ", T " + job.rows().length);
                }
            } else {
                for (int i = 0; i < cfg.beat(); i++) {
                    beat[1 + i] = job.rows()[token][part * cfg.beat() + i];
                }
                if (++servedInJob == job.requests()) {
                    jobs.poll();
                    servedInJob = 0;
                }
            }
            pending.add(beat);
        }
    }

    /** Requests the schedule makes on the Q buffer (queries) or the K / V buffer (keys) for T tokens. */
    static long requests(AttnConfig cfg, int tokens, boolean queries) {
        if (queries) {
            return (long) tokens * cfg.parts();
        }
        long n = 0;
        for (int base = 0; base < tokens; base += cfg.lanes()) {
            int nq = Math.min(cfg.lanes(), tokens - base);
            n += (long) (tokens + nq - 1) * cfg.parts();
        }
        return n;
    }
}
