/*
 * edgemoe_jni.c: the C driver and its Linux platform seen from Java (org.edgemoe.runtime.NativeDriver).
 *
 * Two uses: DeviceBackend maps the board's registers and DMA buffer through the Linux platform
 * (edgemoe_linux.c); and the C driver itself (edgemoe.c) runs over any Java AcceleratorBackend, whose methods
 * become its platform calls, so the C driver's own tests drive the simulated accelerator.
 *
 * A Java exception thrown by a backend method marks the context failed: later platform calls return at once
 * (and the clock jumps ahead, so a wait ends), the driver call returns, and the exception reaches the caller.
 */
#include <jni.h>
#include <stdlib.h>
#include <string.h>

#include "edgemoe.h"
#include "edgemoe_linux.h"

#define CHUNK (1u << 20)

static void throw_new(JNIEnv *env, const char *cls, const char *msg) {
    jclass c = (*env)->FindClass(env, cls);
    if (c != NULL) {
        (*env)->ThrowNew(env, c, msg);
    }
}

/* ---- the Linux platform (DeviceBackend) ---- */

JNIEXPORT jlong JNICALL Java_org_edgemoe_runtime_NativeDriver_linuxOpen(JNIEnv *env, jclass cls, jstring regs, jstring buffer) {
    const char *r, *b;
    edgemoe_linux *lx;
    int s;
    (void)cls;
    lx = (edgemoe_linux *)calloc(1, sizeof *lx);
    if (lx == NULL) {
        throw_new(env, "java/lang/OutOfMemoryError", "edgemoe_linux");
        return 0;
    }
    r = (*env)->GetStringUTFChars(env, regs, NULL);
    b = (*env)->GetStringUTFChars(env, buffer, NULL);
    if (r == NULL || b == NULL) {
        free(lx);
        return 0;
    }
    s = edgemoe_linux_open(lx, r, b);
    (*env)->ReleaseStringUTFChars(env, regs, r);
    (*env)->ReleaseStringUTFChars(env, buffer, b);
    if (s != EDGEMOE_OK) {
        throw_new(env, "java/lang/IllegalArgumentException", edgemoe_linux_error(lx));
        free(lx);
        return 0;
    }
    return (jlong)(intptr_t)lx;
}

#define LX(h) ((edgemoe_linux *)(intptr_t)(h))

JNIEXPORT void JNICALL Java_org_edgemoe_runtime_NativeDriver_linuxClose(JNIEnv *env, jclass cls, jlong h) {
    (void)env;
    (void)cls;
    edgemoe_linux_close(LX(h));
    free(LX(h));
}

JNIEXPORT jstring JNICALL Java_org_edgemoe_runtime_NativeDriver_linuxDescribe(JNIEnv *env, jclass cls, jlong h) {
    (void)cls;
    return (*env)->NewStringUTF(env, edgemoe_linux_describe(LX(h)));
}

JNIEXPORT jboolean JNICALL Java_org_edgemoe_runtime_NativeDriver_linuxHasIrq(JNIEnv *env, jclass cls, jlong h) {
    (void)env;
    (void)cls;
    return LX(h)->irq ? JNI_TRUE : JNI_FALSE;
}

JNIEXPORT jlong JNICALL Java_org_edgemoe_runtime_NativeDriver_linuxBufBase(JNIEnv *env, jclass cls, jlong h) {
    (void)env;
    (void)cls;
    return (jlong)LX(h)->buf_phys;
}

JNIEXPORT jlong JNICALL Java_org_edgemoe_runtime_NativeDriver_linuxBufSize(JNIEnv *env, jclass cls, jlong h) {
    (void)env;
    (void)cls;
    return (jlong)LX(h)->buf_bytes;
}

JNIEXPORT jint JNICALL Java_org_edgemoe_runtime_NativeDriver_linuxRegRead(JNIEnv *env, jclass cls, jlong h, jint off) {
    (void)env;
    (void)cls;
    return (jint)edgemoe_linux_reg_read(LX(h), (uint32_t)off);
}

