/*
 * edgemoe.h: the C driver of the Edge-MoE accelerator (C99, no allocation, no global state).
 *
 * The driver talks to the hardware only through an edgemoe_platform: 32-bit register reads and writes of the
 * 4 KB control window (edgemoe_regs.h), copies into and out of one DMA buffer (physically contiguous, below
 * 4 GB), a clock, and optionally an interrupt. edgemoe_linux.h provides it on Linux (UIO or /dev/mem for the
 * registers, a u-dma-buf or a reserved region for the buffer); tests provide it over the simulation.
 *
 *   edgemoe_dev dev;
 *   if (edgemoe_open(&dev, &platform) != EDGEMOE_OK
 *       || edgemoe_load_weights(&dev, image, image_bytes, 0) != EDGEMOE_OK
 *       || edgemoe_load_program(&dev, program, program_bytes) != EDGEMOE_OK
 *       || edgemoe_load_input(&dev, pixels, EDGEMOE_INPUT_BYTES) != EDGEMOE_OK
 *       || edgemoe_run(&dev, EDGEMOE_TASK_SEMSEG, 10000000u, NULL, NULL) != EDGEMOE_OK) {
 *       fprintf(stderr, "edgemoe: %s\n", edgemoe_message(&dev));
 *   }
 *   edgemoe_read_output(&dev, raw, edgemoe_output_values(&dev));   (int32, resid format)
 *
 * Every function returns EDGEMOE_OK (0) or a negative edgemoe_status; edgemoe_message() then says what
 * happened in words (register values, the failing command, the time waited).
 */
#ifndef EDGEMOE_H
#define EDGEMOE_H

#include <stddef.h>
#include <stdint.h>

#include "edgemoe_isa.h"
#include "edgemoe_regs.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The ID register of an EdgeMoeAccelerator with register map version 1. */
#define EDGEMOE_ID_VALUE 0xED6D0001u

/* The model's shapes: 129 tokens of 192 values; the input image 3 x 128 x 256 bytes (UQ0.8). */
#define EDGEMOE_TOKENS 129u
#define EDGEMOE_DIM 192u
#define EDGEMOE_INPUT_BYTES 98304u
#define EDGEMOE_FEATURE_BYTES 4u

/* The tasks (the TASK register). */
#define EDGEMOE_TASK_SEMSEG 0u
#define EDGEMOE_TASK_DEPTH 1u

/*
 * Where the driver puts things in the DMA buffer (offsets from its bus address), the same as the Java
 * driver's DdrLayout: program 64 KiB, input image 128 KiB, output features 192 KiB (256 tokens x 192 x 4
 * bytes), then the weight image to the end of the buffer.
 */
#define EDGEMOE_DDR_PROGRAM_OFFSET 0x00000u
#define EDGEMOE_DDR_PROGRAM_BYTES 0x10000u
#define EDGEMOE_DDR_INPUT_OFFSET 0x10000u
#define EDGEMOE_DDR_INPUT_BYTES 0x20000u
#define EDGEMOE_DDR_OUTPUT_OFFSET 0x30000u
#define EDGEMOE_DDR_OUTPUT_BYTES 0x30000u
#define EDGEMOE_DDR_WEIGHTS_OFFSET 0x60000u

/* The weight image header (docs/runtime.md, "Layout"). */
#define EDGEMOE_IMAGE_MAGIC "EMOEWIMG"
#define EDGEMOE_IMAGE_VERSION 1u
#define EDGEMOE_IMAGE_FIXED_HEADER 40u
#define EDGEMOE_IMAGE_ENTRY_BYTES 128u

