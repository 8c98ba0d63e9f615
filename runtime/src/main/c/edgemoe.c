/* edgemoe.c: the C driver of the Edge-MoE accelerator (see edgemoe.h). C99. */
#include "edgemoe.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#define LOADED_WEIGHTS 1u
#define LOADED_PROGRAM 2u
#define LOADED_INPUT 4u
#define ABORT_US 1000u
#define COPY_CHUNK (1u << 20)

static const char *const ERROR_NAMES[EDGEMOE_ERR_COUNT] = EDGEMOE_ERROR_NAMES;
static const char *const ERROR_MEANINGS[EDGEMOE_ERR_COUNT] = EDGEMOE_ERROR_MEANINGS;
static const char *const OPCODE_NAMES[16] = EDGEMOE_OPCODE_NAMES;

const char *edgemoe_error_name(uint32_t code) {
    return code < EDGEMOE_ERR_COUNT ? ERROR_NAMES[code] : "UNKNOWN";
}

const char *edgemoe_error_meaning(uint32_t code) {
    return code < EDGEMOE_ERR_COUNT ? ERROR_MEANINGS[code] : "not in this driver's table (a newer bitstream?)";
}

const char *edgemoe_status_name(int status) {
    switch (status) {
    case EDGEMOE_OK: return "EDGEMOE_OK";
    case EDGEMOE_E_ARG: return "EDGEMOE_E_ARG";
    case EDGEMOE_E_NO_DEVICE: return "EDGEMOE_E_NO_DEVICE";
    case EDGEMOE_E_BUSY: return "EDGEMOE_E_BUSY";
    case EDGEMOE_E_TOO_BIG: return "EDGEMOE_E_TOO_BIG";
    case EDGEMOE_E_IMAGE: return "EDGEMOE_E_IMAGE";
    case EDGEMOE_E_NOT_READY: return "EDGEMOE_E_NOT_READY";
    case EDGEMOE_E_HARDWARE: return "EDGEMOE_E_HARDWARE";
    case EDGEMOE_E_TIMEOUT: return "EDGEMOE_E_TIMEOUT";
    case EDGEMOE_E_PLATFORM: return "EDGEMOE_E_PLATFORM";
    default: return "EDGEMOE_E_UNKNOWN";
    }
}

uint32_t edgemoe_crc32(uint32_t crc, const void *data, size_t n) {
    static uint32_t table[256];
    static int ready;
    const uint8_t *p = (const uint8_t *)data;
    size_t i;
    if (!ready) {
        uint32_t k;
        for (k = 0; k < 256; k++) {
            uint32_t c = k;
            int b;
            for (b = 0; b < 8; b++) {
                c = (c & 1u) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }
            table[k] = c;
        }
        ready = 1;
    }
    crc = ~crc;
    for (i = 0; i < n; i++) {
        crc = table[(crc ^ p[i]) & 0xFFu] ^ (crc >> 8);
    }
    return ~crc;
}

static int fail(edgemoe_dev *dev, int status, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(dev->message, sizeof dev->message, fmt, ap);
    va_end(ap);
    return status;
}

static int ok(edgemoe_dev *dev) {
    dev->message[0] = '\0';
    return EDGEMOE_OK;
}

static uint32_t rd(const edgemoe_dev *dev, uint32_t reg) {
    return dev->p.reg_read(dev->p.ctx, reg);
}

static void wr(const edgemoe_dev *dev, uint32_t reg, uint32_t value) {
    dev->p.reg_write(dev->p.ctx, reg, value);
}