JNIEXPORT void JNICALL Java_org_edgemoe_runtime_NativeDriver_linuxRegWrite(JNIEnv *env, jclass cls, jlong h, jint off, jint v) {
    (void)env;
    (void)cls;
    edgemoe_linux_reg_write(LX(h), (uint32_t)off, (uint32_t)v);
}

/* offset is from the buffer's start; Java checked the ranges. */
JNIEXPORT jint JNICALL Java_org_edgemoe_runtime_NativeDriver_linuxBufWrite(JNIEnv *env, jclass cls, jlong h, jlong offset,
                                                                          jbyteArray data, jint off, jint len) {
    jbyte *p;
    int s;
    (void)cls;
    p = (jbyte *)(*env)->GetPrimitiveArrayCritical(env, data, NULL);
    if (p == NULL) {
        return -1;
    }
    s = edgemoe_linux_buf_write(LX(h), (uint64_t)offset, p + off, (size_t)len);
    (*env)->ReleasePrimitiveArrayCritical(env, data, p, JNI_ABORT);
    return s;
}

JNIEXPORT jint JNICALL Java_org_edgemoe_runtime_NativeDriver_linuxBufRead(JNIEnv *env, jclass cls, jlong h, jlong offset,
                                                                         jbyteArray dst, jint off, jint len) {
    jbyte *p;
    int s;
    (void)cls;
    p = (jbyte *)(*env)->GetPrimitiveArrayCritical(env, dst, NULL);
    if (p == NULL) {
        return -1;
    }
    s = edgemoe_linux_buf_read(LX(h), (uint64_t)offset, p + off, (size_t)len);
    (*env)->ReleasePrimitiveArrayCritical(env, dst, p, 0);
    return s;
}

JNIEXPORT jint JNICALL Java_org_edgemoe_runtime_NativeDriver_linuxWaitIrq(JNIEnv *env, jclass cls, jlong h, jint us) {
    (void)env;
    (void)cls;
    return edgemoe_linux_wait_irq(LX(h), (uint32_t)us);
}

/* ---- the C driver over a Java AcceleratorBackend ---- */

typedef struct jbus {
    edgemoe_dev dev;
    edgemoe_platform platform;
    JNIEnv *env;
    jobject backend;
    jmethodID reg_read, reg_write, mem_write, mem_read, await_irq, pause, nano_time;
    jlong base;
    int failed;
    uint64_t now;
    jobject progress;
} jbus;

static int check(jbus *b) {
    if (!b->failed && (*b->env)->ExceptionCheck(b->env)) {
        b->failed = 1;
    }
    return b->failed;
}

static uint32_t jb_reg_read(void *ctx, uint32_t offset) {
    jbus *b = (jbus *)ctx;
    jint v;
    if (b->failed) {
        return 0;
    }
    v = (*b->env)->CallIntMethod(b->env, b->backend, b->reg_read, (jint)offset);
    return check(b) ? 0 : (uint32_t)v;
}

static void jb_reg_write(void *ctx, uint32_t offset, uint32_t value) {
    jbus *b = (jbus *)ctx;
    if (b->failed) {
        return;
    }
    (*b->env)->CallVoidMethod(b->env, b->backend, b->reg_write, (jint)offset, (jint)value);
    check(b);
}

static int jb_buf_write(void *ctx, uint64_t offset, const void *src, size_t n) {
    jbus *b = (jbus *)ctx;
    jbyteArray a;
    if (b->failed || n > CHUNK) {
        return -1;
    }
    a = (*b->env)->NewByteArray(b->env, (jsize)n);
    if (a == NULL) {
        check(b);
        return -1;
    }
    (*b->env)->SetByteArrayRegion(b->env, a, 0, (jsize)n, (const jbyte *)src);
    (*b->env)->CallVoidMethod(b->env, b->backend, b->mem_write, (jlong)(b->base + (jlong)offset), a, (jint)0, (jint)n);
    (*b->env)->DeleteLocalRef(b->env, a);
    return check(b) ? -1 : 0;
}

