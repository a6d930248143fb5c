/*
 * A stand-in for libnvidia-ml.so.1 describing one idle NVIDIA H200, so that the end-to-end tests
 * drive Hearth's real NVML P/Invoke layer (entry points, struct layouts, strings) on a machine
 * without a GPU. Signatures follow nvml.h (NVML API version 12).
 * FAKE_NVML_MIG=1: the GPU is in MIG mode with one instance: no utilisation, and the parent's process
 * list needs privileges (as for a non-root user), so processes are only listed on the instance.
 * FAKE_NVML_PROCESSES=N: N processes of other users, then this process's children (1 GiB each).
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef int nvmlReturn_t;
typedef void *nvmlDevice_t;
enum { OK = 0, INVALID_ARGUMENT = 2, NOT_SUPPORTED = 3, NO_PERMISSION = 4, NOT_FOUND = 6, INSUFFICIENT_SIZE = 7 };

typedef struct { unsigned long long total, free, used; } nvmlMemory_t;
typedef struct { unsigned int gpu, memory; } nvmlUtilization_t;
typedef struct {
    char busIdLegacy[16];
    unsigned int domain, bus, device, pciDeviceId, pciSubSystemId;
    char busId[32];
} nvmlPciInfo_t;
typedef struct { unsigned int pid; unsigned long long usedGpuMemory; unsigned int gpuInstanceId, computeInstanceId; } nvmlProcessInfo_t;

static int the_gpu, the_mig;
static int mig(void) { const char *m = getenv("FAKE_NVML_MIG"); return m && *m == '1'; }
static nvmlReturn_t copy(char *dst, unsigned int length, const char *src) {
    if (strlen(src) + 1 > length) return INSUFFICIENT_SIZE;
    strcpy(dst, src);
    return OK;
}

nvmlReturn_t nvmlInit_v2(void) { return OK; }
nvmlReturn_t nvmlShutdown(void) { return OK; }
const char *nvmlErrorString(nvmlReturn_t result) { return result == OK ? "Success" : "Fake NVML error"; }
nvmlReturn_t nvmlSystemGetDriverVersion(char *version, unsigned int length) { return copy(version, length, "580.95.05"); }
nvmlReturn_t nvmlSystemGetCudaDriverVersion_v2(int *version) { *version = 13000; return OK; }
nvmlReturn_t nvmlDeviceGetCount_v2(unsigned int *count) { *count = 1; return OK; }
nvmlReturn_t nvmlDeviceGetHandleByIndex_v2(unsigned int index, nvmlDevice_t *device) {
    if (index != 0) return INVALID_ARGUMENT;
    *device = &the_gpu;
    return OK;
}
nvmlReturn_t nvmlDeviceGetName(nvmlDevice_t d, char *name, unsigned int length) { return copy(name, length, "NVIDIA H200"); }
nvmlReturn_t nvmlDeviceGetUUID(nvmlDevice_t d, char *uuid, unsigned int length) { return copy(uuid, length, "GPU-8c1f7a2e-0000-4000-8000-000000000200"); }
nvmlReturn_t nvmlDeviceGetPciInfo_v3(nvmlDevice_t d, nvmlPciInfo_t *pci) {
    memset(pci, 0, sizeof *pci);
    strcpy(pci->busIdLegacy, "0000:19:00.0");
    pci->bus = 0x19;
    pci->pciDeviceId = 0x233510de;
    strcpy(pci->busId, "00000000:19:00.0");
    return OK;
}
nvmlReturn_t nvmlDeviceGetMemoryInfo(nvmlDevice_t d, nvmlMemory_t *m) {
    m->total = 150754820096ULL; m->used = 584581120ULL; m->free = m->total - m->used;
    return OK;
}
nvmlReturn_t nvmlDeviceGetCurrPcieLinkGeneration(nvmlDevice_t d, unsigned int *g) { *g = 5; return OK; }
nvmlReturn_t nvmlDeviceGetCurrPcieLinkWidth(nvmlDevice_t d, unsigned int *w) { *w = 16; return OK; }
nvmlReturn_t nvmlDeviceGetPowerManagementLimit(nvmlDevice_t d, unsigned int *mw) { *mw = 700000; return OK; }
nvmlReturn_t nvmlDeviceGetCudaComputeCapability(nvmlDevice_t d, int *major, int *minor) { *major = 9; *minor = 0; return OK; }
nvmlReturn_t nvmlDeviceGetTotalEccErrors(nvmlDevice_t d, int type, int counter, unsigned long long *n) { *n = 0; return OK; }
nvmlReturn_t nvmlDeviceGetRemappedRows(nvmlDevice_t d, unsigned int *c, unsigned int *u, unsigned int *pending, unsigned int *failed) {
    *c = 0; *u = 0; *pending = 0; *failed = 0;
    return OK;
}
nvmlReturn_t nvmlDeviceGetUtilizationRates(nvmlDevice_t d, nvmlUtilization_t *u) {
    if (mig()) return NOT_SUPPORTED;
    u->gpu = 0; u->memory = 0;
    return OK;
}
nvmlReturn_t nvmlDeviceGetMigMode(nvmlDevice_t d, unsigned int *current, unsigned int *pending) {
    if (!mig()) return NOT_SUPPORTED;
    *current = 1; *pending = 1;
    return OK;
}
nvmlReturn_t nvmlDeviceGetMaxMigDeviceCount(nvmlDevice_t d, unsigned int *count) { *count = mig() ? 7 : 0; return OK; }
nvmlReturn_t nvmlDeviceGetMigDeviceHandleByIndex(nvmlDevice_t d, unsigned int index, nvmlDevice_t *instance) {
    if (!mig() || index != 0) return NOT_FOUND;
    *instance = &the_mig;
    return OK;
}
nvmlReturn_t nvmlDeviceGetClockInfo(nvmlDevice_t d, int type, unsigned int *mhz) { *mhz = type == 1 ? 345 : 2619; return OK; }
nvmlReturn_t nvmlDeviceGetTemperature(nvmlDevice_t d, int sensor, unsigned int *c) { *c = 34; return OK; }
nvmlReturn_t nvmlDeviceGetPowerUsage(nvmlDevice_t d, unsigned int *mw) { *mw = 76543; return OK; }
nvmlReturn_t nvmlDeviceGetTotalEnergyConsumption(nvmlDevice_t d, unsigned long long *mj) { *mj = 987654321ULL; return OK; }
nvmlReturn_t nvmlDeviceGetPerformanceState(nvmlDevice_t d, int *p) { *p = 0; return OK; }
/* An older driver: only the "throttle" name of the clocks-event call exists, so the fallback is exercised. */
nvmlReturn_t nvmlDeviceGetCurrentClocksThrottleReasons(nvmlDevice_t d, unsigned long long *r) { *r = 0x1; return OK; }
/* The children of this process, from every thread's /proc/self/task/TID/children. */
static unsigned int children(unsigned int *pids, unsigned int room) {
    unsigned int n = 0;
    DIR *tasks = opendir("/proc/self/task");
    struct dirent *task;
    while (tasks && (task = readdir(tasks)) != NULL) {
        char path[300];
        snprintf(path, sizeof path, "/proc/self/task/%s/children", task->d_name);
        FILE *f = fopen(path, "r");
        unsigned int pid;
        while (f && n < room && fscanf(f, "%u", &pid) == 1) pids[n++] = pid;
        if (f) fclose(f);
    }
    if (tasks) closedir(tasks);
    return n;
}

