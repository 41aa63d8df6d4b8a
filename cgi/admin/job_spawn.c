/* job_spawn.c: starts a mallctl worker for a back-office job (code generation, bulk grants) beside this program,
 * detached — the FastCGI process never runs a long job itself; cron's worker takes the job if this fails */
#include "admin.h"
#include "config.h"
#include "log.h"
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

void adm_spawn_worker(const char *command, long long job_id) {
  char exe[PATH_MAX], bin[PATH_MAX + 16], id[24], logf[1200];
  ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
  if (n <= 0) return;
  exe[n] = 0;
  char *slash = strrchr(exe, '/');
  if (!slash) return;
  *slash = 0;
  snprintf(bin, sizeof bin, "%s/mallctl", exe);
  snprintf(id, sizeof id, "%lld", job_id);
  snprintf(logf, sizeof logf, "%s/log/%s.log", g_cfg.var, command);
  pid_t pid = fork();
  if (pid < 0) {
    log_error("%s: cannot fork a worker for job %lld", command, job_id);
    return;
  }
  if (pid == 0) {
    setsid();
    if (fork() != 0) _exit(0); /* double fork: no zombie, no waiting */
    /* Nothing of the FastCGI connection may stay open in the worker. */
    for (int fd = 3; fd < 1024; fd++) close(fd);
    int in = open("/dev/null", O_RDONLY), out = open(logf, O_WRONLY | O_CREAT | O_APPEND, 0600);
    if (in >= 0) dup2(in, 0);
    if (out >= 0) dup2(out, 1), dup2(out, 2);
    execl(bin, "mallctl", command, "--job", id, (char *)NULL);
    _exit(127);
  }
  waitpid(pid, NULL, 0);
}