static uint32_t le32(const uint8_t *p) {
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static uint64_t le64(const uint8_t *p) {
    return (uint64_t)le32(p) | (uint64_t)le32(p + 4) << 32;
}

static uint16_t le16(const uint8_t *p) {
    return (uint16_t)(p[0] | p[1] << 8);
}

int edgemoe_open(edgemoe_dev *dev, const edgemoe_platform *platform) {
    uint32_t id, st;
    if (dev == NULL) {
        return EDGEMOE_E_ARG;
    }
    memset(dev, 0, sizeof *dev);
    if (platform == NULL || platform->reg_read == NULL || platform->reg_write == NULL || platform->buf_write == NULL
        || platform->buf_read == NULL || platform->now_us == NULL || (platform->wait_irq == NULL && platform->sleep_us == NULL)) {
        return fail(dev, EDGEMOE_E_ARG, "platform: reg_read, reg_write, buf_write, buf_read, now_us and wait_irq or sleep_us are required");
    }
    dev->p = *platform;
    if (dev->p.poll_us == 0) {
        dev->p.poll_us = dev->p.wait_irq != NULL ? 50000u : 100u;
    }
    if (dev->p.buf_bus_addr % 4096u != 0 || dev->p.buf_bus_addr + dev->p.buf_bytes > ((uint64_t)1 << 32)
        || dev->p.buf_bytes <= EDGEMOE_DDR_WEIGHTS_OFFSET) {
        return fail(dev, EDGEMOE_E_ARG, "DMA buffer [0x%llx, 0x%llx): must be 4 KB aligned, below 4 GB (32-bit AXI addresses) and "
                    "larger than the %u bytes before the weights", (unsigned long long)dev->p.buf_bus_addr,
                    (unsigned long long)(dev->p.buf_bus_addr + dev->p.buf_bytes), EDGEMOE_DDR_WEIGHTS_OFFSET);
    }
    id = rd(dev, EDGEMOE_ID);
    if (id != EDGEMOE_ID_VALUE) {
        return fail(dev, EDGEMOE_E_NO_DEVICE, "the ID register reads 0x%08x, expected 0x%08x (EdgeMoeAccelerator, register map v1): "
                    "wrong register window, or the bitstream is not loaded", (unsigned)id, EDGEMOE_ID_VALUE);
    }
    st = rd(dev, EDGEMOE_STATUS);
    if ((st & EDGEMOE_STATUS_IDLE_MASK) == 0) {
        return fail(dev, EDGEMOE_E_BUSY, "a run is in progress (STATUS 0x%x); wait for it or abort it (edgemoe_abort)", (unsigned)st);
    }
    return ok(dev);
}

static int copy_in(edgemoe_dev *dev, uint64_t offset, const void *src, size_t n, const char *what) {
    const uint8_t *s = (const uint8_t *)src;
    size_t done = 0;
    while (done < n) {
        size_t k = n - done < COPY_CHUNK ? n - done : COPY_CHUNK;
        if (dev->p.buf_write(dev->p.ctx, offset + done, s + done, k) != 0) {
            return fail(dev, EDGEMOE_E_PLATFORM, "copying the %s into the DMA buffer failed at byte %lu", what, (unsigned long)done);
        }
        done += k;
    }
    return EDGEMOE_OK;
}

int edgemoe_check_image(const void *image, size_t bytes, uint64_t expected_hash, char *msg, size_t msg_bytes) {
    const uint8_t *p = (const uint8_t *)image;
    uint32_t version, header, count, crc, actual, i;
    uint64_t hash, total;
    uint8_t zero[4] = {0, 0, 0, 0};
#define IMAGE_FAIL(...) do { if (msg != NULL && msg_bytes > 0) snprintf(msg, msg_bytes, __VA_ARGS__); return EDGEMOE_E_IMAGE; } while (0)
    if (image == NULL) {
        IMAGE_FAIL("no weight image (NULL)");
    }
    if (bytes < EDGEMOE_IMAGE_FIXED_HEADER) {
        IMAGE_FAIL("too short for a weight image header: expected at least %u bytes, found %lu", EDGEMOE_IMAGE_FIXED_HEADER,
                   (unsigned long)bytes);
    }
    if (memcmp(p, EDGEMOE_IMAGE_MAGIC, 8) != 0) {
        IMAGE_FAIL("not a weight image: expected magic \"%s\", found %02x %02x %02x %02x %02x %02x %02x %02x", EDGEMOE_IMAGE_MAGIC,
                   p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7]);
    }
    version = le32(p + 8);
    if (version != EDGEMOE_IMAGE_VERSION) {
        IMAGE_FAIL("layout version: expected %u, found %u", EDGEMOE_IMAGE_VERSION, (unsigned)version);
    }
    hash = le64(p + 16);
    if (expected_hash != 0 && hash != expected_hash) {
        IMAGE_FAIL("packed for another configuration: expected hash %016llx, found %016llx; pack it again for this configuration",
                   (unsigned long long)expected_hash, (unsigned long long)hash);
    }
    count = le32(p + 32);
    header = le32(p + 12);
    if (count > (UINT32_MAX - EDGEMOE_IMAGE_FIXED_HEADER) / EDGEMOE_IMAGE_ENTRY_BYTES
        || header != EDGEMOE_IMAGE_FIXED_HEADER + EDGEMOE_IMAGE_ENTRY_BYTES * count || header > bytes) {
        IMAGE_FAIL("header size: expected 40 + 128 x %u tensors bytes within a file of %lu bytes, found %u", (unsigned)count,
                   (unsigned long)bytes, (unsigned)header);
    }
    total = le64(p + 24);
    if (total != bytes) {
        IMAGE_FAIL("image size: expected %llu bytes (from the header), found %lu", (unsigned long long)total, (unsigned long)bytes);
    }
    crc = le32(p + 36);
    actual = edgemoe_crc32(0, p, 36);
    actual = edgemoe_crc32(actual, zero, 4);
    actual = edgemoe_crc32(actual, p + 40, header - 40);
    if (crc != actual) {
        IMAGE_FAIL("header CRC-32: expected %08x, found %08x (the header is corrupt)", (unsigned)crc, (unsigned)actual);
    }
    for (i = 0; i < count; i++) {
        const uint8_t *e = p + EDGEMOE_IMAGE_FIXED_HEADER + (size_t)EDGEMOE_IMAGE_ENTRY_BYTES * i;
        uint64_t off = le64(e + 64);
        uint64_t n = le64(e + 72);
        char name[65];
        memcpy(name, e, 64);
        name[64] = '\0';
        if (off % 4096u != 0 || off < header || off > bytes || n > bytes - off) {
            IMAGE_FAIL("tensor %s at offset %llu (%llu bytes): expected a 4096-aligned range after the header within the image's %lu bytes",
                       name, (unsigned long long)off, (unsigned long long)n, (unsigned long)bytes);
        }
        actual = edgemoe_crc32(0, p + off, (size_t)n);
        if (actual != le32(e + 112)) {
            IMAGE_FAIL("tensor %s CRC-32: expected %08x, found %08x (its data is corrupt)", name, (unsigned)le32(e + 112), (unsigned)actual);
        }
    }
#undef IMAGE_FAIL
    if (msg != NULL && msg_bytes > 0) {
        msg[0] = '\0';
    }
    return EDGEMOE_OK;
}

