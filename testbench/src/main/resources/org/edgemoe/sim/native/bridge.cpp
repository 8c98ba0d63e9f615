// The one JNI library of edgemoe-sim: native methods of org.edgemoe.sim.NativeBridge. It knows no
// design; it dlopen()s model libraries RTLD_LOCAL and calls their plain C em_* functions, so any
// number of different models can live in one JVM without JNI symbol clashes.
#include <jni.h>
#include <dlfcn.h>
#include <cstdint>
#include <cstring>
#include <string>

namespace {

struct ModelApi {
    void* library;
    int (*hasClock)();
    int (*traceKind)();
    int (*signalCount)();
    void (*signalInfo)(int, const char**, int*, int*, int*);
    void* (*create)(int, int);
    void (*destroy)(void*);
    void* (*stateBase)(void*);
    int64_t (*stateSize)();
    int64_t (*signalOffset)(void*, int);
    void (*eval)(void*);
    int64_t (*step)(void*, int64_t);
    const char* (*takeEvents)(void*);
    int64_t (*runBatch)(void*, int64_t, const uint8_t*, const int32_t*, int, uint8_t*, const int32_t*, int);
    uint64_t (*randomRun)(void*, int64_t, uint64_t, const int32_t*, int, const int32_t*, int);
    int (*traceOpen)(void*, const char*);
    void (*traceClose)(void*);
};

struct Bound {
    ModelApi* api;
    void* instance;
};

const int kAbiVersion = 3;

void throwIllegalState(JNIEnv* env, const std::string& message) {
    jclass cls = env->FindClass("java/lang/IllegalStateException");
    if (cls) env->ThrowNew(cls, message.c_str());
}

template <typename F>
bool resolve(JNIEnv* env, void* library, const char* name, F& target) {
    void* symbol = dlsym(library, name);
    if (!symbol) {
        throwIllegalState(env, std::string("model library lacks ") + name);
        return false;
    }
    target = reinterpret_cast<F>(symbol);
    return true;
}

inline Bound* bound(jlong handle) { return reinterpret_cast<Bound*>(handle); }

}  // namespace

