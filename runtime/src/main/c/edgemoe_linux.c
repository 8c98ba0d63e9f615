/* edgemoe_linux.c: the C driver's Linux platform (see edgemoe_linux.h). */
#define _GNU_SOURCE
#include "edgemoe_linux.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

#define WINDOW_BYTES 4096u

static int lx_fail(edgemoe_linux *lx, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(lx->error, sizeof lx->error, fmt, ap);
    va_end(ap);
    return EDGEMOE_E_PLATFORM;
}

/* A C number literal at s; *end after it. */
static int parse_u64(const char *s, const char **end, uint64_t *v) {
    char *e;
    unsigned long long x;
    if (*s < '0' || *s > '9') {
        return -1;
    }
    errno = 0;
    x = strtoull(s, &e, 0);
    if (e == s || errno != 0) {
        return -1;
    }
    *v = x;
    *end = e;
    return 0;
}

/* The first line of a small sysfs file, without its newline; -1 if it cannot be read. */
static int read_line(const char *path, char *out, size_t n) {
    FILE *f = fopen(path, "r");
    size_t len;
    if (f == NULL) {
        return -1;
    }
    if (fgets(out, (int)n, f) == NULL) {
        fclose(f);
        return -1;
    }
    fclose(f);
    len = strlen(out);
    while (len > 0 && (out[len - 1] == '\n' || out[len - 1] == '\r' || out[len - 1] == ' ')) {
        out[--len] = '\0';
    }
    return 0;
}

static int read_number(const char *path, uint64_t *v) {
    char line[64];
    const char *end;
    if (read_line(path, line, sizeof line) != 0 || parse_u64(line, &end, v) != 0) {
        return -1;
    }
    return 0;
}

/* Maps [phys, phys + bytes) of fd (page-aligned underneath); *at gets the address of phys. */
static int map_range(edgemoe_linux *lx, int fd, const char *file, uint64_t phys, uint64_t bytes, void **map, size_t *map_bytes,
                     void **at) {
    long page = sysconf(_SC_PAGESIZE);
    uint64_t base, delta;
    void *m;
    if (page <= 0) {
        page = 4096;
    }
    base = phys & ~(uint64_t)(page - 1);
    delta = phys - base;
    *map_bytes = (size_t)((delta + bytes + (uint64_t)page - 1) & ~(uint64_t)(page - 1));
    m = mmap(NULL, *map_bytes, PROT_READ | PROT_WRITE, MAP_SHARED, fd, (off_t)base);
    if (m == MAP_FAILED) {
        return lx_fail(lx, "cannot map %llu bytes at 0x%llx of %s: %s", (unsigned long long)bytes, (unsigned long long)phys, file,
                       strerror(errno));
    }
    *map = m;
    *at = (uint8_t *)m + delta;
    return EDGEMOE_OK;
}

static int open_file(edgemoe_linux *lx, const char *file, const char *what) {
    int fd = open(file, O_RDWR | O_SYNC);
    if (fd < 0) {
        lx_fail(lx, "cannot open %s (%s): %s%s", file, what, strerror(errno),
                errno == EACCES || errno == EPERM ? " (run as root, or give this user read/write access to it)" : "");
    }
    return fd;
}

/* "mem:ADDR[:BYTES][@FILE]" into addr, bytes (default_bytes when absent) and file (default /dev/mem). */
static int parse_mem(edgemoe_linux *lx, const char *spec, const char *rest, uint64_t default_bytes, uint64_t *addr, uint64_t *bytes,
                     const char **file) {
    const char *e;
    *file = "/dev/mem";
    *bytes = default_bytes;
    if (parse_u64(rest, &e, addr) != 0) {
        return lx_fail(lx, "'%s': expected a physical address after mem:, e.g. mem:0xA0000000", spec);
    }
    if (*e == ':') {
        if (parse_u64(e + 1, &e, bytes) != 0 || *bytes == 0) {
            return lx_fail(lx, "'%s': expected a byte count after the address, e.g. mem:0x70000000:0x4000000", spec);
        }
    } else if (default_bytes == 0) {
        return lx_fail(lx, "'%s': a buffer needs its size: mem:ADDR:BYTES, e.g. mem:0x70000000:0x4000000", spec);
    }
    if (*e == '@') {
        *file = e + 1;
    } else if (*e != '\0') {
        return lx_fail(lx, "'%s': unexpected '%s' (expected mem:ADDR%s[@FILE])", spec, e, default_bytes == 0 ? ":BYTES" : "");
    }
    return EDGEMOE_OK;
}