static int jb_buf_read(void *ctx, uint64_t offset, void *dst, size_t n) {
    jbus *b = (jbus *)ctx;
    jbyteArray a;
    if (b->failed || n > CHUNK) {
        return -1;
    }
    a = (*b->env)->NewByteArray(b->env, (jsize)n);
    if (a == NULL) {
        check(b);
        return -1;
    }
    (*b->env)->CallVoidMethod(b->env, b->backend, b->mem_read, (jlong)(b->base + (jlong)offset), a, (jint)0, (jint)n);
    if (!check(b)) {
        (*b->env)->GetByteArrayRegion(b->env, a, 0, (jsize)n, (jbyte *)dst);
    }
    (*b->env)->DeleteLocalRef(b->env, a);
    return check(b) ? -1 : 0;
}

static uint64_t jb_now_us(void *ctx) {
    jbus *b = (jbus *)ctx;
    jlong ns;
    if (b->failed) {
        b->now += 1000000000000ull; /* an hour a call: any wait times out */
        return b->now;
    }
    ns = (*b->env)->CallLongMethod(b->env, b->backend, b->nano_time);
    if (check(b)) {
        return jb_now_us(ctx);
    }
    b->now = (uint64_t)ns / 1000u;
    return b->now;
}

static int jb_wait_irq(void *ctx, uint32_t us) {
    jbus *b = (jbus *)ctx;
    jboolean got;
    if (b->failed) {
        return -1;
    }
    got = (*b->env)->CallBooleanMethod(b->env, b->backend, b->await_irq, (jlong)us * 1000);
    return check(b) ? -1 : got ? 1 : 0;
}

static void jb_sleep_us(void *ctx, uint32_t us) {
    jbus *b = (jbus *)ctx;
    if (b->failed) {
        return;
    }
    (*b->env)->CallVoidMethod(b->env, b->backend, b->pause, (jlong)us * 1000);
    check(b);
}

#define JB(h) ((jbus *)(intptr_t)(h))

/* Every call that may reach the backend records the calling thread's JNIEnv first. */
static jbus *enter(JNIEnv *env, jlong h) {
    jbus *b = JB(h);
    b->env = env;
    return b;
}

JNIEXPORT jlong JNICALL Java_org_edgemoe_runtime_NativeDriver_driverCreate(JNIEnv *env, jclass cls, jobject backend) {
    jclass c;
    jbus *b;
    jmethodID has_irq, mem_base, mem_size, poll;
    jboolean irq;
    jlong poll_ns;
    (void)cls;
    c = (*env)->GetObjectClass(env, backend);
    b = (jbus *)calloc(1, sizeof *b);
    if (b == NULL) {
        throw_new(env, "java/lang/OutOfMemoryError", "jbus");
        return 0;
    }
    b->env = env;
    b->reg_read = (*env)->GetMethodID(env, c, "regRead", "(I)I");
    b->reg_write = (*env)->GetMethodID(env, c, "regWrite", "(II)V");
    b->mem_write = (*env)->GetMethodID(env, c, "memWrite", "(J[BII)V");
    b->mem_read = (*env)->GetMethodID(env, c, "memRead", "(J[BII)V");
    b->await_irq = (*env)->GetMethodID(env, c, "awaitInterrupt", "(J)Z");
    b->pause = (*env)->GetMethodID(env, c, "pause", "(J)V");
    b->nano_time = (*env)->GetMethodID(env, c, "nanoTime", "()J");
    has_irq = (*env)->GetMethodID(env, c, "hasInterrupt", "()Z");
    mem_base = (*env)->GetMethodID(env, c, "memBase", "()J");
    mem_size = (*env)->GetMethodID(env, c, "memSize", "()J");
    poll = (*env)->GetMethodID(env, c, "pollNanos", "()J");
    if (b->reg_read == NULL || b->reg_write == NULL || b->mem_write == NULL || b->mem_read == NULL || b->await_irq == NULL
        || b->pause == NULL || b->nano_time == NULL || has_irq == NULL || mem_base == NULL || mem_size == NULL || poll == NULL) {
        free(b);
        return 0; /* NoSuchMethodError pending */
    }
    irq = (*env)->CallBooleanMethod(env, backend, has_irq);
    b->base = (*env)->CallLongMethod(env, backend, mem_base);
    b->platform.buf_bytes = (uint64_t)(*env)->CallLongMethod(env, backend, mem_size);
    poll_ns = (*env)->CallLongMethod(env, backend, poll);
    if ((*env)->ExceptionCheck(env)) {
        free(b);
        return 0;
    }
    b->backend = (*env)->NewGlobalRef(env, backend);
    b->platform.ctx = b;
    b->platform.reg_read = jb_reg_read;
    b->platform.reg_write = jb_reg_write;
    b->platform.buf_bus_addr = (uint64_t)b->base;
    b->platform.buf_write = jb_buf_write;
    b->platform.buf_read = jb_buf_read;
    b->platform.now_us = jb_now_us;
    b->platform.wait_irq = irq ? jb_wait_irq : NULL;
    b->platform.sleep_us = jb_sleep_us;
    b->platform.poll_us = poll_ns >= 1000 ? (uint32_t)(poll_ns / 1000) : 1u;
    return (jlong)(intptr_t)b;
}

