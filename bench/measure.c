/*
 * Runs a command and prints its wall-clock seconds, peak resident memory
 * (KiB) and processor seconds (user and system, of every thread) on
 * standard error: "seconds rss_kib cpu_seconds". On a shared machine the
 * processor time of one thread says more than the wall-clock time.
 *
 * usage: measure COMMAND [ARG...]
 */
#include <stdio.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    if (argc < 2)
        return 2;
    struct timespec a, b;
    clock_gettime(CLOCK_MONOTONIC, &a);
    pid_t pid = fork();
    if (pid == 0) {
        execvp(argv[1], argv + 1);
        _exit(127);
    }
    int status;
    struct rusage ru;
    if (pid < 0 || waitpid(pid, &status, 0) < 0 ||
        getrusage(RUSAGE_CHILDREN, &ru) != 0)
        return 2;
    clock_gettime(CLOCK_MONOTONIC, &b);
    double s =
        (double)(b.tv_sec - a.tv_sec) + (double)(b.tv_nsec - a.tv_nsec) / 1e9;
    double cpu = (double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
                 (double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
    fprintf(stderr, "%.3f %ld %.3f\n", s, ru.ru_maxrss, cpu);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 1;
}
