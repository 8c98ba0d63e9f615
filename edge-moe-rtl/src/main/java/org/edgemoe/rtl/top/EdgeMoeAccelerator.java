package org.edgemoe.rtl.top;

import static org.edgemoe.hdl.core.Hdl.*;

import org.edgemoe.hdl.core.Bits;
import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.Module;
import org.edgemoe.hdl.core.UInt;
import org.edgemoe.hdl.core.Vec;
import org.edgemoe.hdl.lib.Stream;
import org.edgemoe.hdl.lib.StreamArbiter;
import org.edgemoe.hdl.lib.StreamWidthAdapter;
import org.edgemoe.hdl.lib.axi.Axi4ReadOnly;
import org.edgemoe.hdl.lib.axi.Axi4WriteOnly;
import org.edgemoe.hdl.lib.axi.AxiLite4;
import org.edgemoe.model.ModelShape;
import org.edgemoe.rtl.axi.AxiReadArbiter;
import org.edgemoe.rtl.axi.StripedReadMaster;
import org.edgemoe.rtl.axi.AxiWriteMaster;
import org.edgemoe.rtl.datapath.CommandDispatcher;
import org.edgemoe.rtl.datapath.DatapathConfig;
import org.edgemoe.rtl.datapath.GateStage;
import org.edgemoe.rtl.datapath.LayerDatapath;
import org.edgemoe.rtl.datapath.ResidLoad;
import org.edgemoe.rtl.datapath.ResidStore;
import org.edgemoe.rtl.embed.PixelStreamer;
import org.edgemoe.rtl.isa.Opcode;

/**
 * The Edge-MoE accelerator: DDR in, DDR out. The {@link ControlPlane} (AXI4-Lite registers {@code ctrl}, the program
 * fetch on {@code prog}) decodes the host's command list; the {@link CommandDispatcher} turns each command into
 * unit commands on the {@link LayerDatapath} (buffers, linear engine, LayerNorm, attention, expert merge), the
 * {@link GateStage} (router), the {@link PixelStreamer} and the residual load / store. Weights and the image stream
 * in on the {@code weights} ports (striped in 4 KB pieces) through the {@link FetchRouter}; the output features
 * leave on {@code output}. Activations never leave the chip. After an error the sequencer's {@code stopping} resets the
 * datapath (a soft reset), so every unit is idle for the next START. See docs/accelerator.md.
 */
public final class EdgeMoeAccelerator extends Module {
    public final AxiLite4 ctrl;
    public final Axi4ReadOnly prog;
    /** The weight ports: weights and the input image, striped in 4 KB pieces ({@link StripedReadMaster}). */
    public final Vec<Axi4ReadOnly> weights;
    public final Axi4WriteOnly output;
    public final Bool interrupt = out(Bool());

    /** Beats of the expert prefetcher's bursts (1 KB on a 128-bit port). */
    public static final int PREFETCH_BURST = 64;
    /**
     * The expert prefetcher's bursts in flight a port: 384 beats, a 200-cycle read latency's worth at a port's share of
     * the DDR (during EXPERTS it streams alone); none granted while the weight path has a burst in flight or waiting.
     */
    public static final int PREFETCH_OUTSTANDING = 6;

    public EdgeMoeAccelerator() {
        this(AcceleratorConfig.defaults());
    }