JNIEXPORT void JNICALL Java_org_edgemoe_runtime_NativeDriver_driverFree(JNIEnv *env, jclass cls, jlong h) {
    (void)cls;
    if (h != 0) {
        (*env)->DeleteGlobalRef(env, JB(h)->backend);
        free(JB(h));
    }
}

JNIEXPORT jint JNICALL Java_org_edgemoe_runtime_NativeDriver_driverOpen(JNIEnv *env, jclass cls, jlong h) {
    jbus *b = enter(env, h);
    (void)cls;
    return edgemoe_open(&b->dev, &b->platform);
}

typedef int (*load_fn)(edgemoe_dev *, const void *, size_t);

static jint load(JNIEnv *env, jlong h, jbyteArray data, load_fn fn, int weights, jlong hash) {
    jbus *b = enter(env, h);
    jsize n = (*env)->GetArrayLength(env, data);
    jbyte *p = (*env)->GetByteArrayElements(env, data, NULL);
    int s;
    if (p == NULL) {
        return EDGEMOE_E_ARG;
    }
    s = weights ? edgemoe_load_weights(&b->dev, p, (size_t)n, (uint64_t)hash) : fn(&b->dev, p, (size_t)n);
    (*env)->ReleaseByteArrayElements(env, data, p, JNI_ABORT);
    return s;
}

JNIEXPORT jint JNICALL Java_org_edgemoe_runtime_NativeDriver_driverLoadWeights(JNIEnv *env, jclass cls, jlong h, jbyteArray image,
                                                                              jlong hash) {
    (void)cls;
    return load(env, h, image, NULL, 1, hash);
}

JNIEXPORT jint JNICALL Java_org_edgemoe_runtime_NativeDriver_driverLoadProgram(JNIEnv *env, jclass cls, jlong h, jbyteArray program) {
    (void)cls;
    return load(env, h, program, edgemoe_load_program, 0, 0);
}

JNIEXPORT jint JNICALL Java_org_edgemoe_runtime_NativeDriver_driverLoadInput(JNIEnv *env, jclass cls, jlong h, jbyteArray pixels) {
    (void)cls;
    return load(env, h, pixels, edgemoe_load_input, 0, 0);
}

JNIEXPORT jint JNICALL Java_org_edgemoe_runtime_NativeDriver_driverSetWatchdog(JNIEnv *env, jclass cls, jlong h, jint cycles) {
    (void)cls;
    return edgemoe_set_watchdog(&enter(env, h)->dev, (uint32_t)cycles);
}

