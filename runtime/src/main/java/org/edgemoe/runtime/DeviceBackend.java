package org.edgemoe.runtime;

import java.util.concurrent.locks.LockSupport;

/**
 * The accelerator on a board running Linux (ZCU102 with PetaLinux, PYNQ): the register window mapped from a UIO
 * device or /dev/mem, the DMA buffer from u-dma-buf or a reserved region through /dev/mem, the interrupt through
 * UIO; through the C driver's Linux platform ({@code edgemoe_linux.c}, via {@link NativeDriver}). Time is the wall
 * clock.
 *
 * <p>Specs (as for the C driver, see edgemoe_linux.h): registers {@code uio:/dev/uio0}, {@code uio:NAME} (the UIO
 * device of that device-tree name) or {@code mem:0xA0000000}; buffer {@code udmabuf:udmabuf0} or
 * {@code mem:0x70000000:0x4000000}. {@code mem:} specs take {@code @FILE} to map a file instead of /dev/mem.
 * Both are mapped uncached (O_SYNC): the accelerator's HP ports do not snoop the CPU caches.
 */
public final class DeviceBackend implements AcceleratorBackend {
    private long handle;
    private final String description;
    private final boolean irq;
    private final long base;
    private final long size;

    private DeviceBackend(long handle) {
        this.handle = handle;
        this.description = NativeDriver.linuxDescribe(handle);
        this.irq = NativeDriver.linuxHasIrq(handle);
        this.base = NativeDriver.linuxBufBase(handle);
        this.size = NativeDriver.linuxBufSize(handle);
    }

    /** Opens and maps the register window and the buffer; a failure names the file and why. */
    public static DeviceBackend open(String regs, String buffer) {
        try {
            NativeDriver.load();
        } catch (IllegalStateException | UnsatisfiedLinkError e) {
            throw new AcceleratorException(AcceleratorException.Kind.NO_DEVICE, "the native driver could not be loaded: " + e.getMessage());
        }
        long h;
        try {
            h = NativeDriver.linuxOpen(regs, buffer);
        } catch (IllegalArgumentException e) {
            throw new AcceleratorException(AcceleratorException.Kind.NO_DEVICE, "device " + regs + " / " + buffer + ": " + e.getMessage());
        }
        return new DeviceBackend(h);
    }

    private long h() {
        if (handle == 0) {
            throw new IllegalStateException(description + ": closed");
        }
        return handle;
    }

    private void checkRegister(int offset) {
        if (offset < 0 || offset >= 4096 || offset % 4 != 0) {
            throw new IllegalArgumentException("register offset 0x" + Integer.toHexString(offset) + ": the window is 4 KB of 32-bit registers");
        }
    }

    @Override
    public int regRead(int offset) {
        checkRegister(offset);
        return NativeDriver.linuxRegRead(h(), offset);
    }

    @Override
    public void regWrite(int offset, int value) {
        checkRegister(offset);
        NativeDriver.linuxRegWrite(h(), offset, value);
    }

    @Override
    public long memBase() {
        return base;
    }

    @Override
    public long memSize() {
        return size;
    }

    @Override
    public void memWrite(long busAddr, byte[] data, int off, int len) {
        checkRange(busAddr, len);
        java.util.Objects.checkFromIndexSize(off, len, data.length);
        if (NativeDriver.linuxBufWrite(h(), busAddr - base, data, off, len) != 0) {
            throw new IllegalStateException(description + ": buffer write failed");
        }
    }

    @Override
    public void memRead(long busAddr, byte[] dst, int off, int len) {
        checkRange(busAddr, len);
        java.util.Objects.checkFromIndexSize(off, len, dst.length);
        if (NativeDriver.linuxBufRead(h(), busAddr - base, dst, off, len) != 0) {
            throw new IllegalStateException(description + ": buffer read failed");
        }
    }

    @Override
    public boolean hasInterrupt() {
        return irq;
    }

    @Override
    public boolean awaitInterrupt(long nanos) {
        if (!irq) {
            pause(nanos);
            return false;
        }
        int r = NativeDriver.linuxWaitIrq(h(), (int) Math.min(Integer.MAX_VALUE, Math.max(1, nanos / 1000)));
        if (r < 0) {
            throw new IllegalStateException(description + ": waiting for the UIO interrupt failed (does the UIO driver take "
                    + "interrupt control writes? uio_pdrv_genirq does)");
        }
        return r > 0;
    }

    @Override
    public void pause(long nanos) {
        LockSupport.parkNanos(nanos);
    }

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public void close() {
        if (handle != 0) {
            NativeDriver.linuxClose(handle);
            handle = 0;
        }
    }
}
