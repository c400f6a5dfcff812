/* cmd_build.c — `kehoach build [-f FMT[,FMT…]] [-o DIR] FILE...`: load,
 * check, and render each plan to each format. A plan with errors is not
 * rendered (unless --force); the batch goes on past it and exits 1. Outputs
 * are written atomically as DIR/<plan name><ext>, never outside DIR. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "kehoach/check.h"
#include "kehoach/load.h"
#include "kehoach/render.h"
#include "kehoach/text.h"

static void print_help(void)
{
    size_t n;
    const kh_format *f = kh_formats(&n);
    fputs("usage: kehoach build [options] FILE...\n"
          "\n"
          "Render plan files. Each FILE.yaml becomes DIR/FILE.<ext> per format.\n"
          "\n"
          "options:\n"
          "  -f, --format=LIST  comma-separated formats (default: md):", stdout);
    for (size_t i = 0; i < n; i++)
        printf(" %s", f[i].name);
    fputs("\n"
          "  -o, --output=DIR   output directory (default: .); created if missing\n"
          "  --no-checklist     leave out the due-date checklist\n"
          "  --remind-days=N    ics: reminder N days before each deadline (default 3, 0: none)\n"
          "  --draft            a draft: blank number and day are not errors\n"
          "  --force            render even when the plan has errors\n"
          "  --lang=vi|en       language of messages\n"
          "  -h, --help         this help\n"
          "\n"
          "exit status: 0 all built, 1 some plan failed, 2 usage or I/O problem\n",
          stdout);
}

/* "plans/001-x.yaml" → "001-x": the last path component minus .yaml/.yml. */
static char *stem(const char *path)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    size_t n = strlen(base);
    if (n > 5 && !strcmp(base + n - 5, ".yaml"))
        n -= 5;
    else if (n > 4 && !strcmp(base + n - 4, ".yml"))
        n -= 4;
    if (n == 0 || !strcmp(base, "-"))
        return kh_strdup("stdin");
    return kh_strndup(base, n);
}

static int mkdir_p(const char *dir)
{
    char *d = kh_strdup(dir);
    for (char *p = d + 1; *p; p++)
        if (*p == '/') {
            *p = '\0';
            if (mkdir(d, 0755) != 0 && errno != EEXIST) {
                free(d);
                return -1;
            }
            *p = '/';
        }
    int r = mkdir(d, 0755) != 0 && errno != EEXIST ? -1 : 0;
    free(d);
    return r;
}

int cmd_build(int argc, char **argv)
{
    const char *formats = "md", *outdir = ".", *lang = NULL;
    bool force = false;
    kh_check_opts copts = {0};
    kh_render_opts ropts = {.checklist = true, .epoch = -1, .remind_days = 3};
    const char **files = calloc((size_t)argc + 1, sizeof *files);
    size_t n_files = 0;
    int status = KH_EXIT_OK;

    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v;
        bool missing = false;
        if (a[0] != '-' || !strcmp(a, "-"))
            files[n_files++] = a;
        else if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            print_help();
            goto done;
        } else if ((v = cli_opt_value(argc, argv, &i, "-f", &missing)) ||
                   (v = cli_opt_value(argc, argv, &i, "--format", &missing)))
            formats = v;
        else if ((v = cli_opt_value(argc, argv, &i, "-o", &missing)) ||
                 (v = cli_opt_value(argc, argv, &i, "--output", &missing)))
            outdir = v;
        else if ((v = cli_opt_value(argc, argv, &i, "--lang", &missing)))
            lang = v;
        else if ((v = cli_opt_value(argc, argv, &i, "--remind-days", &missing))) {
            char *end;
            long n = strtol(v, &end, 10);
            if (*end || end == v || n < 0 || n > 365) {
                fprintf(stderr, "kehoach build: --remind-days wants 0 to 365, not '%s'\n", v);
                status = KH_EXIT_USAGE;
                goto done;
            }
            ropts.remind_days = (int)n;
        } else if (!strcmp(a, "--no-checklist"))
            ropts.checklist = false;
        else if (!strcmp(a, "--draft"))
            copts.draft = true;
        else if (!strcmp(a, "--force"))
            force = true;
        else {
            fprintf(stderr, "kehoach build: %s '%s'; see 'kehoach build --help'\n",
                    missing ? "missing value for" : "unknown option", a);
            status = KH_EXIT_USAGE;
            goto done;
        }
    }
    const char *sde = getenv("SOURCE_DATE_EPOCH");
    if (sde && *sde)
        ropts.epoch = strtoll(sde, NULL, 10);
    ropts.lang = cli_lang(lang);

    /* Resolve the formats up front: a typo is a usage error, not a batch failure. */
    const kh_format *fmts[16];
    size_t n_fmts = 0;
    char *list = kh_strdup(formats);
    for (char *tok = strtok(list, ","); tok; tok = strtok(NULL, ",")) {
        const kh_format *f = kh_format_find(tok);
        if (!f || n_fmts == sizeof fmts / sizeof fmts[0]) {
            fprintf(stderr, "kehoach build: unknown format '%s'; see 'kehoach build --help'\n", tok);
            free(list);
            status = KH_EXIT_USAGE;
            goto done;
        }
        fmts[n_fmts++] = f;
    }
    free(list);
    if (!n_files || !n_fmts) {
        fputs("kehoach build: no plan file given; see 'kehoach build --help'\n", stderr);
        status = KH_EXIT_USAGE;
        goto done;
    }
    if (mkdir_p(outdir) != 0) {
        fprintf(stderr, "kehoach build: cannot create %s: %s\n", outdir, strerror(errno));
        status = KH_EXIT_USAGE;
        goto done;
    }

    kh_lang lg = ropts.lang;
    bool col = cli_color(2, NULL);
    size_t built = 0, failed = 0;
    for (size_t f = 0; f < n_files; f++) {
        kh_diags d = {0};
        d.limit = 1000;
        kh_plan *p = kh_load_file(files[f], &d);
        if (p)
            kh_check(p, &copts, &d);
        bool ok = p && (force ? true : d.count[KH_ERROR] == 0);
        char *name = stem(files[f]);
        for (size_t k = 0; ok && k < n_fmts; k++) {
            kh_buf out = {0};
            if (fmts[k]->render(p, &ropts, &out, &d) != 0) {
                ok = false;
            } else {
                kh_buf path = {0};
                kh_buf_printf(&path, "%s/%s%s", outdir, name, fmts[k]->extension);
                if (cli_write_atomic(kh_buf_str(&path), out.s ? out.s : "", out.len) != 0) {
                    kh_diag(&d, files[f], (kh_pos){0, 0}, KH_ERROR, "IO",
                            "cannot write %s: %s", "không ghi được %s: %s",
                            kh_buf_str(&path), strerror(errno));
                    ok = false;
                }
                kh_buf_free(&path);
            }
            kh_buf_free(&out);
        }
        free(name);
        kh_diags_sort(&d);
        kh_diags_print(stderr, &d, lg, col);
        kh_diags_free(&d);
        kh_plan_free(p);
        if (ok)
            built++;
        else
            failed++;
    }
    fprintf(stderr, "kehoach build: %zu built, %zu failed\n", built, failed);
    if (failed)
        status = KH_EXIT_FINDINGS;
done:
    free(files);
    return status;
}