int edgemoe_image_resid_frac_bits(const void *image, size_t bytes) {
    const uint8_t *p = (const uint8_t *)image;
    uint32_t count, i;
    if (image == NULL || bytes < EDGEMOE_IMAGE_FIXED_HEADER) {
        return -1;
    }
    count = le32(p + 32);
    for (i = 0; i < count && EDGEMOE_IMAGE_FIXED_HEADER + (uint64_t)EDGEMOE_IMAGE_ENTRY_BYTES * (i + 1) <= bytes; i++) {
        const uint8_t *e = p + EDGEMOE_IMAGE_FIXED_HEADER + (size_t)EDGEMOE_IMAGE_ENTRY_BYTES * i;
        if (memcmp(e, "pos_embed", 10) == 0) {
            return (int16_t)le16(e + 90);
        }
    }
    return -1;
}

size_t edgemoe_npy_header(char *buf, size_t buf_bytes, uint32_t rows, uint32_t cols, int raw_int32) {
    char dict[100];
    int len = snprintf(dict, sizeof dict, "{'descr': '%s', 'fortran_order': False, 'shape': (%u, %u), }", raw_int32 ? "<i4" : "<f4",
                       (unsigned)rows, (unsigned)cols);
    size_t unpadded, total, i;
    if (len < 0 || (size_t)len >= sizeof dict) {
        return 0;
    }
    unpadded = 10 + (size_t)len + 1;
    total = (unpadded + 63) / 64 * 64;
    if (buf == NULL || buf_bytes < total || total - 10 > 0xFFFF) {
        return 0;
    }
    memcpy(buf, "\x93NUMPY\x01\x00", 8);
    buf[8] = (char)((total - 10) & 0xFF);
    buf[9] = (char)((total - 10) >> 8);
    memcpy(buf + 10, dict, (size_t)len);
    for (i = 10 + (size_t)len; i < total - 1; i++) {
        buf[i] = ' ';
    }
    buf[total - 1] = '\n';
    return total;
}