static int open_regs(edgemoe_linux *lx, const char *spec) {
    char dev[128];
    char sys[160];
    void *at;
    uint64_t size = WINDOW_BYTES;
    if (strncmp(spec, "uio:", 4) == 0) {
        const char *rest = spec + 4;
        const char *base;
        if (rest[0] != '/') {
            int n, found = -1;
            for (n = 0; n < 256 && found < 0; n++) {
                char name[128];
                snprintf(sys, sizeof sys, "/sys/class/uio/uio%d/name", n);
                if (read_line(sys, name, sizeof name) == 0 && strcmp(name, rest) == 0) {
                    found = n;
                }
            }
            if (found < 0) {
                return lx_fail(lx, "no UIO device named '%s' in /sys/class/uio (is the device-tree node bound to uio_pdrv_genirq?)", rest);
            }
            snprintf(dev, sizeof dev, "/dev/uio%d", found);
        } else {
            snprintf(dev, sizeof dev, "%s", rest);
        }
        base = strrchr(dev, '/');
        base = base == NULL ? dev : base + 1;
        if (strncmp(base, "uio", 3) == 0) {
            snprintf(sys, sizeof sys, "/sys/class/uio/%s/maps/map0/size", base);
            if (read_number(sys, &size) != 0) {
                size = WINDOW_BYTES;
            }
        }
        if (size < WINDOW_BYTES) {
            return lx_fail(lx, "%s: map 0 is %llu bytes, the register window needs %u", dev, (unsigned long long)size, WINDOW_BYTES);
        }
        lx->reg_fd = open_file(lx, dev, "register window");
        if (lx->reg_fd < 0) {
            return EDGEMOE_E_PLATFORM;
        }
        /* UIO: map N is at offset N x page size. */
        if (map_range(lx, lx->reg_fd, dev, 0, size, &lx->reg_map, &lx->reg_map_bytes, &at) != EDGEMOE_OK) {
            return EDGEMOE_E_PLATFORM;
        }
        lx->irq = 1;
        snprintf(lx->describe, sizeof lx->describe, "registers %s (%llu bytes, interrupt)", dev, (unsigned long long)size);
    } else if (strncmp(spec, "mem:", 4) == 0) {
        uint64_t addr;
        const char *file;
        if (parse_mem(lx, spec, spec + 4, WINDOW_BYTES, &addr, &size, &file) != EDGEMOE_OK) {
            return EDGEMOE_E_PLATFORM;
        }
        if (size < WINDOW_BYTES) {
            return lx_fail(lx, "'%s': the register window is %u bytes, %llu given", spec, WINDOW_BYTES, (unsigned long long)size);
        }
        lx->reg_fd = open_file(lx, file, "register window");
        if (lx->reg_fd < 0) {
            return EDGEMOE_E_PLATFORM;
        }
        if (map_range(lx, lx->reg_fd, file, addr, size, &lx->reg_map, &lx->reg_map_bytes, &at) != EDGEMOE_OK) {
            return EDGEMOE_E_PLATFORM;
        }
        lx->irq = 0;
        snprintf(lx->describe, sizeof lx->describe, "registers 0x%llx of %s (polling)", (unsigned long long)addr, file);
    } else {
        return lx_fail(lx, "register window '%s': expected uio:/dev/uioN, uio:NAME or mem:ADDR[@FILE]", spec);
    }
    lx->regs = (volatile uint32_t *)at;
    lx->reg_bytes = (uint32_t)(size > 0xFFFFFFFFu ? 0xFFFFFFFFu : size);
    return EDGEMOE_OK;
}

