/*
 * edgemoe_linux.h: the C driver's platform on Linux (ZCU102 with PetaLinux, PYNQ): the register window
 * mapped from a UIO device or /dev/mem, the DMA buffer from u-dma-buf or a reserved region through /dev/mem,
 * the interrupt through UIO.
 *
 * Register window specs:
 *   uio:/dev/uio0        a UIO device (uio_pdrv_genirq); its map 0 is the window, its interrupt is used
 *   uio:NAME             the UIO device whose /sys/class/uio/uioN/name is NAME (the device-tree node name)
 *   mem:ADDR[@FILE]      4 KB at physical address ADDR through /dev/mem (or FILE); no interrupt: polling
 * DMA buffer specs:
 *   udmabuf:NAME         /dev/NAME of the u-dma-buf driver; address and size from /sys/class/u-dma-buf/NAME
 *                        (or /sys/class/udmabuf/NAME)
 *   mem:ADDR:BYTES[@FILE] a physically contiguous region (e.g. a device-tree reserved-memory node, no-map)
 *                        through /dev/mem (or FILE)
 * Numbers are C literals (0x... hex). Both mappings are opened with O_SYNC (uncached: the accelerator's HP
 * ports do not snoop the CPU caches), and the buffer is written and read with aligned word accesses, which
 * uncached (device) memory requires on AArch64. Needs root, or read/write permission on the device files.
 */
#ifndef EDGEMOE_LINUX_H
#define EDGEMOE_LINUX_H

#include <stddef.h>
#include <stdint.h>

#include "edgemoe.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct edgemoe_linux {
    int reg_fd;
    void *reg_map;
    size_t reg_map_bytes;
    volatile uint32_t *regs;
    uint32_t reg_bytes;
    int irq; /* 1: reg_fd is a UIO device whose interrupt is used */
    int buf_fd;
    void *buf_map;
    size_t buf_map_bytes;
    volatile uint8_t *buf;
    uint64_t buf_phys;
    uint64_t buf_bytes;
    char describe[300];
    char error[300];
} edgemoe_linux;

/* Opens and maps both; on failure edgemoe_linux_error() says what (and nothing stays open). */
int edgemoe_linux_open(edgemoe_linux *lx, const char *regs_spec, const char *buffer_spec);

/* The platform over an opened edgemoe_linux (interrupt when the registers came from UIO). */
void edgemoe_linux_platform(edgemoe_linux *lx, edgemoe_platform *p);

void edgemoe_linux_close(edgemoe_linux *lx);

const char *edgemoe_linux_error(const edgemoe_linux *lx);

/* "registers uio:/dev/uio0 (4096 bytes, interrupt), buffer udmabuf:udmabuf0 at 0x70000000, 67108864 bytes" */
const char *edgemoe_linux_describe(const edgemoe_linux *lx);

/* The platform calls, usable directly (ctx is the edgemoe_linux). */
uint32_t edgemoe_linux_reg_read(void *ctx, uint32_t offset);
void edgemoe_linux_reg_write(void *ctx, uint32_t offset, uint32_t value);
int edgemoe_linux_buf_write(void *ctx, uint64_t offset, const void *src, size_t n);
int edgemoe_linux_buf_read(void *ctx, uint64_t offset, void *dst, size_t n);
int edgemoe_linux_wait_irq(void *ctx, uint32_t us);
uint64_t edgemoe_linux_now_us(void *ctx);
void edgemoe_linux_sleep_us(void *ctx, uint32_t us);

#ifdef __cplusplus
}
#endif

#endif