int edgemoe_load_weights(edgemoe_dev *dev, const void *image, size_t bytes, uint64_t expected_hash) {
    uint64_t room;
    int s;
    if (dev == NULL) {
        return EDGEMOE_E_ARG;
    }
    s = edgemoe_check_image(image, bytes, expected_hash, dev->message, sizeof dev->message);
    if (s != EDGEMOE_OK) {
        return s;
    }
    room = dev->p.buf_bytes - EDGEMOE_DDR_WEIGHTS_OFFSET;
    if (bytes > room) {
        return fail(dev, EDGEMOE_E_TOO_BIG, "weight image of %lu bytes does not fit the %llu bytes of the DMA buffer left for weights; "
                    "allocate at least %llu bytes", (unsigned long)bytes, (unsigned long long)room,
                    (unsigned long long)(EDGEMOE_DDR_WEIGHTS_OFFSET + (uint64_t)bytes));
    }
    dev->loaded &= ~LOADED_WEIGHTS;
    s = copy_in(dev, EDGEMOE_DDR_WEIGHTS_OFFSET, image, bytes, "weight image");
    if (s != EDGEMOE_OK) {
        return s;
    }
    dev->weights_bytes = (uint32_t)bytes;
    dev->loaded |= LOADED_WEIGHTS;
    return ok(dev);
}

int edgemoe_load_program(edgemoe_dev *dev, const void *program, size_t bytes) {
    const uint8_t *p = (const uint8_t *)program;
    uint32_t commands = 0, tokens = 0, values = 0;
    size_t at;
    int s;
    if (dev == NULL || program == NULL) {
        return dev == NULL ? EDGEMOE_E_ARG : fail(dev, EDGEMOE_E_ARG, "no program (NULL)");
    }
    if (bytes == 0 || bytes % EDGEMOE_COMMAND_BYTES != 0) {
        return fail(dev, EDGEMOE_E_ARG, "a program is a whole, non-zero number of 32-byte commands; found %lu bytes", (unsigned long)bytes);
    }
    if (bytes > EDGEMOE_DDR_PROGRAM_BYTES) {
        return fail(dev, EDGEMOE_E_TOO_BIG, "program of %lu commands (%lu bytes) does not fit the %u-byte program region",
                    (unsigned long)(bytes / EDGEMOE_COMMAND_BYTES), (unsigned long)bytes, EDGEMOE_DDR_PROGRAM_BYTES);
    }
    for (at = 0; at < bytes; at += EDGEMOE_COMMAND_BYTES) {
        uint8_t op = p[at + EDGEMOE_CMD_OPCODE_OFFSET];
        if (op == EDGEMOE_OP_END) {
            break;
        }
        if (op != EDGEMOE_OP_BARRIER) {
            commands++;
        }
        if (op == EDGEMOE_OP_STORE) {
            tokens = le16(p + at + EDGEMOE_CMD_TOKENS_OFFSET);
            values = le16(p + at + EDGEMOE_CMD_OUT_SIZE_OFFSET);
        }
    }
    if ((uint64_t)tokens * values * EDGEMOE_FEATURE_BYTES > EDGEMOE_DDR_OUTPUT_BYTES) {
        return fail(dev, EDGEMOE_E_TOO_BIG, "the program's STORE writes %u x %u values (%lu bytes), more than the %u-byte output region",
                    (unsigned)tokens, (unsigned)values, (unsigned long)tokens * values * EDGEMOE_FEATURE_BYTES, EDGEMOE_DDR_OUTPUT_BYTES);
    }
    dev->loaded &= ~LOADED_PROGRAM;
    s = copy_in(dev, EDGEMOE_DDR_PROGRAM_OFFSET, program, bytes, "program");
    if (s != EDGEMOE_OK) {
        return s;
    }
    dev->program_bytes = (uint32_t)bytes;
    dev->program_commands = commands;
    dev->out_tokens = tokens;
    dev->out_values = values;
    dev->loaded |= LOADED_PROGRAM;
    return ok(dev);
}