static int open_buffer(edgemoe_linux *lx, const char *spec) {
    char dev[160];
    void *at;
    const char *file;
    size_t len = strlen(lx->describe);
    if (strncmp(spec, "udmabuf:", 8) == 0) {
        const char *name = spec + 8;
        char sys[200];
        const char *classes[2] = {"u-dma-buf", "udmabuf"};
        int c, got = 0;
        if (name[0] == '\0' || strchr(name, '/') != NULL) {
            return lx_fail(lx, "'%s': expected udmabuf:NAME, e.g. udmabuf:udmabuf0", spec);
        }
        for (c = 0; c < 2 && !got; c++) {
            snprintf(sys, sizeof sys, "/sys/class/%s/%s/phys_addr", classes[c], name);
            if (read_number(sys, &lx->buf_phys) == 0) {
                snprintf(sys, sizeof sys, "/sys/class/%s/%s/size", classes[c], name);
                got = read_number(sys, &lx->buf_bytes) == 0;
            }
        }
        if (!got) {
            return lx_fail(lx, "no /sys/class/u-dma-buf/%s/phys_addr and size: is the u-dma-buf module loaded with a buffer named %s "
                           "(e.g. modprobe u-dma-buf udmabuf0=67108864)?", name, name);
        }
        snprintf(dev, sizeof dev, "/dev/%s", name);
        file = dev;
        lx->buf_fd = open_file(lx, file, "DMA buffer");
        if (lx->buf_fd < 0) {
            return EDGEMOE_E_PLATFORM;
        }
        if (map_range(lx, lx->buf_fd, file, 0, lx->buf_bytes, &lx->buf_map, &lx->buf_map_bytes, &at) != EDGEMOE_OK) {
            return EDGEMOE_E_PLATFORM;
        }
    } else if (strncmp(spec, "mem:", 4) == 0) {
        if (parse_mem(lx, spec, spec + 4, 0, &lx->buf_phys, &lx->buf_bytes, &file) != EDGEMOE_OK) {
            return EDGEMOE_E_PLATFORM;
        }
        lx->buf_fd = open_file(lx, file, "DMA buffer");
        if (lx->buf_fd < 0) {
            return EDGEMOE_E_PLATFORM;
        }
        /* the file offset is the physical address itself */
        if (map_range(lx, lx->buf_fd, file, lx->buf_phys, lx->buf_bytes, &lx->buf_map, &lx->buf_map_bytes, &at) != EDGEMOE_OK) {
            return EDGEMOE_E_PLATFORM;
        }
    } else {
        return lx_fail(lx, "DMA buffer '%s': expected udmabuf:NAME or mem:ADDR:BYTES[@FILE]", spec);
    }
    lx->buf = (volatile uint8_t *)at;
    snprintf(lx->describe + len, sizeof lx->describe - len, ", buffer %s at 0x%llx, %llu bytes", spec, (unsigned long long)lx->buf_phys,
             (unsigned long long)lx->buf_bytes);
    return EDGEMOE_OK;
}

int edgemoe_linux_open(edgemoe_linux *lx, const char *regs_spec, const char *buffer_spec) {
    if (lx == NULL) {
        return EDGEMOE_E_ARG;
    }
    memset(lx, 0, sizeof *lx);
    lx->reg_fd = -1;
    lx->buf_fd = -1;
    if (regs_spec == NULL || buffer_spec == NULL) {
        return lx_fail(lx, "a register window spec and a DMA buffer spec are both needed");
    }
    if (open_regs(lx, regs_spec) != EDGEMOE_OK || open_buffer(lx, buffer_spec) != EDGEMOE_OK) {
        char keep[sizeof lx->error];
        memcpy(keep, lx->error, sizeof keep);
        edgemoe_linux_close(lx);
        memcpy(lx->error, keep, sizeof keep);
        return EDGEMOE_E_PLATFORM;
    }
    return EDGEMOE_OK;
}

void edgemoe_linux_close(edgemoe_linux *lx) {
    if (lx == NULL) {
        return;
    }
    if (lx->buf_map != NULL) {
        munmap(lx->buf_map, lx->buf_map_bytes);
    }
    if (lx->reg_map != NULL) {
        munmap(lx->reg_map, lx->reg_map_bytes);
    }
    if (lx->buf_fd >= 0) {
        close(lx->buf_fd);
    }
    if (lx->reg_fd >= 0) {
        close(lx->reg_fd);
    }
    memset(lx, 0, sizeof *lx);
    lx->reg_fd = -1;
    lx->buf_fd = -1;
}

const char *edgemoe_linux_error(const edgemoe_linux *lx) {
    return lx == NULL ? "no platform (NULL)" : lx->error;
}

const char *edgemoe_linux_describe(const edgemoe_linux *lx) {
    return lx == NULL ? "" : lx->describe;
}

uint32_t edgemoe_linux_reg_read(void *ctx, uint32_t offset) {
    edgemoe_linux *lx = (edgemoe_linux *)ctx;
    if (offset % 4u != 0 || offset >= lx->reg_bytes) {
        return 0xFFFFFFFFu;
    }
    return lx->regs[offset / 4u];
}

