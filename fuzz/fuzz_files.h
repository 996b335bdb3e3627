#ifndef FUZZ_FUZZ_FILES_H
#define FUZZ_FUZZ_FILES_H

/* Files for the targets that read from disk: one temporary folder a
 * process, removed at exit with what was written in it. */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define FUZZ_MAX_FILES 8

static char fuzz_dir_path[256];
static char fuzz_written[FUZZ_MAX_FILES][300];
static int fuzz_nwritten;

static void fuzz_cleanup(void)
{
    for (int i = 0; i < fuzz_nwritten; i++)
        unlink(fuzz_written[i]);
    if (fuzz_dir_path[0])
        rmdir(fuzz_dir_path);
}

/* The folder, made on first use. */
static const char *fuzz_dir(void)
{
    if (fuzz_dir_path[0])
        return fuzz_dir_path;
    const char *tmp = getenv("TMPDIR");
    snprintf(fuzz_dir_path, sizeof fuzz_dir_path, "%s/rongcuo-fuzz-XXXXXX",
             tmp && tmp[0] ? tmp : "/tmp");
    if (!mkdtemp(fuzz_dir_path)) {
        perror("mkdtemp");
        abort();
    }
    atexit(fuzz_cleanup);
    return fuzz_dir_path;
}

/* Write len bytes of data to the file name in the folder (replacing it);
 * returns its path, valid until the next call with the same name. */
static const char *fuzz_write(const char *name, const void *data, size_t len)
{
    static char path[FUZZ_MAX_FILES][300];
    int slot = 0;
    char want[300];
    snprintf(want, sizeof want, "%s/%s", fuzz_dir(), name);
    while (slot < fuzz_nwritten && strcmp(fuzz_written[slot], want) != 0)
        slot++;
    if (slot == fuzz_nwritten) {
        if (fuzz_nwritten == FUZZ_MAX_FILES)
            abort();
        memcpy(fuzz_written[fuzz_nwritten++], want, sizeof want);
    }
    memcpy(path[slot], want, sizeof want);
    FILE *f = fopen(path[slot], "wb");
    if (!f || fwrite(data, 1, len, f) != len || fclose(f) != 0) {
        perror(path[slot]);
        abort();
    }
    return path[slot];
}

#endif