extern "C" {

JNIEXPORT jlong JNICALL Java_org_edgemoe_sim_NativeBridge_openLibrary(JNIEnv* env, jclass, jstring path) {
    const char* p = env->GetStringUTFChars(path, nullptr);
    void* library = dlopen(p, RTLD_NOW | RTLD_LOCAL);
    env->ReleaseStringUTFChars(path, p);
    if (!library) {
        throwIllegalState(env, std::string("dlopen failed: ") + dlerror());
        return 0;
    }
    int (*abi)() = nullptr;
    if (!resolve(env, library, "em_abi_version", abi)) return 0;
    if (abi() != kAbiVersion) {
        throwIllegalState(env, "model library ABI version mismatch");
        return 0;
    }
    ModelApi* api = new ModelApi();
    api->library = library;
    bool ok = resolve(env, library, "em_has_clock", api->hasClock)
        && resolve(env, library, "em_trace_kind", api->traceKind)
        && resolve(env, library, "em_signal_count", api->signalCount)
        && resolve(env, library, "em_signal_info", api->signalInfo)
        && resolve(env, library, "em_create", api->create)
        && resolve(env, library, "em_destroy", api->destroy)
        && resolve(env, library, "em_state_base", api->stateBase)
        && resolve(env, library, "em_state_size", api->stateSize)
        && resolve(env, library, "em_signal_offset", api->signalOffset)
        && resolve(env, library, "em_eval", api->eval)
        && resolve(env, library, "em_step", api->step)
        && resolve(env, library, "em_take_events", api->takeEvents)
        && resolve(env, library, "em_run_batch", api->runBatch)
        && resolve(env, library, "em_random_run", api->randomRun)
        && resolve(env, library, "em_trace_open", api->traceOpen)
        && resolve(env, library, "em_trace_close", api->traceClose);
    if (!ok) {
        delete api;
        return 0;
    }
    // Libraries stay loaded for the life of the JVM: unloading a Verilated runtime is not safe.
    return reinterpret_cast<jlong>(api);
}

JNIEXPORT jboolean JNICALL Java_org_edgemoe_sim_NativeBridge_hasClock(JNIEnv*, jclass, jlong api) {
    return reinterpret_cast<ModelApi*>(api)->hasClock() != 0;
}

JNIEXPORT jint JNICALL Java_org_edgemoe_sim_NativeBridge_traceKind(JNIEnv*, jclass, jlong api) {
    return reinterpret_cast<ModelApi*>(api)->traceKind();
}

JNIEXPORT jlong JNICALL Java_org_edgemoe_sim_NativeBridge_create(JNIEnv*, jclass, jlong api, jint randReset,
                                                               jint seed) {
    ModelApi* a = reinterpret_cast<ModelApi*>(api);
    return reinterpret_cast<jlong>(new Bound{a, a->create(randReset, seed)});
}

// One line per signal: name, width, direction, bytes, offset (tab separated).
JNIEXPORT jstring JNICALL Java_org_edgemoe_sim_NativeBridge_describeSignals(JNIEnv* env, jclass, jlong handle) {
    Bound* b = bound(handle);
    std::string table;
    for (int i = 0, n = b->api->signalCount(); i < n; i++) {
        const char* name;
        int width, direction, bytes;
        b->api->signalInfo(i, &name, &width, &direction, &bytes);
        table += std::string(name) + '\t' + std::to_string(width) + '\t' + std::to_string(direction) + '\t'
            + std::to_string(bytes) + '\t' + std::to_string(b->api->signalOffset(b->instance, i)) + '\n';
    }
    return env->NewStringUTF(table.c_str());
}

JNIEXPORT jobject JNICALL Java_org_edgemoe_sim_NativeBridge_state(JNIEnv* env, jclass, jlong handle) {
    Bound* b = bound(handle);
    return env->NewDirectByteBuffer(b->api->stateBase(b->instance), b->api->stateSize());
}

JNIEXPORT void JNICALL Java_org_edgemoe_sim_NativeBridge_destroy(JNIEnv*, jclass, jlong handle) {
    Bound* b = bound(handle);
    b->api->destroy(b->instance);
    delete b;
}

JNIEXPORT void JNICALL Java_org_edgemoe_sim_NativeBridge_eval(JNIEnv*, jclass, jlong handle) {
    Bound* b = bound(handle);
    b->api->eval(b->instance);
}

JNIEXPORT jlong JNICALL Java_org_edgemoe_sim_NativeBridge_step(JNIEnv*, jclass, jlong handle, jlong cycles) {
    Bound* b = bound(handle);
    return b->api->step(b->instance, cycles);
}

JNIEXPORT jstring JNICALL Java_org_edgemoe_sim_NativeBridge_takeEvents(JNIEnv* env, jclass, jlong handle) {
    Bound* b = bound(handle);
    return env->NewStringUTF(b->api->takeEvents(b->instance));
}

JNIEXPORT jlong JNICALL Java_org_edgemoe_sim_NativeBridge_runBatch(JNIEnv* env, jclass, jlong handle, jlong cycles,
                                                                  jobject stimulus, jintArray inputs, jobject results,
                                                                  jintArray outputs) {
    Bound* b = bound(handle);
    jint* in = env->GetIntArrayElements(inputs, nullptr);
    jint* out = env->GetIntArrayElements(outputs, nullptr);
    int64_t done = b->api->runBatch(b->instance, cycles, static_cast<uint8_t*>(env->GetDirectBufferAddress(stimulus)),
                     reinterpret_cast<int32_t*>(in), env->GetArrayLength(inputs) / 2,
                     static_cast<uint8_t*>(env->GetDirectBufferAddress(results)),
                     reinterpret_cast<int32_t*>(out), env->GetArrayLength(outputs) / 2);
    env->ReleaseIntArrayElements(inputs, in, JNI_ABORT);
    env->ReleaseIntArrayElements(outputs, out, JNI_ABORT);
    return done;
}

JNIEXPORT jlong JNICALL Java_org_edgemoe_sim_NativeBridge_randomRun(JNIEnv* env, jclass, jlong handle, jlong cycles,
                                                                    jlong seed, jintArray inputs, jintArray outputs) {
    Bound* b = bound(handle);
    jint* in = env->GetIntArrayElements(inputs, nullptr);
    jint* out = env->GetIntArrayElements(outputs, nullptr);
    uint64_t digest = b->api->randomRun(b->instance, cycles, static_cast<uint64_t>(seed),
                                        reinterpret_cast<int32_t*>(in), env->GetArrayLength(inputs) / 3,
                                        reinterpret_cast<int32_t*>(out), env->GetArrayLength(outputs) / 2);
    env->ReleaseIntArrayElements(inputs, in, JNI_ABORT);
    env->ReleaseIntArrayElements(outputs, out, JNI_ABORT);
    return static_cast<jlong>(digest);
}

JNIEXPORT jint JNICALL Java_org_edgemoe_sim_NativeBridge_traceOpen(JNIEnv* env, jclass, jlong handle, jstring path) {
    Bound* b = bound(handle);
    const char* p = env->GetStringUTFChars(path, nullptr);
    int status = b->api->traceOpen(b->instance, p);
    env->ReleaseStringUTFChars(path, p);
    return status;
}

JNIEXPORT void JNICALL Java_org_edgemoe_sim_NativeBridge_traceClose(JNIEnv*, jclass, jlong handle) {
    Bound* b = bound(handle);
    b->api->traceClose(b->instance);
}

}  // extern "C"