/* What a driver function returns. */
typedef enum edgemoe_status {
    EDGEMOE_OK = 0,
    EDGEMOE_E_ARG = -1,       /* a NULL pointer or an impossible argument */
    EDGEMOE_E_NO_DEVICE = -2, /* the ID register is not the accelerator's, or the platform failed */
    EDGEMOE_E_BUSY = -3,      /* a run is in progress */
    EDGEMOE_E_TOO_BIG = -4,   /* weights, program, input or output do not fit their DMA region */
    EDGEMOE_E_IMAGE = -5,     /* the weight image is malformed (magic, version, sizes, CRC, configuration) */
    EDGEMOE_E_NOT_READY = -6, /* start without weights, program or input; wait without start */
    EDGEMOE_E_HARDWARE = -7,  /* the run stopped with an ERROR_CODE (edgemoe_last_error) */
    EDGEMOE_E_TIMEOUT = -8,   /* no DONE or ERROR in time; the run was aborted */
    EDGEMOE_E_PLATFORM = -9   /* a platform call failed (buffer copy, interrupt wait) */
} edgemoe_status;

/*
 * The platform: every hardware access of the driver goes through it. ctx is passed back to each call.
 * Required: reg_read, reg_write, buf_write, buf_read, now_us, and wait_irq or sleep_us.
 */
typedef struct edgemoe_platform {
    void *ctx;
    uint32_t (*reg_read)(void *ctx, uint32_t offset);
    void (*reg_write)(void *ctx, uint32_t offset, uint32_t value);
    /* The DMA buffer: its bus (physical) address as the accelerator sees it, and its bytes. */
    uint64_t buf_bus_addr;
    uint64_t buf_bytes;
    /* Copies n bytes to / from the buffer at byte offset `offset`; 0 on success, negative on failure. */
    int (*buf_write)(void *ctx, uint64_t offset, const void *src, size_t n);
    int (*buf_read)(void *ctx, uint64_t offset, void *dst, size_t n);
    /* The accelerator's time in microseconds (monotonic; simulated time in simulation). */
    uint64_t (*now_us)(void *ctx);
    /* Waits at most us microseconds for the interrupt: 1 if it came, 0 on timeout, negative on failure.
       NULL: no interrupt, the driver polls STATUS every poll_us with sleep_us. */
    int (*wait_irq)(void *ctx, uint32_t us);
    void (*sleep_us)(void *ctx, uint32_t us);
    /* Longest single wait while a run is waited for (progress reports come this often); 0: 100 us when
       polling, 50 ms with an interrupt. */
    uint32_t poll_us;
} edgemoe_platform;

/* The performance counters after a run (PERF_* registers, cleared at START). */
typedef struct edgemoe_perf {
    uint32_t cycles, busy_cu, busy_attn, busy_ln, busy_router, busy_embed;
    uint32_t ddr_rd_bytes, ddr_wr_bytes, ddr_stall, commands;
} edgemoe_perf;

/* What the hardware reported when a run stopped with an error. */
typedef struct edgemoe_run_error {
    uint32_t code;   /* ERROR_CODE (EDGEMOE_ERR_*) */
    uint32_t index;  /* ERROR_INFO.INDEX: the command that failed */
    uint32_t opcode; /* ERROR_INFO.OPCODE */
    uint32_t addr;   /* ERROR_ADDR */
    uint32_t status; /* STATUS when the run ended */
} edgemoe_run_error;

/* Called while a run is waited for: commands dispatched of those in the program, microseconds since START. */
typedef void (*edgemoe_progress_fn)(void *user, uint32_t done, uint32_t total, uint64_t elapsed_us);

/* One accelerator. Fields are the driver's; read them through the functions below. */
typedef struct edgemoe_dev {
    edgemoe_platform p;
    uint32_t weights_bytes, program_bytes, program_commands, out_tokens, out_values;
    unsigned loaded;  /* bits: 1 weights, 2 program, 4 input */
    int running;
    uint64_t start_us;
    edgemoe_run_error error;
    char message[320];
} edgemoe_dev;

/* Checks the ID register and that no run is in progress; copies the platform. */
int edgemoe_open(edgemoe_dev *dev, const edgemoe_platform *platform);

/* Checks a weight image (header, every tensor's range and CRC-32; the configuration hash unless
   expected_hash is 0) and copies it into the weights region. */
