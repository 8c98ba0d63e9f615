/*
 * edgemoe_run.c: one inference on the board with the C driver alone (no Java), from the files the edgemoe tool
 * writes: the weight image (edgemoe pack), the program (edgemoe program) and the input image (edgemoe image).
 *
 *   edgemoe_run REGS BUFFER WEIGHTS.img PROGRAM.prog INPUT.px semseg|depth OUT.npy [TIMEOUT_S]
 *   edgemoe_run uio:edgemoe udmabuf:udmabuf0 m3vit.img m3vit.prog photo.px semseg features.npy
 *
 * Writes the features as float32 [tokens][192] .npy (resid format from the image's pos_embed tensor), prints the
 * performance counters. Exit codes as the edgemoe tool's: 0 success, 1 bad input, 2 usage, 3 the accelerator
 * failed (error code, timeout, busy), 4 no accelerator (the register window or buffer cannot be opened, or the ID
 * register is wrong).
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "edgemoe.h"
#include "edgemoe_linux.h"

static int tty;

static void progress(void *user, uint32_t done, uint32_t total, uint64_t elapsed_us) {
    uint32_t *last = (uint32_t *)user;
    if (tty) {
        fprintf(stderr, "\r%u/%u commands  %.3f ms", (unsigned)done, (unsigned)total, (double)elapsed_us / 1000.0);
    } else if (done != *last) {
        fprintf(stderr, "%u/%u commands  %.3f ms\n", (unsigned)done, (unsigned)total, (double)elapsed_us / 1000.0);
    }
    *last = done;
}

/* The whole file, or NULL with a message naming it. */
static void *slurp(const char *path, size_t *bytes) {
    FILE *f = fopen(path, "rb");
    long n;
    void *data;
    if (f == NULL) {
        fprintf(stderr, "edgemoe_run: %s: %s\n", path, strerror(errno));
        return NULL;
    }
    if (fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) != 0) {
        fprintf(stderr, "edgemoe_run: %s: cannot size it\n", path);
        fclose(f);
        return NULL;
    }
    data = malloc(n > 0 ? (size_t)n : 1u);
    if (data == NULL || fread(data, 1, (size_t)n, f) != (size_t)n) {
        fprintf(stderr, "edgemoe_run: %s: cannot read %ld bytes\n", path, n);
        free(data);
        fclose(f);
        return NULL;
    }
    fclose(f);
    *bytes = (size_t)n;
    return data;
}

static int exit_code(int status) {
    switch (status) {
    case EDGEMOE_OK: return 0;
    case EDGEMOE_E_NO_DEVICE:
    case EDGEMOE_E_PLATFORM: return 4;
    case EDGEMOE_E_HARDWARE:
    case EDGEMOE_E_TIMEOUT:
    case EDGEMOE_E_BUSY: return 3;
    default: return 1;
    }
}

/* Writes the .npy next to its name and renames it into place: no partial file after an error. */
static int write_npy(const char *path, const float *v, uint32_t rows, uint32_t cols) {
    char header[128];
    char tmp[4096];
    size_t h = edgemoe_npy_header(header, sizeof header, rows, cols, 0);
    size_t n = (size_t)rows * cols, i;
    FILE *f;
    int ok;
    if (snprintf(tmp, sizeof tmp, "%s.tmp", path) >= (int)sizeof tmp || h == 0) {
        fprintf(stderr, "edgemoe_run: %s: name too long\n", path);
        return 1;
    }
    f = fopen(tmp, "wb");
    if (f == NULL) {
        fprintf(stderr, "edgemoe_run: %s: %s\n", tmp, strerror(errno));
        return 1;
    }
    ok = fwrite(header, 1, h, f) == h;
    for (i = 0; ok && i < n; i++) {
        unsigned char b[4];
        uint32_t u;
        memcpy(&u, &v[i], 4);
        b[0] = (unsigned char)u;
        b[1] = (unsigned char)(u >> 8);
        b[2] = (unsigned char)(u >> 16);
        b[3] = (unsigned char)(u >> 24);
        ok = fwrite(b, 1, 4, f) == 4;
    }
    ok = fclose(f) == 0 && ok;
    if (!ok || rename(tmp, path) != 0) {
        fprintf(stderr, "edgemoe_run: %s: cannot write it: %s\n", path, strerror(errno));
        remove(tmp);
        return 1;
    }
    return 0;
}