int edgemoe_load_input(edgemoe_dev *dev, const void *pixels, size_t bytes) {
    int s;
    if (dev == NULL || pixels == NULL) {
        return dev == NULL ? EDGEMOE_E_ARG : fail(dev, EDGEMOE_E_ARG, "no input image (NULL)");
    }
    if (bytes != EDGEMOE_INPUT_BYTES) {
        return fail(dev, EDGEMOE_E_ARG, "input image: expected %u bytes (3 x 128 x 256, UQ0.8), found %lu", EDGEMOE_INPUT_BYTES,
                    (unsigned long)bytes);
    }
    dev->loaded &= ~LOADED_INPUT;
    s = copy_in(dev, EDGEMOE_DDR_INPUT_OFFSET, pixels, bytes, "input image");
    if (s != EDGEMOE_OK) {
        return s;
    }
    dev->loaded |= LOADED_INPUT;
    return ok(dev);
}

int edgemoe_set_watchdog(edgemoe_dev *dev, uint32_t cycles) {
    if (dev == NULL) {
        return EDGEMOE_E_ARG;
    }
    wr(dev, EDGEMOE_WATCHDOG, cycles);
    return ok(dev);
}

int edgemoe_start(edgemoe_dev *dev, unsigned task) {
    uint32_t st;
    uint32_t base;
    if (dev == NULL) {
        return EDGEMOE_E_ARG;
    }
    if (task > 1) {
        return fail(dev, EDGEMOE_E_ARG, "task must be 0 (semseg) or 1 (depth), not %u", task);
    }
    if ((dev->loaded & (LOADED_WEIGHTS | LOADED_PROGRAM | LOADED_INPUT)) != (LOADED_WEIGHTS | LOADED_PROGRAM | LOADED_INPUT)) {
        return fail(dev, EDGEMOE_E_NOT_READY, "cannot start: not loaded:%s%s%s", (dev->loaded & LOADED_WEIGHTS) ? "" : " weights",
                    (dev->loaded & LOADED_PROGRAM) ? "" : " program", (dev->loaded & LOADED_INPUT) ? "" : " input");
    }
    st = rd(dev, EDGEMOE_STATUS);
    if ((st & EDGEMOE_STATUS_IDLE_MASK) == 0) {
        return fail(dev, EDGEMOE_E_BUSY, "cannot start: a run is in progress (STATUS 0x%x)", (unsigned)st);
    }
    base = (uint32_t)dev->p.buf_bus_addr;
    wr(dev, EDGEMOE_IRQ_ENABLE, 0);
    wr(dev, EDGEMOE_IRQ_STATUS, EDGEMOE_IRQ_STATUS_DONE_MASK | EDGEMOE_IRQ_STATUS_ERROR_MASK);
    wr(dev, EDGEMOE_TASK, task);
    wr(dev, EDGEMOE_PROGRAM_ADDR, base + EDGEMOE_DDR_PROGRAM_OFFSET);
    wr(dev, EDGEMOE_PROGRAM_SIZE, dev->program_bytes);
    wr(dev, EDGEMOE_WEIGHTS_ADDR, base + EDGEMOE_DDR_WEIGHTS_OFFSET);
    wr(dev, EDGEMOE_WEIGHTS_SIZE, dev->weights_bytes);
    wr(dev, EDGEMOE_INPUT_ADDR, base + EDGEMOE_DDR_INPUT_OFFSET);
    wr(dev, EDGEMOE_OUTPUT_ADDR, base + EDGEMOE_DDR_OUTPUT_OFFSET);
    if (dev->p.wait_irq != NULL) {
        wr(dev, EDGEMOE_IRQ_ENABLE, EDGEMOE_IRQ_ENABLE_DONE_MASK | EDGEMOE_IRQ_ENABLE_ERROR_MASK);
    }
    memset(&dev->error, 0, sizeof dev->error);
    dev->start_us = dev->p.now_us(dev->p.ctx);
    wr(dev, EDGEMOE_CTRL, EDGEMOE_CTRL_START_MASK);
    dev->running = 1;
    return ok(dev);
}