void edgemoe_linux_reg_write(void *ctx, uint32_t offset, uint32_t value) {
    edgemoe_linux *lx = (edgemoe_linux *)ctx;
    if (offset % 4u == 0 && offset < lx->reg_bytes) {
        lx->regs[offset / 4u] = value;
        __sync_synchronize();
    }
}

/* Uncached (device) memory takes only aligned accesses on AArch64: bytes to the first 8-byte boundary,
   then 8-byte words, then bytes. */
int edgemoe_linux_buf_write(void *ctx, uint64_t offset, const void *src, size_t n) {
    edgemoe_linux *lx = (edgemoe_linux *)ctx;
    volatile uint8_t *d;
    const uint8_t *s = (const uint8_t *)src;
    if (offset > lx->buf_bytes || n > lx->buf_bytes - offset) {
        return -1;
    }
    d = lx->buf + offset;
    while (n > 0 && ((uintptr_t)d & 7u) != 0) {
        *d++ = *s++;
        n--;
    }
    while (n >= 8) {
        uint64_t w;
        memcpy(&w, s, 8);
        *(volatile uint64_t *)(void *)d = w;
        d += 8;
        s += 8;
        n -= 8;
    }
    while (n > 0) {
        *d++ = *s++;
        n--;
    }
    __sync_synchronize();
    return 0;
}

int edgemoe_linux_buf_read(void *ctx, uint64_t offset, void *dst, size_t n) {
    edgemoe_linux *lx = (edgemoe_linux *)ctx;
    const volatile uint8_t *s;
    uint8_t *d = (uint8_t *)dst;
    if (offset > lx->buf_bytes || n > lx->buf_bytes - offset) {
        return -1;
    }
    __sync_synchronize();
    s = lx->buf + offset;
    while (n > 0 && ((uintptr_t)s & 7u) != 0) {
        *d++ = *s++;
        n--;
    }
    while (n >= 8) {
        uint64_t w = *(const volatile uint64_t *)(const volatile void *)s;
        memcpy(d, &w, 8);
        d += 8;
        s += 8;
        n -= 8;
    }
    while (n > 0) {
        *d++ = *s++;
        n--;
    }
    return 0;
}

/* UIO: writing 1 re-enables the interrupt (uio_pdrv_genirq masks it when it fires), reading returns its count. */
int edgemoe_linux_wait_irq(void *ctx, uint32_t us) {
    edgemoe_linux *lx = (edgemoe_linux *)ctx;
    uint32_t one = 1, count;
    struct pollfd pfd;
    struct timespec ts;
    int r;
    if (!lx->irq) {
        edgemoe_linux_sleep_us(ctx, us);
        return 0;
    }
    if (write(lx->reg_fd, &one, sizeof one) != (ssize_t)sizeof one) {
        return -1;
    }
    pfd.fd = lx->reg_fd;
    pfd.events = POLLIN;
    pfd.revents = 0;
    ts.tv_sec = us / 1000000u;
    ts.tv_nsec = (long)(us % 1000000u) * 1000L;
    r = ppoll(&pfd, 1, &ts, NULL);
    if (r < 0) {
        return errno == EINTR ? 0 : -1;
    }
    if (r == 0) {
        return 0;
    }
    if (read(lx->reg_fd, &count, sizeof count) != (ssize_t)sizeof count) {
        return -1;
    }
    return 1;
}

uint64_t edgemoe_linux_now_us(void *ctx) {
    struct timespec ts;
    (void)ctx;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000u + (uint64_t)ts.tv_nsec / 1000u;
}

void edgemoe_linux_sleep_us(void *ctx, uint32_t us) {
    struct timespec ts;
    (void)ctx;
    ts.tv_sec = us / 1000000u;
    ts.tv_nsec = (long)(us % 1000000u) * 1000L;
    while (nanosleep(&ts, &ts) != 0 && errno == EINTR) {
    }
}

void edgemoe_linux_platform(edgemoe_linux *lx, edgemoe_platform *p) {
    memset(p, 0, sizeof *p);
    p->ctx = lx;
    p->reg_read = edgemoe_linux_reg_read;
    p->reg_write = edgemoe_linux_reg_write;
    p->buf_bus_addr = lx->buf_phys;
    p->buf_bytes = lx->buf_bytes;
    p->buf_write = edgemoe_linux_buf_write;
    p->buf_read = edgemoe_linux_buf_read;
    p->now_us = edgemoe_linux_now_us;
    p->wait_irq = lx->irq ? edgemoe_linux_wait_irq : NULL;
    p->sleep_us = edgemoe_linux_sleep_us;
}
