/* inputs.c — the plan files named on a command line: a FILE is taken as
 * it is, a DIR stands for its *.yaml and *.yml files (not recursive,
 * sorted, hidden files skipped), "-" is standard input. */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool is_plan_name(const char *n)
{
    size_t l = strlen(n);
    return n[0] != '.' && ((l > 5 && !strcmp(n + l - 5, ".yaml")) ||
                           (l > 4 && !strcmp(n + l - 4, ".yml")));
}

/* Add a path, unless it names a file already in the list (the same plan
 * given twice, e.g. a directory and a file in it, is checked and built once). */
static void push(cli_inputs *in, char *path)
{
    struct stat st;
    bool known = strcmp(path, "-") != 0 && stat(path, &st) == 0;
    for (size_t i = 0; known && i < in->n; i++)
        if (in->ids[i].known && in->ids[i].dev == st.st_dev && in->ids[i].ino == st.st_ino) {
            free(path);
            return;
        }
    if (in->n == in->cap) {
        in->cap = in->cap ? in->cap * 2 : 16;
        in->paths = kh_xrealloc(in->paths, in->cap * sizeof *in->paths);
        in->ids = kh_xrealloc(in->ids, in->cap * sizeof *in->ids);
    }
    in->ids[in->n].known = known;
    in->ids[in->n].dev = known ? st.st_dev : 0;
    in->ids[in->n].ino = known ? st.st_ino : 0;
    in->paths[in->n++] = path;
}

int cli_inputs_add(cli_inputs *in, const char *arg, kh_lang lang, const char *cmd)
{
    struct stat st;
    if (strcmp(arg, "-") != 0 && stat(arg, &st) == 0 && S_ISDIR(st.st_mode)) {
        DIR *dir = opendir(arg);
        if (!dir) {
            cli_say(lang, cmd, "cannot read directory %s: %s", "không đọc được thư mục %s: %s",
                    arg, strerror(errno));
            return -1;
        }
        size_t first = in->n;
        size_t len = strlen(arg);
        while (len > 1 && arg[len - 1] == '/')
            len--;
        for (struct dirent *e; (e = readdir(dir));) {
            if (!is_plan_name(e->d_name))
                continue;
            kh_buf p = {0};
            kh_buf_printf(&p, "%.*s/%s", (int)len, arg, e->d_name);
            push(in, kh_buf_take(&p));
        }
        closedir(dir);
        /* Sorted by name; the ids follow their paths. */
        for (size_t a = first + 1; a < in->n; a++)
            for (size_t c = a; c > first && by_name(&in->paths[c - 1], &in->paths[c]) > 0; c--) {
                char *tp = in->paths[c];
                in->paths[c] = in->paths[c - 1];
                in->paths[c - 1] = tp;
                struct cli_input_id ti = in->ids[c];
                in->ids[c] = in->ids[c - 1];
                in->ids[c - 1] = ti;
            }
        if (in->n == first)
            cli_say(lang, cmd, "warning: no *.yaml file in %s",
                    "cảnh báo: không có tệp *.yaml nào trong %s", arg);
        return 0;
    }
    push(in, kh_strdup(arg)); /* a missing file is reported by the loader, located */
    return 0;
}

void cli_inputs_free(cli_inputs *in)
{
    for (size_t i = 0; i < in->n; i++)
        free(in->paths[i]);
    free(in->paths);
    free(in->ids);
    memset(in, 0, sizeof *in);
}