static int idle(const edgemoe_dev *dev) {
    return (rd(dev, EDGEMOE_STATUS) & EDGEMOE_STATUS_IDLE_MASK) != 0;
}

static void pause_us(const edgemoe_dev *dev, uint32_t us) {
    if (dev->p.sleep_us != NULL) {
        dev->p.sleep_us(dev->p.ctx, us);
    } else {
        (void)dev->p.wait_irq(dev->p.ctx, us);
    }
}

int edgemoe_abort(edgemoe_dev *dev) {
    uint64_t end;
    if (dev == NULL) {
        return EDGEMOE_E_ARG;
    }
    wr(dev, EDGEMOE_CTRL, EDGEMOE_CTRL_ABORT_MASK);
    end = dev->p.now_us(dev->p.ctx) + ABORT_US;
    while (!idle(dev)) {
        if (dev->p.now_us(dev->p.ctx) >= end) {
            return fail(dev, EDGEMOE_E_TIMEOUT, "ABORT did not bring the accelerator back to IDLE within %u us: reset it "
                        "(PL reset or reload the bitstream)", ABORT_US);
        }
        pause_us(dev, ABORT_US / 10 < dev->p.poll_us ? ABORT_US / 10 : dev->p.poll_us);
    }
    wr(dev, EDGEMOE_IRQ_STATUS, EDGEMOE_IRQ_STATUS_DONE_MASK | EDGEMOE_IRQ_STATUS_ERROR_MASK);
    dev->running = 0;
    return ok(dev);
}

static int timed_out(edgemoe_dev *dev, uint32_t st, uint64_t waited) {
    uint32_t commands = rd(dev, EDGEMOE_PERF_COMMANDS);
    uint32_t cycles = rd(dev, EDGEMOE_PERF_CYCLES);
    char after[200];
    int stopped = edgemoe_abort(dev) == EDGEMOE_OK;
    dev->running = 0;
    dev->error.code = rd(dev, EDGEMOE_ERROR_CODE) & EDGEMOE_ERROR_CODE_CODE_MASK;
    dev->error.status = st;
    if (stopped) {
        snprintf(after, sizeof after, "aborted: the accelerator is idle again (ERROR_CODE %s)", edgemoe_error_name(dev->error.code));
    } else {
        snprintf(after, sizeof after, "ABORT did not bring it back to IDLE within %u us: reset the accelerator (PL reset or reload "
                 "the bitstream)", ABORT_US);
    }
    return fail(dev, EDGEMOE_E_TIMEOUT, "no DONE or ERROR after %.6f s: STATUS 0x%x (%s), %u of %u commands dispatched, "
                "PERF_CYCLES %u; %s", (double)waited / 1e6, (unsigned)st, (st & EDGEMOE_STATUS_IDLE_MASK) ? "idle, not started" : "busy",
                (unsigned)commands, (unsigned)dev->program_commands, (unsigned)cycles, after);
}