int main(int argc, char **argv) {
    edgemoe_linux lx;
    edgemoe_platform platform;
    edgemoe_dev dev;
    edgemoe_perf perf;
    void *weights = NULL, *program = NULL, *input = NULL;
    size_t weights_bytes = 0, program_bytes = 0, input_bytes = 0, n;
    int32_t *raw = NULL;
    float *features = NULL;
    unsigned task;
    double timeout_s = 10.0;
    uint32_t last = UINT32_MAX;
    char where[sizeof lx.describe];
    uint32_t tokens, cols;
    int frac, s, code = 1;
    if (argc < 8 || argc > 9) {
        fprintf(stderr, "usage: edgemoe_run REGS BUFFER WEIGHTS.img PROGRAM.prog INPUT.px semseg|depth OUT.npy [TIMEOUT_S]\n"
                        "  REGS:   uio:/dev/uioN, uio:NAME or mem:ADDR     BUFFER: udmabuf:NAME or mem:ADDR:BYTES\n");
        return 2;
    }
    if (strcmp(argv[6], "semseg") == 0) {
        task = EDGEMOE_TASK_SEMSEG;
    } else if (strcmp(argv[6], "depth") == 0) {
        task = EDGEMOE_TASK_DEPTH;
    } else {
        fprintf(stderr, "edgemoe_run: task must be semseg or depth, not '%s'\n", argv[6]);
        return 2;
    }
    if (argc == 9 && ((timeout_s = strtod(argv[8], NULL)) <= 0 || timeout_s > 3600)) {
        fprintf(stderr, "edgemoe_run: TIMEOUT_S must be a number of seconds in (0, 3600], not '%s'\n", argv[8]);
        return 2;
    }
    tty = isatty(2);
    weights = slurp(argv[3], &weights_bytes);
    program = weights == NULL ? NULL : slurp(argv[4], &program_bytes);
    input = program == NULL ? NULL : slurp(argv[5], &input_bytes);
    if (input == NULL) {
        goto done;
    }
    {
        char msg[320];
        if (edgemoe_check_image(weights, weights_bytes, 0, msg, sizeof msg) != EDGEMOE_OK) {
            fprintf(stderr, "edgemoe_run: %s: %s\n", argv[3], msg);
            goto done;
        }
    }
    frac = edgemoe_image_resid_frac_bits(weights, weights_bytes);
    if (frac < 0) {
        fprintf(stderr, "edgemoe_run: %s: no pos_embed tensor: not an M3ViT image\n", argv[3]);
        goto done;
    }
    if (edgemoe_linux_open(&lx, argv[1], argv[2]) != EDGEMOE_OK) {
        fprintf(stderr, "edgemoe_run: %s\n", edgemoe_linux_error(&lx));
        code = 4;
        goto done;
    }
    memcpy(where, lx.describe, sizeof where);
    edgemoe_linux_platform(&lx, &platform);
    s = edgemoe_open(&dev, &platform);
    if (s == EDGEMOE_OK) {
        s = edgemoe_load_weights(&dev, weights, weights_bytes, 0);
    }
    if (s == EDGEMOE_OK) {
        s = edgemoe_load_program(&dev, program, program_bytes);
    }
    if (s == EDGEMOE_OK) {
        s = edgemoe_load_input(&dev, input, input_bytes);
    }
    if (s == EDGEMOE_OK) {
        s = edgemoe_run(&dev, task, (uint64_t)(timeout_s * 1e6), progress, &last);
        if (tty) {
            fputc('\n', stderr);
        }
    }
    n = edgemoe_output_values(&dev);
    if (s == EDGEMOE_OK) {
        raw = (int32_t *)malloc(n > 0 ? n * sizeof *raw : 1u);
        features = (float *)malloc(n > 0 ? n * sizeof *features : 1u);
        s = raw == NULL || features == NULL ? EDGEMOE_E_ARG : edgemoe_read_output(&dev, raw, n);
    }
    if (s != EDGEMOE_OK) {
        fprintf(stderr, "edgemoe_run: %s: %s\n", where, edgemoe_message(&dev));
        code = exit_code(s);
        edgemoe_linux_close(&lx);
        goto done;
    }
    edgemoe_to_float(raw, features, n, (unsigned)frac);
    edgemoe_read_perf(&dev, &perf);
    edgemoe_linux_close(&lx);
    tokens = edgemoe_output_tokens(&dev);
    cols = tokens == 0 ? 0 : (uint32_t)(n / tokens);
    code = write_npy(argv[7], features, tokens, cols);
    if (code == 0) {
        printf("wrote %s: %u x %u float32, task %s, on %s\n", argv[7], (unsigned)tokens, (unsigned)cols, argv[6], where);
        printf("%u cycles, %u commands, DDR %u bytes read / %u written, %u stall cycles\n", (unsigned)perf.cycles,
               (unsigned)perf.commands, (unsigned)perf.ddr_rd_bytes, (unsigned)perf.ddr_wr_bytes, (unsigned)perf.ddr_stall);
    }
done:
    free(raw);
    free(features);
    free(weights);
    free(program);
    free(input);
    return code;
}