JNIEXPORT jint JNICALL Java_org_edgemoe_runtime_NativeDriver_driverStart(JNIEnv *env, jclass cls, jlong h, jint task) {
    (void)cls;
    return edgemoe_start(&enter(env, h)->dev, (unsigned)task);
}

static void jb_progress(void *user, uint32_t done, uint32_t total, uint64_t elapsed_us) {
    jbus *b = (jbus *)user;
    jclass c;
    jmethodID m;
    if (b->failed || b->progress == NULL) {
        return;
    }
    c = (*b->env)->GetObjectClass(b->env, b->progress);
    m = (*b->env)->GetMethodID(b->env, c, "update", "(JJJ)V");
    if (m != NULL) {
        (*b->env)->CallVoidMethod(b->env, b->progress, m, (jlong)done, (jlong)total, (jlong)elapsed_us * 1000);
    }
    (*b->env)->DeleteLocalRef(b->env, c);
    check(b);
}

JNIEXPORT jint JNICALL Java_org_edgemoe_runtime_NativeDriver_driverWait(JNIEnv *env, jclass cls, jlong h, jlong timeout_us,
                                                                       jobject progress) {
    jbus *b = enter(env, h);
    int s;
    (void)cls;
    b->progress = progress;
    s = edgemoe_wait(&b->dev, (uint64_t)timeout_us, progress != NULL ? jb_progress : NULL, b);
    b->progress = NULL;
    return s;
}

JNIEXPORT jint JNICALL Java_org_edgemoe_runtime_NativeDriver_driverAbort(JNIEnv *env, jclass cls, jlong h) {
    (void)cls;
    return edgemoe_abort(&enter(env, h)->dev);
}

JNIEXPORT jlong JNICALL Java_org_edgemoe_runtime_NativeDriver_driverOutputValues(JNIEnv *env, jclass cls, jlong h) {
    (void)cls;
    return (jlong)edgemoe_output_values(&enter(env, h)->dev);
}

JNIEXPORT jint JNICALL Java_org_edgemoe_runtime_NativeDriver_driverOutputTokens(JNIEnv *env, jclass cls, jlong h) {
    (void)cls;
    return (jint)edgemoe_output_tokens(&enter(env, h)->dev);
}

JNIEXPORT jint JNICALL Java_org_edgemoe_runtime_NativeDriver_driverReadOutput(JNIEnv *env, jclass cls, jlong h, jintArray raw) {
    jbus *b = enter(env, h);
    jsize n = (*env)->GetArrayLength(env, raw);
    int32_t *tmp = (int32_t *)malloc(n > 0 ? (size_t)n * sizeof(int32_t) : 1u);
    int s;
    (void)cls;
    if (tmp == NULL) {
        return EDGEMOE_E_ARG;
    }
    s = edgemoe_read_output(&b->dev, tmp, (size_t)n);
    if (s == EDGEMOE_OK && !b->failed) {
        (*env)->SetIntArrayRegion(env, raw, 0, n, (const jint *)tmp);
    }
    free(tmp);
    return s;
}

JNIEXPORT jint JNICALL Java_org_edgemoe_runtime_NativeDriver_driverReadPerf(JNIEnv *env, jclass cls, jlong h, jlongArray out) {
    jbus *b = enter(env, h);
    edgemoe_perf p;
    jlong v[10];
    int s;
    (void)cls;
    s = edgemoe_read_perf(&b->dev, &p);
    if (s != EDGEMOE_OK || b->failed) {
        return s;
    }
    v[0] = p.cycles;
    v[1] = p.busy_cu;
    v[2] = p.busy_attn;
    v[3] = p.busy_ln;
    v[4] = p.busy_router;
    v[5] = p.busy_embed;
    v[6] = p.ddr_rd_bytes;
    v[7] = p.ddr_wr_bytes;
    v[8] = p.ddr_stall;
    v[9] = p.commands;
    (*env)->SetLongArrayRegion(env, out, 0, 10, v);
    return s;
}