int edgemoe_wait(edgemoe_dev *dev, uint64_t timeout_us, edgemoe_progress_fn progress, void *user) {
    uint64_t deadline;
    uint32_t st;
    if (dev == NULL) {
        return EDGEMOE_E_ARG;
    }
    if (!dev->running) {
        return fail(dev, EDGEMOE_E_NOT_READY, "no run was started");
    }
    deadline = dev->start_us + timeout_us;
    for (;;) {
        uint64_t now, left;
        int ended;
        st = rd(dev, EDGEMOE_STATUS);
        now = dev->p.now_us(dev->p.ctx);
        ended = (st & EDGEMOE_STATUS_IDLE_MASK) && (st & (EDGEMOE_STATUS_DONE_MASK | EDGEMOE_STATUS_ERROR_MASK));
        if (progress != NULL) {
            uint32_t done = dev->program_commands;
            if (!(ended && (st & EDGEMOE_STATUS_DONE_MASK))) {
                uint32_t c = rd(dev, EDGEMOE_PERF_COMMANDS);
                done = c < done ? c : done;
            }
            progress(user, done, dev->program_commands, now - dev->start_us);
        }
        if (ended) {
            break;
        }
        if (now >= deadline) {
            return timed_out(dev, st, now - dev->start_us);
        }
        left = deadline - now;
        if (dev->p.wait_irq != NULL) {
            if (dev->p.wait_irq(dev->p.ctx, left < dev->p.poll_us ? (uint32_t)left : dev->p.poll_us) < 0) {
                dev->running = 0;
                return fail(dev, EDGEMOE_E_PLATFORM, "waiting for the interrupt failed (STATUS 0x%x)", (unsigned)st);
            }
        } else {
            dev->p.sleep_us(dev->p.ctx, left < dev->p.poll_us ? (uint32_t)left : dev->p.poll_us);
        }
    }
    dev->running = 0;
    wr(dev, EDGEMOE_IRQ_STATUS, EDGEMOE_IRQ_STATUS_DONE_MASK | EDGEMOE_IRQ_STATUS_ERROR_MASK);
    if (st & EDGEMOE_STATUS_ERROR_MASK) {
        edgemoe_run_error *e = &dev->error;
        uint32_t info = rd(dev, EDGEMOE_ERROR_INFO);
        const char *op;
        char where[40] = "";
        e->code = rd(dev, EDGEMOE_ERROR_CODE) & EDGEMOE_ERROR_CODE_CODE_MASK;
        e->index = (info & EDGEMOE_ERROR_INFO_INDEX_MASK) >> EDGEMOE_ERROR_INFO_INDEX_SHIFT;
        e->opcode = (info & EDGEMOE_ERROR_INFO_OPCODE_MASK) >> EDGEMOE_ERROR_INFO_OPCODE_SHIFT;
        e->addr = rd(dev, EDGEMOE_ERROR_ADDR);
        e->status = st;
        op = e->opcode < 16 && OPCODE_NAMES[e->opcode] != NULL ? OPCODE_NAMES[e->opcode] : "unknown";
        if (e->code == EDGEMOE_ERR_DDR_READ || e->code == EDGEMOE_ERR_DDR_WRITE || (e->code == EDGEMOE_ERR_ADDRESS_RANGE && e->addr != 0)) {
            snprintf(where, sizeof where, ", address 0x%08x", (unsigned)e->addr);
        }
        return fail(dev, EDGEMOE_E_HARDWARE, "the run stopped with error %s (%u: %s) at command %u (opcode 0x%02x %s)%s after %u cycles, "
                    "%u commands dispatched; STATUS 0x%x", edgemoe_error_name(e->code), (unsigned)e->code, edgemoe_error_meaning(e->code),
                    (unsigned)e->index, (unsigned)e->opcode, op, where, (unsigned)rd(dev, EDGEMOE_PERF_CYCLES),
                    (unsigned)rd(dev, EDGEMOE_PERF_COMMANDS), (unsigned)st);
    }
    return ok(dev);
}

