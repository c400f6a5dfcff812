/* cmd_check.c — `kehoach check FILE...`: load each plan, run the rules,
 * print every diagnostic once, sorted by position. Exit 0 clean (notes and
 * warnings allowed), 1 when any error, 2 for usage. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "kehoach/check.h"
#include "kehoach/load.h"

static const char help[] =
    "usage: kehoach check [options] FILE...\n"
    "\n"
    "Validate plan files and print diagnostics as\n"
    "  file:line:col: error|warning|note: message [RULE-ID]\n"
    "\n"
    "options:\n"
    "  --draft            blank number and blank day are notes, not errors\n"
    "  --strict, -Werror  warnings count as errors\n"
    "  --off=ID           switch a rule off (repeatable); see 'kehoach rules'\n"
    "  --today=YYYY-MM-DD the date to judge future dates against\n"
    "  --lang=vi|en       language of messages (default: from the locale)\n"
    "  --color=auto|always|never\n"
    "  -h, --help         this help\n"
    "\n"
    "exit status: 0 no errors, 1 errors found, 2 usage or I/O problem\n";

int cmd_check(int argc, char **argv)
{
    kh_check_opts opts = {0};
    const char *lang = NULL, *color = NULL;
    const char **off = calloc((size_t)argc + 1, sizeof *off);
    const char **files = calloc((size_t)argc + 1, sizeof *files);
    size_t n_files = 0;
    int status = KH_EXIT_OK;
    bool only_files = false;

    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v;
        bool missing = false;
        if (only_files || a[0] != '-' || !strcmp(a, "-")) {
            files[n_files++] = a;
        } else if (!strcmp(a, "--")) {
            only_files = true;
        } else if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            fputs(help, stdout);
            goto done;
        } else if (!strcmp(a, "--draft")) {
            opts.draft = true;
        } else if (!strcmp(a, "--strict") || !strcmp(a, "-Werror")) {
            opts.strict = true;
        } else if ((v = cli_opt_value(argc, argv, &i, "--off", &missing))) {
            off[opts.n_off++] = v;
        } else if ((v = cli_opt_value(argc, argv, &i, "--lang", &missing))) {
            lang = v;
        } else if ((v = cli_opt_value(argc, argv, &i, "--color", &missing))) {
            color = v;
        } else if ((v = cli_opt_value(argc, argv, &i, "--today", &missing))) {
            int rest = 0;
            if (kh_date_parse_any(v, &opts.today, &rest) != KH_DATE_OK ||
                !kh_date_is_full(opts.today) || v[rest]) {
                fprintf(stderr, "kehoach check: --today wants a date YYYY-MM-DD, not '%s'\n", v);
                status = KH_EXIT_USAGE;
                goto done;
            }
        } else {
            fprintf(stderr, "kehoach check: %s '%s'; see 'kehoach check --help'\n",
                    missing ? "missing value for" : "unknown option", a);
            status = KH_EXIT_USAGE;
            goto done;
        }
    }
    opts.off = off;
    for (size_t i = 0; i < opts.n_off; i++)
        if (!kh_rule_find(off[i]))
            fprintf(stderr, "kehoach check: warning: no rule '%s' (see 'kehoach rules')\n", off[i]);
    if (!n_files) {
        fputs("kehoach check: no plan file given; see 'kehoach check --help'\n", stderr);
        status = KH_EXIT_USAGE;
        goto done;
    }

    kh_lang lg = cli_lang(lang);
    bool col = cli_color(2, color);
    for (size_t f = 0; f < n_files; f++) {
        kh_diags d = {0};
        d.limit = 1000;
        kh_plan *p = kh_load_file(files[f], &d);
        if (p)
            kh_check(p, &opts, &d);
        kh_diags_sort(&d);
        kh_diags_print(stderr, &d, lg, col);
        bool io = false;
        for (size_t i = 0; i < d.n; i++)
            if (!strcmp(d.v[i].id, "IO"))
                io = true;
        if (io)
            status = KH_EXIT_USAGE;
        else if (d.count[KH_ERROR] && status == KH_EXIT_OK)
            status = KH_EXIT_FINDINGS;
        kh_diags_free(&d);
        kh_plan_free(p);
    }
done:
    free(off);
    free(files);
    return status;
}
