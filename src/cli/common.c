/* common.c — helpers every subcommand uses: language and colour choice,
 * option parsing, atomic file output. */
#define _DEFAULT_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "kehoach/text.h"

kh_lang cli_lang(const char *opt)
{
    if (opt)
        return strncmp(opt, "vi", 2) == 0 ? KH_LANG_VI : KH_LANG_EN;
    const char *vars[] = {"KEHOACH_LANG", "LC_ALL", "LC_MESSAGES", "LANG"};
    for (size_t i = 0; i < sizeof vars / sizeof vars[0]; i++) {
        const char *v = getenv(vars[i]);
        if (v && *v)
            return strncmp(v, "vi", 2) == 0 ? KH_LANG_VI : KH_LANG_EN;
    }
    return KH_LANG_EN;
}

bool cli_color(int fd, const char *opt)
{
    if (opt && !strcmp(opt, "always"))
        return true;
    if (opt && !strcmp(opt, "never"))
        return false;
    const char *nc = getenv("NO_COLOR");
    if (nc && *nc)
        return false;
    return isatty(fd);
}

const char *cli_opt_value(int argc, char **argv, int *i, const char *name,
                          bool *missing)
{
    size_t n = strlen(name);
    const char *a = argv[*i];
    *missing = false;
    if (strncmp(a, name, n) != 0)
        return NULL;
    if (a[n] == '=')
        return a + n + 1;
    if (a[n] != '\0')
        return NULL;
    if (*i + 1 >= argc) {
        *missing = true;
        return NULL;
    }
    return argv[++*i];
}

int cli_write_atomic(const char *path, const void *data, size_t len)
{
    kh_buf tmp = {0};
    kh_buf_printf(&tmp, "%s.tmp.XXXXXX", path);
    char *name = kh_buf_take(&tmp);
    int fd = mkstemp(name);
    if (fd < 0) {
        free(name);
        return -1;
    }
    const char *p = data;
    size_t left = len;
    while (left) {
        ssize_t w = write(fd, p, left);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            goto fail;
        }
        p += w;
        left -= (size_t)w;
    }
    if (fchmod(fd, 0644) != 0 || fsync(fd) != 0)
        goto fail;
    if (close(fd) != 0) {
        fd = -1;
        goto fail;
    }
    if (rename(name, path) != 0) {
        fd = -1;
        goto fail;
    }
    free(name);
    return 0;
fail:;
    int e = errno;
    if (fd >= 0)
        close(fd);
    unlink(name);
    free(name);
    errno = e;
    return -1;
}
