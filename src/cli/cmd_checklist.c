/* cmd_checklist.c — `kehoach checklist [--format text|md|csv] [--from DATE]
 * [--to DATE] FILE...`: the due-date checklist of one or many plans, merged
 * and sorted by date, on standard output. A plan that does not load is
 * reported and skipped; the others are still listed (exit 1). */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "kehoach/chain.h"
#include "kehoach/checklist.h"
#include "kehoach/load.h"

static const char help[] =
    "usage: kehoach checklist [options] FILE...\n"
    "\n"
    "Print the due-date checklist of the plans, merged and sorted by date:\n"
    "unit tasks with deadlines, dated events and reporting duties, each with\n"
    "its weekday, days from the issue date, and a flag when it falls on a\n"
    "weekend or a public holiday.\n"
    "\n"
    "options:\n"
    "  --format=text|md|csv  output form (default: text; md is a task list,\n"
    "                        csv is RFC 4180 with a header row)\n"
    "  --from=DATE           only items on or after DATE (YYYY-MM-DD)\n"
    "  --to=DATE             only items on or before DATE\n"
    "  --tree                each FILE or DIR (every *.yaml under it) with every\n"
    "                        plan it implements (`implements: file:`), merged\n"
    "  --lang=vi|en          language of labels and messages\n"
    "  -h, --help            this help\n"
    "\n"
    "exit status: 0 listed, 1 some plan could not be loaded, 2 usage\n";

static bool parse_bound(const char *v, const char *opt, kh_date *out)
{
    int rest = 0;
    if (kh_date_parse_any(v, out, &rest) != KH_DATE_OK || !kh_date_is_full(*out) ||
        v[rest]) {
        fprintf(stderr, "kehoach checklist: %s wants a date YYYY-MM-DD, not '%s'\n",
                opt, v);
        return false;
    }
    return true;
}

int cmd_checklist(int argc, char **argv)
{
    const char *format = "text", *lang = NULL;
    kh_date from = {0, 0, 0}, to = {0, 0, 0};
    const char **files = calloc((size_t)argc + 1, sizeof *files);
    size_t n_files = 0;
    int status = KH_EXIT_OK;
    bool tree = false;

    enum { OPT_FROM = CLI_OPT_FIRST, OPT_TO, OPT_TREE, OPT_LANG };
    static const struct option longopts[] = {
        {"help", no_argument, NULL, 'h'},
        {"format", required_argument, NULL, 'f'},
        {"from", required_argument, NULL, OPT_FROM},
        {"to", required_argument, NULL, OPT_TO},
        {"tree", no_argument, NULL, OPT_TREE},
        {"lang", required_argument, NULL, OPT_LANG},
        {NULL, 0, NULL, 0},
    };
    kh_lang lg0 = cli_lang_argv(argc, argv);
    cli_getopt_start();
    for (int c; (c = cli_getopt(argc, argv, "hf:", longopts, lg0, "checklist")) != -1;) {
        switch (c) {
        case 'h':
            fputs(help, stdout);
            goto done;
        case 'f':
            format = optarg;
            break;
        case OPT_FROM:
        case OPT_TO:
            if (!parse_bound(optarg, c == OPT_FROM ? "--from" : "--to", c == OPT_FROM ? &from : &to)) {
                status = KH_EXIT_USAGE;
                goto done;
            }
            break;
        case OPT_TREE:
            tree = true;
            break;
        case OPT_LANG:
            lang = optarg;
            break;
        default:
            status = KH_EXIT_USAGE;
            goto done;
        }
    }
    for (int i = optind; i < argc; i++)
        files[n_files++] = argv[i];
    kh_checklist_format f;
    if (!strcmp(format, "text"))
        f = KH_CHECKLIST_TEXT;
    else if (!strcmp(format, "md"))
        f = KH_CHECKLIST_MD;
    else if (!strcmp(format, "csv"))
        f = KH_CHECKLIST_CSV;
    else {
        fprintf(stderr, "kehoach checklist: unknown format '%s' (text, md, csv)\n", format);
        status = KH_EXIT_USAGE;
        goto done;
    }
    if (kh_date_is_set(from) && kh_date_is_set(to) && kh_date_cmp(from, to) > 0) {
        fputs("kehoach checklist: --from is after --to\n", stderr);
        status = KH_EXIT_USAGE;
        goto done;
    }
    if (!n_files) {
        fputs("kehoach checklist: no plan file given; see 'kehoach checklist --help'\n", stderr);
        status = KH_EXIT_USAGE;
        goto done;
    }

    kh_lang lg = cli_lang(lang);
    bool col = cli_color(2, NULL);
    kh_checklist cl = {0};
    if (tree) { /* the plans of a whole tree (kehoach/chain.h), merged */
        kh_plan_set set = {0};
        kh_diags d = {0};
        d.limit = 1000;
        for (size_t i = 0; i < n_files; i++)
            if (kh_plan_set_add_tree(&set, files[i], &d) != 0)
                status = KH_EXIT_FINDINGS;
        for (size_t i = 0; i < set.n; i++)
            if (set.v[i].plan)
                kh_checklist_add_plan(&cl, set.v[i].plan);
        if (d.count[KH_ERROR])
            status = KH_EXIT_FINDINGS;
        kh_diags_sort(&d);
        cli_diags_print(stderr, &d, lg, col, true);
        kh_diags_free(&d);
        n_files = 0; /* nothing more to load below */
        kh_checklist_sort(&cl);
        kh_checklist_filter(&cl, from, to);
        kh_buf tout = {0};
        kh_checklist_write(&cl, f, lg, true, &tout);
        fwrite(kh_buf_str(&tout), 1, tout.len, stdout);
        kh_buf_free(&tout);
        kh_checklist_free(&cl);
        kh_plan_set_free(&set); /* items point into the plans: free after */
        goto done;
    }
    kh_plan **plans = calloc(n_files, sizeof *plans); /* items point at paths */
    for (size_t i = 0; i < n_files; i++) {
        kh_diags d = {0};
        d.limit = 1000;
        plans[i] = kh_load_file(files[i], &d);
        if (plans[i] && d.count[KH_ERROR] == 0)
            kh_checklist_add_plan(&cl, plans[i]);
        else
            status = KH_EXIT_FINDINGS;
        kh_diags_sort(&d);
        cli_diags_print(stderr, &d, lg, col, true);
        kh_diags_free(&d);
    }
    kh_checklist_sort(&cl);
    kh_checklist_filter(&cl, from, to);
    kh_buf out = {0};
    kh_checklist_write(&cl, f, lg, n_files > 1, &out);
    fwrite(kh_buf_str(&out), 1, out.len, stdout);
    kh_buf_free(&out);
    kh_checklist_free(&cl);
    for (size_t i = 0; i < n_files; i++)
        kh_plan_free(plans[i]);
    free(plans);
done:
    free(files);
    return status;
}