    public EdgeMoeAccelerator(AcceleratorConfig cfg) {
        DatapathConfig dc = cfg.datapath();
        int n = dc.lanes();
        int aw = dc.addrWidth();
        int bus = cfg.weightBusBits();
        param("LANES", n);
        param("PROFILE", cfg.formats().name());
        ctrl = slave(new AxiLite4(12, 32));
        prog = master(new Axi4ReadOnly(cfg.ddr()));
        weights = master(Vec(cfg.weightPorts(), new Axi4ReadOnly(cfg.ddr())));
        output = master(new Axi4WriteOnly(cfg.ddr()));

        ControlPlane control = instance(new ControlPlane(cfg.ddr(), cfg.limits()));
        Bool stop = control.stopping;
        StripedReadMaster weightPort = instance(new StripedReadMaster(cfg.ddr(), cfg.weightPorts(), cfg.weightOutstanding(), 32,
                Math.max(2, 4096 * 8 / bus), bus));
        AxiWriteMaster outputPort = instance(new AxiWriteMaster(cfg.ddr(), 4, 32));
        FetchRouter fetch = instance(new FetchRouter(bus), stop);
        // the prefetcher reads in short bursts, few in flight (PREFETCH_BURST beats, PREFETCH_OUTSTANDING a port), so the
        // weight path's bursts never wait long behind it
        StripedReadMaster prefetchPort = instance(new StripedReadMaster(cfg.ddr(), cfg.weightPorts(), PREFETCH_OUTSTANDING, 32,
                Math.max(2, 4096 * 8 / bus), bus, PREFETCH_BURST));
        ExpertPrefetcher prefetcher = instance(new ExpertPrefetcher(bus, cfg.expertBufferWords(), ModelShape.EXPERTS), stop);
        CommandDispatcher disp = instance(new CommandDispatcher(dc, cfg.attention(), cfg.layerNorm(),
                GateStage.routerConfig(cfg.formats(), dc.dim(), ModelShape.EXPERTS, dc.maxTokens(), cfg.gateLanes()), bus), stop);
        LayerDatapath layer = instance(new LayerDatapath(dc, cfg.attention(), cfg.layerNorm()), stop);
        GateStage gate = instance(new GateStage(cfg.formats(), n, cfg.gateLanes(), dc.dim(), ModelShape.EXPERTS, dc.maxTokens(), aw, bus), stop);
        PixelStreamer pixels = instance(new PixelStreamer(cfg.embed()), stop);
        ResidLoad posLoad = instance(new ResidLoad(bus, n, cfg.formats().resid(), aw), stop);
        ResidStore store = instance(new ResidStore(cfg.ddr().dataWidth(), n, cfg.formats().resid(), aw, 16), stop);

        // ---- control ----
        control.ctrl.connectFrom(ctrl);
        prog.ar.driveFrom(control.prog.ar);
        control.prog.r.driveFrom(prog.r);
        interrupt.set(control.interrupt);
        disp.cmd.driveFrom(control.cmd);
        disp.task.set(control.task);
        disp.inputAddr.set(control.inputAddr);
        disp.outputAddr.set(control.outputAddr);
        weightPort.clear.set(control.clearErrors);
        weightPort.abort.set(stop);
        prefetchPort.clear.set(control.clearErrors);
        prefetchPort.abort.set(stop);
        outputPort.clear.set(control.clearErrors);
        outputPort.abort.set(stop);
        fetch.flush.set(stop);

        // ---- DDR ports: each weight port shared by the in-order weight path (first) and the expert prefetcher (only
        // while the weight path has no burst in flight and none that fits waiting) ----
        for (int p = 0; p < cfg.weightPorts(); p++) {
            AxiReadArbiter share = instance(new AxiReadArbiter(cfg.ddr(), 2, 8, 2 * AxiReadArbiter.maxBurstBeats(cfg.ddr()),
                    StreamArbiter.Policy.LOWEST_INDEX_FIRST, 0));
            share.inputs.get(0).ar.driveFrom(weightPort.axi.get(p).ar);
            weightPort.axi.get(p).r.driveFrom(share.inputs.get(0).r);
            share.inputs.get(1).ar.driveFrom(prefetchPort.axi.get(p).ar);
            prefetchPort.axi.get(p).r.driveFrom(share.inputs.get(1).r);
            weights.get(p).ar.driveFrom(share.output.ar);
            share.output.r.driveFrom(weights.get(p).r);
        }
        output.aw.driveFrom(outputPort.axi.aw);
        output.w.driveFrom(outputPort.axi.w);
        outputPort.axi.b.driveFrom(output.b);

        // ---- weights and the image: requests, beats to their destinations ----
        Stream<FetchReq> imageRead = pixels.read.map(t -> {
            FetchReq r = wire(new FetchReq());
            r.addr.set(t.addr.resize(32));
            r.bytes.set(t.bytes.resize(32));
            r.dest.set(FetchDest.PIXELS);
            r.buffered.set(false);
            return r;
        });
        fetch.req.driveFrom(StreamArbiter.on(StreamArbiter.Policy.LOWEST_INDEX_FIRST, disp.fetch, imageRead));
        weightPort.cmd.driveFrom(fetch.transfer);
        fetch.data.driveFrom(weightPort.data);
        prefetcher.start.driveFrom(disp.prefetch);
        prefetchPort.cmd.driveFrom(prefetcher.transfer);
        prefetcher.data.driveFrom(prefetchPort.data);
        prefetcher.req.driveFrom(fetch.bufReq);
        fetch.bufData.driveFrom(prefetcher.out);
        disp.active.set(gate.nonEmpty);
        // the expert loop's last request, or the program's end (no EXPERTS left to ask for a prefetched block)
        prefetcher.release.set(disp.release.or(control.ending.and(disp.busy.not())));
        disp.cuBeats.driveFrom(fetch.cuData);
        disp.lnBeats.driveFrom(fetch.lnData);
        gate.weights.driveFrom(fetch.gateData);
        posLoad.data.driveFrom(fetch.posData);

        // ---- units ----
        layer.linear.driveFrom(disp.linear);
        layer.weight.driveFrom(disp.weight);
        layer.list.connectFrom(disp.list);
        layer.lnCmd.driveFrom(disp.lnCmd);
        layer.lnParam.driveFrom(disp.lnParam);
        layer.attnCmd.driveFrom(disp.attnCmd);
        layer.mergeCmd.driveFrom(disp.merge);
        gate.cmd.driveFrom(disp.gateCmd);
        layer.lnoRead.driveFrom(gate.lnoRead);
        gate.lnoData.driveFrom(layer.lnoData);
        disp.drain.driveFrom(gate.drain);
        gate.bestToken.set(disp.bestToken);
        disp.bestExpert.set(gate.bestExpert);
        pixels.cmd.driveFrom(disp.embedCmd);
        Stream<Bits> imageBeats = StreamWidthAdapter.adapt(fetch.pixelData.map(b -> b.data), 8 * cfg.embed().beatBytes());
        pixels.data.valid.set(imageBeats.valid);
        pixels.data.payload.data.set(imageBeats.payload);
        pixels.data.payload.last.set(B(false));      // the streamer counts the image's words
        imageBeats.ready.set(pixels.data.ready);
        layer.hidWrite.valid.set(pixels.write.valid);
        layer.hidWrite.payload.set(pixels.write.payload);
        pixels.write.ready.set(B(true));
        layer.resWrite.connectFrom(posLoad.write);
        store.cmd.driveFrom(disp.storeCmd);
        layer.resRead.driveFrom(store.read);
        store.readData.driveFrom(layer.resData);
        outputPort.cmd.driveFrom(disp.storeXfer);
        outputPort.data.driveFrom(store.beats);

        Bool unitsBusy = layer.linearBusy.or(layer.lnBusy).or(layer.attnBusy).or(layer.mergeBusy).or(gate.busy)
                .or(pixels.busy).or(posLoad.busy).or(store.busy).or(outputPort.busy).named("unitsBusy");
        disp.unitsBusy.set(unitsBusy);
        disp.engineBusy.set(layer.linearBusy);
        disp.mergeBusy.set(layer.mergeBusy);
        disp.fetchBusy.set(fetch.busy);
        disp.qkvWritten.set(layer.qkvWritten);
        disp.embedInputsDone.set(fetch.posOutstanding.eq(0).and(posLoad.busy.not()).and(pixels.busy.not()));
        // BARRIER does not wait for the prefetcher (it holds a PREFETCH's blocks until their EXPERTS); the run's end and
        // the stop after an error do
        Bool prefetchQuiet = prefetcher.busy.or(prefetchPort.busy).not().or(control.ending.or(stop).not()).named("prefetchQuiet");
        control.unitsIdle.set(unitsBusy.or(disp.busy).or(fetch.busy).or(weightPort.busy).not().and(prefetchQuiet));
        control.progress.set(layer.linear.fire().or(disp.weight.fire()).or(disp.cmd.fire()).or(layer.attnCmd.fire())
                .or(pixels.write.valid).or(store.beats.fire()).or(gate.drain.fire()));
        control.unitReadError.set(mux(weightPort.error.valid, weightPort.error, prefetchPort.error));
        control.unitWriteError.set(outputPort.error);
        activity(control, layer, gate, pixels, weightPort, prefetchPort, outputPort, disp, cfg.ddr().bytesPerBeat());
        commandBegin(control, disp, layer);
    }