JNIEXPORT void JNICALL Java_org_edgemoe_runtime_NativeDriver_driverLastError(JNIEnv *env, jclass cls, jlong h, jlongArray out) {
    const edgemoe_run_error *e = edgemoe_last_error(&JB(h)->dev);
    jlong v[5];
    (void)cls;
    v[0] = e->code;
    v[1] = e->index;
    v[2] = e->opcode;
    v[3] = e->addr;
    v[4] = e->status;
    (*env)->SetLongArrayRegion(env, out, 0, 5, v);
}

JNIEXPORT jstring JNICALL Java_org_edgemoe_runtime_NativeDriver_driverMessage(JNIEnv *env, jclass cls, jlong h) {
    (void)cls;
    return (*env)->NewStringUTF(env, edgemoe_message(&JB(h)->dev));
}

/* ---- pure functions ---- */

JNIEXPORT jstring JNICALL Java_org_edgemoe_runtime_NativeDriver_errorName(JNIEnv *env, jclass cls, jint code) {
    (void)cls;
    return (*env)->NewStringUTF(env, edgemoe_error_name((uint32_t)code));
}

JNIEXPORT jstring JNICALL Java_org_edgemoe_runtime_NativeDriver_errorMeaning(JNIEnv *env, jclass cls, jint code) {
    (void)cls;
    return (*env)->NewStringUTF(env, edgemoe_error_meaning((uint32_t)code));
}

JNIEXPORT jstring JNICALL Java_org_edgemoe_runtime_NativeDriver_statusName(JNIEnv *env, jclass cls, jint status) {
    (void)cls;
    return (*env)->NewStringUTF(env, edgemoe_status_name(status));
}

JNIEXPORT jint JNICALL Java_org_edgemoe_runtime_NativeDriver_crc32(JNIEnv *env, jclass cls, jbyteArray data) {
    jsize n = (*env)->GetArrayLength(env, data);
    jbyte *p = (*env)->GetByteArrayElements(env, data, NULL);
    uint32_t c;
    (void)cls;
    if (p == NULL) {
        return 0;
    }
    c = edgemoe_crc32(0, p, (size_t)n);
    (*env)->ReleaseByteArrayElements(env, data, p, JNI_ABORT);
    return (jint)c;
}

JNIEXPORT jfloatArray JNICALL Java_org_edgemoe_runtime_NativeDriver_toFloat(JNIEnv *env, jclass cls, jintArray raw, jint frac) {
    jsize n = (*env)->GetArrayLength(env, raw);
    jint *r = (*env)->GetIntArrayElements(env, raw, NULL);
    float *f = (float *)malloc(n > 0 ? (size_t)n * sizeof(float) : 1u);
    jfloatArray out = NULL;
    (void)cls;
    if (r != NULL && f != NULL) {
        edgemoe_to_float((const int32_t *)r, f, (size_t)n, (unsigned)frac);
        out = (*env)->NewFloatArray(env, n);
        if (out != NULL) {
            (*env)->SetFloatArrayRegion(env, out, 0, n, f);
        }
    }
    if (r != NULL) {
        (*env)->ReleaseIntArrayElements(env, raw, r, JNI_ABORT);
    }
    free(f);
    return out;
}

JNIEXPORT jstring JNICALL Java_org_edgemoe_runtime_NativeDriver_checkImage(JNIEnv *env, jclass cls, jbyteArray image, jlong hash) {
    char msg[320];
    jsize n = (*env)->GetArrayLength(env, image);
    jbyte *p = (*env)->GetByteArrayElements(env, image, NULL);
    int s;
    (void)cls;
    if (p == NULL) {
        return NULL;
    }
    s = edgemoe_check_image(p, (size_t)n, (uint64_t)hash, msg, sizeof msg);
    (*env)->ReleaseByteArrayElements(env, image, p, JNI_ABORT);
    return s == EDGEMOE_OK ? NULL : (*env)->NewStringUTF(env, msg);
}
