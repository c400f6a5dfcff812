/* common.c — helpers every subcommand uses: language and colour choice,
 * option parsing, atomic file output. */
#define _GNU_SOURCE /* O_TMPFILE */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <time.h>
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

kh_lang cli_lang_argv(int argc, char **argv)
{
    const char *opt = NULL;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--"))
            break;
        if (!strncmp(argv[i], "--lang=", 7))
            opt = argv[i] + 7;
        else if (!strcmp(argv[i], "--lang") && i + 1 < argc)
            opt = argv[++i];
    }
    return cli_lang(opt);
}

void cli_say(kh_lang lang, const char *cmd, const char *en_fmt,
             const char *vi_fmt, ...)
{
    va_list ap;
    va_start(ap, vi_fmt);
    fprintf(stderr, "kehoach%s%s: ", cmd ? " " : "", cmd ? cmd : "");
    vfprintf(stderr, lang == KH_LANG_VI ? vi_fmt : en_fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}

void cli_bad_option(kh_lang lang, const char *cmd, const char *arg, bool missing)
{
    if (missing)
        cli_say(lang, cmd, "missing value for '%s'; see 'kehoach %s --help'",
                "thiếu giá trị cho '%s'; xem 'kehoach %s --help'", arg, cmd);
    else
        cli_say(lang, cmd, "unknown option '%s'; see 'kehoach %s --help'",
                "không có tùy chọn '%s'; xem 'kehoach %s --help'", arg, cmd);
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

static int write_all(int fd, const void *data, size_t len)
{
    const char *p = data;
    while (len) {
        ssize_t w = write(fd, p, len);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        p += w;
        len -= (size_t)w;
    }
    return 0;
}

/* ".<name>.tmp-XXXXXX" with a random suffix, for attempt number `attempt`. */
static void temp_name(kh_buf *tmp, const char *name, int attempt)
{
    static const char digits[] = "abcdefghijklmnopqrstuvwxyz0123456789";
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    uint64_t r = (uint64_t)getpid() * 0x9E3779B97F4A7C15ull ^ (uint64_t)(uintptr_t)tmp ^
                 ((uint64_t)ts.tv_nsec << 20) ^ (uint64_t)ts.tv_sec ^
                 (uint64_t)attempt * 0xBF58476D1CE4E5B9ull;
    char suffix[7];
    for (int k = 0; k < 6; k++, r /= 36)
        suffix[k] = digits[r % 36];
    suffix[6] = '\0';
    tmp->len = 0;
    kh_buf_printf(tmp, ".%s.tmp-%s", name, suffix);
}

#ifdef O_TMPFILE
/* Linux: write into an unnamed file (O_TMPFILE) that appears in the
 * directory only once complete and synced, so even kill -9 leaves no
 * temporary file behind. Returns 0 or -1 (errno set); 1 when unnamed files
 * are not available here (old kernel, file system, no /proc): use names. */
static int write_unnamed(int dirfd, const char *name, const void *data, size_t len,
                         bool noclobber, bool durable)
{
    int fd = openat(dirfd, ".", O_WRONLY | O_TMPFILE | O_CLOEXEC, 0644);
    if (fd < 0)
        return errno == EISDIR || errno == EOPNOTSUPP || errno == EINVAL ? 1 : -1;
    if (write_all(fd, data, len) != 0 || fchmod(fd, 0644) != 0 || (durable && fsync(fd) != 0)) {
        int e = errno;
        close(fd);
        errno = e;
        return -1;
    }
    char proc[64];
    snprintf(proc, sizeof proc, "/proc/self/fd/%d", fd);
    int r;
    if (noclobber) { /* link() fails with EEXIST instead of replacing */
        r = linkat(AT_FDCWD, proc, dirfd, name, AT_SYMLINK_FOLLOW);
    } else { /* name it next to the target, then rename over the target */
        kh_buf tmp = {0};
        r = -1;
        for (int attempt = 0; attempt < 100 && r != 0; attempt++) {
            temp_name(&tmp, name, attempt);
            r = linkat(AT_FDCWD, proc, dirfd, kh_buf_str(&tmp), AT_SYMLINK_FOLLOW);
            if (r != 0 && errno != EEXIST)
                break;
        }
        if (r == 0 && (r = renameat(dirfd, kh_buf_str(&tmp), dirfd, name)) != 0) {
            int e = errno;
            unlinkat(dirfd, kh_buf_str(&tmp), 0);
            errno = e;
        }
        kh_buf_free(&tmp);
    }
    int e = errno;
    close(fd);
    errno = e;
    if (r != 0 && errno == ENOENT)
        return 1; /* no /proc to link from: the named way */
    return r;
}
#endif

/* durable: fsync the data before it gets its name (survives a power cut,
 * costs ~10 ms per file); without it the file is still never seen half
 * written by another process or after a kill, only not power-cut safe. */
static int write_at(int dirfd, const char *name, const void *data, size_t len,
                    bool noclobber, bool durable)
{
    if (!*name || strchr(name, '/') || !strcmp(name, ".") || !strcmp(name, "..")) {
        errno = EINVAL;
        return -1;
    }
    /* A device or a pipe (-o /dev/null, a FIFO, /dev/stdout) is written
     * into, as cp does: renaming a file over it would replace /dev/null
     * itself with a regular file. Only regular files are replaced. */
    struct stat st;
    if (!noclobber && fstatat(dirfd, name, &st, 0) == 0 && !S_ISREG(st.st_mode) &&
        !S_ISDIR(st.st_mode)) {
        int fd = openat(dirfd, name, O_WRONLY | O_CLOEXEC | O_NOCTTY);
        if (fd < 0)
            return -1;
        int r = write_all(fd, data, len);
        int e = errno;
        if (close(fd) != 0 && r == 0)
            return -1;
        errno = e;
        return r;
    }
#ifdef O_TMPFILE
    int u = write_unnamed(dirfd, name, data, len, noclobber, durable);
    if (u <= 0)
        return u;
#endif
    /* A temporary name next to the target: openat(O_EXCL) with a random
     * suffix, as mkstemp does, but relative to dirfd. */
    kh_buf tmp = {0};
    int fd = -1;
    for (int attempt = 0; attempt < 100 && fd < 0; attempt++) {
        temp_name(&tmp, name, attempt);
        fd = openat(dirfd, kh_buf_str(&tmp), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
                    0644);
        if (fd < 0 && errno != EEXIST)
            break;
    }
    if (fd < 0) {
        int e = errno;
        kh_buf_free(&tmp);
        errno = e;
        return -1;
    }
    if (write_all(fd, data, len) != 0 || fchmod(fd, 0644) != 0 || (durable && fsync(fd) != 0))
        goto fail;
    int c = close(fd);
    fd = -1;
    if (c != 0)
        goto fail;
    if (noclobber) { /* link() fails with EEXIST instead of replacing */
        if (linkat(dirfd, kh_buf_str(&tmp), dirfd, name, 0) != 0)
            goto fail;
        unlinkat(dirfd, kh_buf_str(&tmp), 0);
    } else if (renameat(dirfd, kh_buf_str(&tmp), dirfd, name) != 0) {
        goto fail;
    }
    kh_buf_free(&tmp);
    return 0;
fail:;
    int e = errno;
    if (fd >= 0)
        close(fd);
    unlinkat(dirfd, kh_buf_str(&tmp), 0);
    kh_buf_free(&tmp);
    errno = e;
    return -1;
}

int cli_write_atomic_at(int dirfd, const char *name, const void *data, size_t len,
                        bool durable)
{
    return write_at(dirfd, name, data, len, false, durable);
}

static int write_path(const char *path, const void *data, size_t len, bool noclobber)
{
    const char *slash = strrchr(path, '/');
    char *dir = slash ? kh_strndup(path, slash == path ? 1 : (size_t)(slash - path))
                      : kh_strdup(".");
    const char *name = slash ? slash + 1 : path;
    int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    free(dir);
    if (dfd < 0)
        return -1;
    int r = write_at(dfd, name, data, len, noclobber, true);
    int e = errno;
    if (r == 0 && fsync(dfd) != 0) { /* make the rename durable; best effort */
    }
    close(dfd);
    errno = e;
    return r;
}

int cli_write_atomic(const char *path, const void *data, size_t len)
{
    return write_path(path, data, len, false);
}

int cli_write_new(const char *path, const void *data, size_t len)
{
    return write_path(path, data, len, true);
}

void cli_json_str(kh_buf *b, const char *s)
{
    kh_buf_putc(b, '"');
    const char *p = s ? s : "";
    size_t left = strlen(p);
    while (left) {
        unsigned char c = (unsigned char)*p;
        uint32_t cp;
        size_t n = c < 0x80 ? 1 : kh_utf8_decode(p, left, &cp);
        switch (n ? c : 0) {
        case 0: /* invalid UTF-8 (a file name from argv): U+FFFD keeps the JSON valid */
            kh_buf_puts(b, "\ufffd");
            n = 1;
            break;
        case '"': kh_buf_puts(b, "\\\""); break;
        case '\\': kh_buf_puts(b, "\\\\"); break;
        case '\n': kh_buf_puts(b, "\\n"); break;
        case '\r': kh_buf_puts(b, "\\r"); break;
        case '\t': kh_buf_puts(b, "\\t"); break;
        default:
            if (c < 0x20 || c == 0x7f)
                kh_buf_printf(b, "\\u%04x", c);
            else
                kh_buf_put(b, p, n);
        }
        p += n;
        left -= n;
    }
    kh_buf_putc(b, '"');
}

const char *cli_exe_dir(char *buf, size_t n)
{
    ssize_t r = readlink("/proc/self/exe", buf, n - 1);
    if (r <= 0) {
        buf[0] = '\0';
        return buf;
    }
    buf[r] = '\0';
    char *slash = strrchr(buf, '/');
    if (slash)
        *slash = '\0';
    return buf;
}