    /**
     * When a command's work begins, for the command trace: a LINEAR is taken while the previous command still runs
     * (its weights stream in behind) and begins with its first op into the engine; an ATTENTION (taken while its QKV
     * linear runs) with its first head into the attention unit; any other command when it is taken.
     */
    private static void commandBegin(ControlPlane control, CommandDispatcher disp, LayerDatapath layer) {
        Bool linearTaken = disp.cmd.fire().and(disp.cmd.payload.op.is(Opcode.LINEAR));
        Bool attnTaken = disp.cmd.fire().and(disp.cmd.payload.op.is(Opcode.ATTENTION));
        Bool linearWaits = reg(Bool()).init(false).named("linearWaits");
        Bool attnWaits = reg(Bool()).init(false).named("attnWaits");
        when(control.clearErrors.or(layer.linear.fire()), () -> linearWaits.set(false))
                .elsewhen(linearTaken, () -> linearWaits.set(true));
        when(control.clearErrors.or(layer.attnCmd.fire()), () -> attnWaits.set(false))
                .elsewhen(attnTaken, () -> attnWaits.set(true));
        control.commandBegin.set(disp.cmd.fire().and(linearTaken.not()).and(attnTaken.not())
                .or(linearWaits.and(layer.linear.fire())).or(attnWaits.and(layer.attnCmd.fire())));
    }

    private static void activity(ControlPlane control, LayerDatapath layer, GateStage gate, PixelStreamer pixels,
                                 StripedReadMaster wp, StripedReadMaster pf, AxiWriteMaster op, CommandDispatcher disp, int beatBytes) {
        UnitActivity a = control.unitActivity;
        a.cu.set(layer.linearBusy);
        a.attn.set(layer.attnBusy);
        a.ln.set(layer.lnBusy);
        a.router.set(gate.busy);
        a.embed.set(pixels.busy);
        // both read paths (the weight path and the expert prefetcher, each behind the ports' R buffers)
        a.ddrReadBytes.set(wp.beat.resize(8).plus(pf.beat.resize(8)).shl(Integer.numberOfTrailingZeros(beatBytes)).resize(8));
        a.ddrWriteBytes.set(mux(op.beat, U(beatBytes, 8), U(0, 8)));
        a.ddrStall.set(wp.waiting.or(op.waiting));
        a.command.set(disp.cmd.fire());
    }
}
