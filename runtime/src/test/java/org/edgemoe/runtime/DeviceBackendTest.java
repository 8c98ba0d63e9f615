package org.edgemoe.runtime;

import static org.junit.jupiter.api.Assertions.*;

import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Linux platform (edgemoe_linux.c) behind {@link DeviceBackend}, with files standing in for /dev/mem (the
 * {@code @FILE} form of the {@code mem:} specs): registers land at their physical offsets as 32-bit words, buffer
 * copies of any alignment and length arrive byte for byte, out-of-range accesses are refused, and every bad spec or
 * missing device is an error naming the file and the fix. UIO interrupts and u-dma-buf need a board.
 */
class DeviceBackendTest {
    static final long REGS = 0x3000;
    static final long BUF = 0x10_0000;
    static final int BUF_BYTES = 0x8_0000;

    @TempDir
    Path dir;

    Path sparse(String name, long bytes) throws Exception {
        Path f = dir.resolve(name);
        try (RandomAccessFile r = new RandomAccessFile(f.toFile(), "rw")) {
            r.setLength(bytes);
        }
        return f;
    }

    static int word(Path f, long at) throws Exception {
        try (RandomAccessFile r = new RandomAccessFile(f.toFile(), "r")) {
            byte[] b = new byte[4];
            r.seek(at);
            r.readFully(b);
            return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getInt();
        }
    }

    @Test
    void registersAndBufferMapOntoTheirPhysicalAddresses() throws Exception {
        Path mem = sparse("mem", BUF + BUF_BYTES);
        try (DeviceBackend d = DeviceBackend.open("mem:0x3000@" + mem, "mem:0x100000:0x80000@" + mem)) {
            assertFalse(d.hasInterrupt(), "/dev/mem has no interrupt: the driver polls");
            assertEquals(BUF, d.memBase());
            assertEquals(BUF_BYTES, d.memSize());
            assertEquals("registers 0x3000 of " + mem + " (polling), buffer mem:0x100000:0x80000@" + mem + " at 0x100000, 524288 bytes",
                    d.describe());
            d.regWrite(EdgeMoeRegs.PROGRAM_ADDR, 0xCAFE_F00D);
            d.regWrite(0xFFC, 7);
            assertEquals(0xCAFE_F00D, word(mem, REGS + EdgeMoeRegs.PROGRAM_ADDR));
            assertEquals(7, word(mem, REGS + 0xFFC));
            assertEquals(0xCAFE_F00D, d.regRead(EdgeMoeRegs.PROGRAM_ADDR));
            assertThrows(IllegalArgumentException.class, () -> d.regRead(0x1000));
            assertThrows(IllegalArgumentException.class, () -> d.regWrite(0x2, 1));

            Random rnd = new Random(3);
            byte[] data = new byte[100_001];
            rnd.nextBytes(data);
            for (int[] c : new int[][] {{0, 0, 100_001}, {3, 5, 1001}, {7, 1, 8}, {BUF_BYTES - 13, 17, 13}}) {
                d.memWrite(BUF + c[0], data, c[1], c[2]);
                byte[] back = new byte[c[2]];
                d.memRead(BUF + c[0], back, 0, c[2]);
                assertArrayEquals(java.util.Arrays.copyOfRange(data, c[1], c[1] + c[2]), back, "offset " + c[0] + ", " + c[2] + " bytes");
                byte[] inFile = new byte[c[2]];
                try (RandomAccessFile r = new RandomAccessFile(mem.toFile(), "r")) {
                    r.seek(BUF + c[0]);
                    r.readFully(inFile);
                }
                assertArrayEquals(back, inFile, "the mapped file holds it");
            }
            assertThrows(IllegalArgumentException.class, () -> d.memWrite(BUF + BUF_BYTES - 3, new byte[4], 0, 4));
            assertThrows(IllegalArgumentException.class, () -> d.memRead(BUF - 1, new byte[4], 0, 4));

            AcceleratorException none = assertThrows(AcceleratorException.class, () -> Accelerator.open(d));
            assertEquals(AcceleratorException.Kind.NO_DEVICE, none.kind());
            assertTrue(none.getMessage().contains("the ID register reads 0x00000000"), none.getMessage());
            d.regWrite(EdgeMoeRegs.ID, org.edgemoe.rtl.top.ControlRegisters.ID_VALUE);
            d.regWrite(EdgeMoeRegs.STATUS, EdgeMoeRegs.STATUS_IDLE_MASK);
            try (Accelerator acc = Accelerator.open(d)) {
                acc.loadInput(AcceleratorTest.pixels());
                byte[] px = new byte[InputImage.BYTES];
                d.memRead(acc.layout().inputAddr(), px, 0, px.length);
                assertArrayEquals(AcceleratorTest.pixels(), px);
            }
        }
    }

    @Test
    void badSpecsAndMissingDevicesSayWhatToDo() throws Exception {
        Path mem = sparse("mem", BUF + BUF_BYTES);
        String[][] cases = {
            {"uio:/nonexistent/uio9", "mem:0x100000:0x80000@" + mem, "cannot open /nonexistent/uio9 (register window): No such file or directory"},
            {"uio:no-such-accelerator", "mem:0x100000:0x80000@" + mem, "no UIO device named 'no-such-accelerator' in /sys/class/uio"},
            {"pci:0", "mem:0x100000:0x80000@" + mem, "register window 'pci:0': expected uio:/dev/uioN, uio:NAME or mem:ADDR[@FILE]"},
            {"mem:zz", "mem:0x100000:0x80000@" + mem, "'mem:zz': expected a physical address after mem:"},
            {"mem:0x3000@" + mem, "mem:0x100000@" + mem, "a buffer needs its size: mem:ADDR:BYTES"},
            {"mem:0x3000@" + mem, "udmabuf:nothere", "no /sys/class/u-dma-buf/nothere/phys_addr and size: is the u-dma-buf module loaded"},
            {"mem:0x3000@" + mem, "cma:1", "DMA buffer 'cma:1': expected udmabuf:NAME or mem:ADDR:BYTES[@FILE]"},
            {"mem:0x3000@" + dir.resolve("missing"), "mem:0x100000:0x80000@" + mem, "cannot open " + dir.resolve("missing")},
        };
        for (String[] c : cases) {
            AcceleratorException e = assertThrows(AcceleratorException.class, () -> DeviceBackend.open(c[0], c[1]), c[0] + " " + c[1]);
            assertEquals(AcceleratorException.Kind.NO_DEVICE, e.kind());
            assertTrue(e.getMessage().contains(c[2]), e.getMessage());
            assertTrue(e.getMessage().startsWith("device " + c[0] + " / " + c[1] + ": "), e.getMessage());
        }
        Files.delete(mem);
    }
}