int edgemoe_run(edgemoe_dev *dev, unsigned task, uint64_t timeout_us, edgemoe_progress_fn progress, void *user) {
    int s = edgemoe_start(dev, task);
    return s != EDGEMOE_OK ? s : edgemoe_wait(dev, timeout_us, progress, user);
}

size_t edgemoe_output_values(const edgemoe_dev *dev) {
    return dev == NULL ? 0 : (size_t)dev->out_tokens * dev->out_values;
}

uint32_t edgemoe_output_tokens(const edgemoe_dev *dev) {
    return dev == NULL ? 0 : dev->out_tokens;
}

int edgemoe_read_output(edgemoe_dev *dev, int32_t *raw, size_t n) {
    uint8_t chunk[4096];
    size_t done = 0;
    if (dev == NULL || raw == NULL) {
        return dev == NULL ? EDGEMOE_E_ARG : fail(dev, EDGEMOE_E_ARG, "no output array (NULL)");
    }
    if (n != edgemoe_output_values(dev)) {
        return fail(dev, EDGEMOE_E_ARG, "the program's STORE writes %lu values (%u x %u), the output array has %lu",
                    (unsigned long)edgemoe_output_values(dev), (unsigned)dev->out_tokens, (unsigned)dev->out_values, (unsigned long)n);
    }
    while (done < n) {
        size_t k = n - done < sizeof chunk / 4 ? n - done : sizeof chunk / 4;
        size_t i;
        if (dev->p.buf_read(dev->p.ctx, EDGEMOE_DDR_OUTPUT_OFFSET + (uint64_t)done * 4, chunk, k * 4) != 0) {
            return fail(dev, EDGEMOE_E_PLATFORM, "reading the output from the DMA buffer failed at value %lu", (unsigned long)done);
        }
        for (i = 0; i < k; i++) {
            raw[done + i] = (int32_t)le32(chunk + 4 * i);
        }
        done += k;
    }
    return ok(dev);
}

void edgemoe_to_float(const int32_t *raw, float *out, size_t n, unsigned frac_bits) {
    double lsb = 1.0;
    size_t i;
    unsigned b;
    for (b = 0; b < frac_bits; b++) {
        lsb *= 0.5;
    }
    for (i = 0; i < n; i++) {
        out[i] = (float)((double)raw[i] * lsb);
    }
}

int edgemoe_read_perf(edgemoe_dev *dev, edgemoe_perf *perf) {
    if (dev == NULL || perf == NULL) {
        return EDGEMOE_E_ARG;
    }
    perf->cycles = rd(dev, EDGEMOE_PERF_CYCLES);
    perf->busy_cu = rd(dev, EDGEMOE_PERF_BUSY_CU);
    perf->busy_attn = rd(dev, EDGEMOE_PERF_BUSY_ATTN);
    perf->busy_ln = rd(dev, EDGEMOE_PERF_BUSY_LN);
    perf->busy_router = rd(dev, EDGEMOE_PERF_BUSY_ROUTER);
    perf->busy_embed = rd(dev, EDGEMOE_PERF_BUSY_EMBED);
    perf->ddr_rd_bytes = rd(dev, EDGEMOE_PERF_DDR_RD_BYTES);
    perf->ddr_wr_bytes = rd(dev, EDGEMOE_PERF_DDR_WR_BYTES);
    perf->ddr_stall = rd(dev, EDGEMOE_PERF_DDR_STALL);
    perf->commands = rd(dev, EDGEMOE_PERF_COMMANDS);
    return EDGEMOE_OK;
}

const edgemoe_run_error *edgemoe_last_error(const edgemoe_dev *dev) {
    return dev == NULL ? NULL : &dev->error;
}

const char *edgemoe_message(const edgemoe_dev *dev) {
    return dev == NULL ? "no device (NULL)" : dev->message;
}