nvmlReturn_t nvmlDeviceGetComputeRunningProcesses_v3(nvmlDevice_t d, unsigned int *count, nvmlProcessInfo_t *infos) {
    const char *many = getenv("FAKE_NVML_PROCESSES");
    if (d == &the_gpu && mig()) return NO_PERMISSION;
    if (!many) {
        if (*count < 1) { *count = 1; return INSUFFICIENT_SIZE; }
        infos[0].pid = 1234; infos[0].usedGpuMemory = 1073741824ULL; infos[0].gpuInstanceId = 0xFFFFFFFF; infos[0].computeInstanceId = 0xFFFFFFFF;
        *count = 1;
        return OK;
    }
    unsigned int pids[4096], n = (unsigned int)atoi(many);
    for (unsigned int i = 0; i < n; i++) pids[i] = 4000000 + i;
    n += children(pids + n, 4096 - n);
    if (*count < n) { *count = n; return INSUFFICIENT_SIZE; }
    for (unsigned int i = 0; i < n; i++) {
        infos[i].pid = pids[i]; infos[i].usedGpuMemory = 1073741824ULL;
        infos[i].gpuInstanceId = mig() ? 1 : 0xFFFFFFFF; infos[i].computeInstanceId = mig() ? 0 : 0xFFFFFFFF;
    }
    *count = n;
    return OK;
}
