/* watch.c — `kehoach build --watch`: rebuild when a plan changes, for
 * drafting beside a PDF viewer that reloads. Linux inotify watches the
 * directories of the plans and of the parent plans they name (an editor
 * that saves by writing a new file and renaming it over the old one is
 * seen too); events for other names (the outputs, editors' swap files)
 * are ignored. Events that come within DEBOUNCE_MS of each other make one
 * rebuild. The set of parents is read again after every rebuild, since an
 * edit may name a new parent. */
#define _DEFAULT_SOURCE
#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "kehoach/chain.h"
#include "kehoach/load.h"

#define DEBOUNCE_MS 150
#define MAX_WATCHED 4096

typedef struct watched {
    char *dir;  /* the directory watched */
    char *name; /* the file's name in it */
    int wd;
} watched;

typedef struct watch_set {
    watched *v;
    size_t n, cap;
} watch_set;

static void set_add(watch_set *s, const char *path)
{
    if (s->n >= MAX_WATCHED)
        return;
    const char *slash = strrchr(path, '/');
    char *dir = slash ? kh_strndup(path, slash == path ? 1 : (size_t)(slash - path))
                      : kh_strdup(".");
    const char *name = slash ? slash + 1 : path;
    for (size_t i = 0; i < s->n; i++)
        if (!strcmp(s->v[i].dir, dir) && !strcmp(s->v[i].name, name)) {
            free(dir);
            return;
        }
    if (s->n == s->cap) {
        s->cap = s->cap ? s->cap * 2 : 16;
        s->v = kh_xrealloc(s->v, s->cap * sizeof *s->v);
    }
    s->v[s->n++] = (watched){dir, kh_strdup(name), -1};
}

static void set_free(watch_set *s)
{
    for (size_t i = 0; i < s->n; i++) {
        free(s->v[i].dir);
        free(s->v[i].name);
    }
    free(s->v);
    memset(s, 0, sizeof *s);
}

/* The plans and the parents they name by file (one level: a parent's own
 * parents do not change what this plan renders). */
static void collect(watch_set *s, const char *const *paths, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        set_add(s, paths[i]);
        kh_diags d = {0};
        kh_plan *p = kh_load_file(paths[i], &d);
        if (p) {
            kh_chain ch;
            kh_chain_resolve(p, NULL, &ch, &d);
            for (size_t k = 0; k < ch.n; k++)
                if (ch.v[k].by_file && ch.v[k].parent_path)
                    set_add(s, ch.v[k].parent_path);
            kh_chain_free(&ch);
        }
        kh_plan_free(p);
        kh_diags_free(&d);
    }
}

/* Wait for a change to one of the files. Returns 0 on a change, -1 when
 * inotify fails. */
static int wait_change(const watch_set *s, kh_lang lang)
{
    int fd = inotify_init1(IN_CLOEXEC);
    if (fd < 0)
        return -1;
    watched *w = s->v;
    for (size_t i = 0; i < s->n; i++) {
        w[i].wd = inotify_add_watch(fd, w[i].dir, IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE |
                                                     IN_ATTRIB | IN_ONLYDIR);
        if (w[i].wd < 0)
            cli_say(lang, "build", "warning: cannot watch %s: %s",
                    "cảnh báo: không theo dõi được %s: %s", w[i].dir, strerror(errno));
    }
    bool changed = false;
    int timeout = -1; /* until the first relevant event, then the debounce */
    for (;;) {
        struct pollfd pfd = {fd, POLLIN, 0};
        int r = poll(&pfd, 1, timeout);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0) {
            close(fd);
            return -1;
        }
        if (r == 0) /* quiet for DEBOUNCE_MS after a change */
            break;
        char buf[16384] __attribute__((aligned(__alignof__(struct inotify_event))));
        ssize_t len = read(fd, buf, sizeof buf);
        if (len <= 0)
            continue;
        for (char *p = buf; p < buf + len;) {
            const struct inotify_event *e = (const struct inotify_event *)p;
            for (size_t i = 0; e->len && i < s->n; i++)
                if (w[i].wd == e->wd && !strcmp(w[i].name, e->name))
                    changed = true;
            p += sizeof *e + e->len;
        }
        if (changed)
            timeout = DEBOUNCE_MS;
    }
    close(fd);
    return 0;
}

int cli_watch(const char *const *paths, size_t n, kh_lang lang, int (*rebuild)(void *),
              void *ctx)
{
    for (;;) {
        watch_set s = {0};
        collect(&s, paths, n);
        cli_say(lang, "build", "watching %zu file(s) for changes; Ctrl-C stops",
                "đang theo dõi %zu tệp; Ctrl-C để dừng", s.n);
        fflush(stderr);
        int r = wait_change(&s, lang);
        set_free(&s);
        if (r != 0) {
            cli_say(lang, "build", "--watch: inotify is not available: %s",
                    "--watch: không dùng được inotify: %s", strerror(errno));
            return KH_EXIT_USAGE;
        }
        time_t now = time(NULL);
        struct tm tm;
        localtime_r(&now, &tm);
        char at[16];
        strftime(at, sizeof at, "%H:%M:%S", &tm);
        cli_say(lang, "build", "%s: a plan changed; rebuilding", "%s: kế hoạch đã đổi; đang xuất lại",
                at);
        rebuild(ctx);
        fflush(stderr);
    }
}