int edgemoe_load_weights(edgemoe_dev *dev, const void *image, size_t bytes, uint64_t expected_hash);

/* The same checks alone, into msg (msg_bytes, NUL terminated); EDGEMOE_OK or EDGEMOE_E_IMAGE. */
int edgemoe_check_image(const void *image, size_t bytes, uint64_t expected_hash, char *msg, size_t msg_bytes);

/* Copies a program (whole 32-byte commands) into the program region; notes the commands before END (progress)
   and the last STORE's tokens x values (output size). */
int edgemoe_load_program(edgemoe_dev *dev, const void *program, size_t bytes);

/* Copies the input image (EDGEMOE_INPUT_BYTES) into the input region. */
int edgemoe_load_input(edgemoe_dev *dev, const void *pixels, size_t bytes);

/* Sets WATCHDOG (cycles without progress before error WATCHDOG; 0: off). */
int edgemoe_set_watchdog(edgemoe_dev *dev, uint32_t cycles);

/* Sets the address registers and the task, clears and enables the interrupts, writes START. */
int edgemoe_start(edgemoe_dev *dev, unsigned task);

/* Waits for the run to end, at most timeout_us; progress may be NULL. A timeout aborts the run. */
int edgemoe_wait(edgemoe_dev *dev, uint64_t timeout_us, edgemoe_progress_fn progress, void *user);

/* edgemoe_start, then edgemoe_wait. */
int edgemoe_run(edgemoe_dev *dev, unsigned task, uint64_t timeout_us, edgemoe_progress_fn progress, void *user);

/* Writes CTRL.ABORT and waits up to 1 ms for IDLE. */
int edgemoe_abort(edgemoe_dev *dev);

/* Values the last STORE of the loaded program writes (tokens x values; 129 x 192 for M3ViT). */
size_t edgemoe_output_values(const edgemoe_dev *dev);
uint32_t edgemoe_output_tokens(const edgemoe_dev *dev);

/* Reads the output: n must be edgemoe_output_values(); raw int32 values in the resid format, token-major. */
int edgemoe_read_output(edgemoe_dev *dev, int32_t *raw, size_t n);

/* raw x 2^-frac_bits as float (frac_bits of the profile's resid format: 22 for dsp18 and published). */
void edgemoe_to_float(const int32_t *raw, float *out, size_t n, unsigned frac_bits);

int edgemoe_read_perf(edgemoe_dev *dev, edgemoe_perf *perf);

/* The hardware's report of the last failed run. */
const edgemoe_run_error *edgemoe_last_error(const edgemoe_dev *dev);

/* The last failure in words ("" after success). */
const char *edgemoe_message(const edgemoe_dev *dev);

/* "BAD_OPCODE", ... for an ERROR_CODE; "UNKNOWN" past the table. */
const char *edgemoe_error_name(uint32_t code);
/* "unknown opcode", ...: what an ERROR_CODE means. */
const char *edgemoe_error_meaning(uint32_t code);
/* "EDGEMOE_E_TIMEOUT", ... for a status. */
const char *edgemoe_status_name(int status);

/* The fraction bits of the resid format an image was packed in (its pos_embed tensor's), or -1 when the image
   has no pos_embed (call after edgemoe_check_image). */
int edgemoe_image_resid_frac_bits(const void *image, size_t bytes);

/* The header of a NumPy .npy file (version 1.0) of rows x cols little-endian float32 (or int32 when raw_int32),
   C order, padded so the data starts 64-byte aligned; returns its bytes (at most 128), 0 if buf is too small. */
size_t edgemoe_npy_header(char *buf, size_t buf_bytes, uint32_t rows, uint32_t cols, int raw_int32);

/* CRC-32 (IEEE 802.3, as zlib and java.util.zip.CRC32), continuing from crc (0 to begin). */
uint32_t edgemoe_crc32(uint32_t crc, const void *data, size_t n);

#ifdef __cplusplus
}
#endif

#endif
