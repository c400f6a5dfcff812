/* cmd_tree.c — `kehoach tree [--check] FILE|DIR...`: the hierarchy of
 * plans (which plan implements which, by `implements[].file` or by cited
 * number among the plans given), each with its date, issuer and dated
 * deadlines and events. With --check, every plan is also checked against
 * the plan it implements (the R-CHAIN-* rules and all others), as
 * `kehoach check --plans-dir` does. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "kehoach/chain.h"
#include "kehoach/check.h"
#include "kehoach/checklist.h"
#include "kehoach/load.h"

static const char help_en[] =
    "usage: kehoach tree [options] FILE|DIR...\n"
    "\n"
    "Print the hierarchy of plans: each plan under the plan it implements\n"
    "(found by `implements: file:` or by the cited number among the plans\n"
    "given; a DIR stands for every *.yaml under it), with its dated deadlines\n"
    "and events.\n"
    "\n"
    "options:\n"
    "  --check            also check each plan against the plan it implements\n"
    "                     (diagnostics on stderr; exit 1 on errors)\n"
    "  --no-deadlines     plans only\n"
    "  --lang=vi|en       language of labels and messages\n"
    "  -h, --help         this help\n"
    "\n"
    "exit status: 0 ok, 1 a plan did not load or (--check) has errors, 2 usage\n";

static const char help_vi[] =
    "cách dùng: kehoach tree [tùy chọn] TỆP|THƯ-MỤC...\n"
    "\n"
    "In cây kế hoạch: mỗi kế hoạch nằm dưới kế hoạch cấp trên mà nó triển khai\n"
    "(theo `implements: file:` hoặc theo số hiệu được trích trong các kế hoạch\n"
    "đã cho; THƯ-MỤC: mọi tệp *.yaml trong đó), kèm các hạn và sự kiện có ngày.\n"
    "\n"
    "tùy chọn:\n"
    "  --check            kiểm tra thêm từng kế hoạch với kế hoạch cấp trên\n"
    "                     (thông báo ra stderr; mã thoát 1 khi có lỗi)\n"
    "  --no-deadlines     chỉ in các kế hoạch\n"
    "  --lang=vi|en       ngôn ngữ nhãn và thông báo\n"
    "  -h, --help         trợ giúp này\n"
    "\n"
    "mã thoát: 0 tốt, 1 có kế hoạch không đọc được hoặc (--check) có lỗi, 2 sai cách dùng\n";

typedef struct node {
    size_t parent;    /* index in the set, or SIZE_MAX for a root */
    const char *via;  /* cited number when the parent is not among the plans */
    bool shown;
} node;

/* The parent of plan i among the set: the first citation that resolves. */
static size_t parent_of(const kh_plan_set *s, size_t i, const char **unresolved)
{
    const kh_plan *p = s->v[i].plan;
    *unresolved = NULL;
    kh_chain ch;
    kh_chain_resolve(p, s, &ch, NULL);
    size_t found = SIZE_MAX;
    for (size_t k = 0; k < ch.n && found == SIZE_MAX; k++)
        for (size_t j = 0; j < s->n; j++)
            if (s->v[j].plan == ch.v[k].parent) {
                found = j;
                break;
            }
    kh_chain_free(&ch);
    if (found == SIZE_MAX && p->n_implements && p->implements[0].number.s)
        *unresolved = p->implements[0].number.s;
    return found;
}

static void print_plan(const kh_plan_entry *e, const char *prefix, const char *branch,
                       const char *stem, const char *via, bool deadlines, kh_lang lg)
{
    const kh_plan *p = e->plan;
    char d[48];
    printf("%s%s%s  %s  %s  (%s)\n", prefix, branch,
           p->number.s ? p->number.s : (lg == KH_LANG_VI ? "(chưa có số)" : "(no number)"),
           kh_date_is_full(p->date.date) ? kh_date_fmt_short(p->date.date, d)
           : kh_date_is_set(p->date.date) ? kh_date_fmt_iso(p->date.date, d)
                                          : "?",
           p->issuer.s ? p->issuer.s : "?", e->path);
    if (via)
        printf("%s%s   %s %s\n", prefix, stem,
               lg == KH_LANG_VI ? "triển khai" : "implements", via);
    if (!deadlines)
        return;
    kh_checklist c = {0};
    kh_checklist_add_plan(&c, p);
    kh_checklist_sort(&c);
    for (size_t i = 0; i < c.n; i++) {
        if (!kh_date_is_full(c.v[i].date))
            continue;
        const char *kind = c.v[i].kind == KH_DUE_EVENT
                               ? (lg == KH_LANG_VI ? "sự kiện" : "event")
                               : (lg == KH_LANG_VI ? "hạn" : "due");
        printf("%s%s   %-7s %s  %s\n", prefix, stem, kind,
               kh_date_fmt_short(c.v[i].date, d), c.v[i].what ? c.v[i].what : "");
    }
    kh_checklist_free(&c);
}

static void print_subtree(const kh_plan_set *s, node *nodes, size_t i, const char *prefix,
                          bool last, bool root, bool deadlines, kh_lang lg)
{
    nodes[i].shown = true;
    const char *branch = root ? "" : last ? "└── " : "├── ";
    const char *stem_child = root ? "" : last ? "    " : "│   ";
    kh_buf child_prefix = {0};
    kh_buf_printf(&child_prefix, "%s%s", prefix, stem_child);
    /* the stem under this plan's line: a bar when children follow */
    size_t n_children = 0;
    for (size_t j = 0; j < s->n; j++)
        if (nodes[j].parent == i && !nodes[j].shown)
            n_children++;
    kh_buf stem = {0};
    kh_buf_printf(&stem, "%s%s", stem_child, n_children ? "│" : " ");
    print_plan(&s->v[i], prefix, branch, kh_buf_str(&stem), nodes[i].via, deadlines, lg);
    size_t seen = 0;
    for (size_t j = 0; j < s->n; j++)
        if (nodes[j].parent == i && !nodes[j].shown) {
            seen++;
            print_subtree(s, nodes, j, kh_buf_str(&child_prefix), seen == n_children, false,
                          deadlines, lg);
        }
    kh_buf_free(&stem);
    kh_buf_free(&child_prefix);
}

int cmd_tree(int argc, char **argv)
{
    const char *lang = NULL;
    bool check = false, deadlines = true;
    int status = KH_EXIT_OK;
    kh_plan_set set = {0};
    const char **args = calloc((size_t)argc + 1, sizeof *args);
    size_t n_args = 0;

    enum { OPT_CHECK = CLI_OPT_FIRST, OPT_NO_DEADLINES, OPT_LANG };
    static const struct option longopts[] = {
        {"help", no_argument, NULL, 'h'},
        {"check", no_argument, NULL, OPT_CHECK},
        {"no-deadlines", no_argument, NULL, OPT_NO_DEADLINES},
        {"lang", required_argument, NULL, OPT_LANG},
        {NULL, 0, NULL, 0},
    };
    kh_lang lg0 = cli_lang_argv(argc, argv);
    cli_getopt_start();
    for (int c; (c = cli_getopt(argc, argv, "h", longopts, lg0, "tree")) != -1;) {
        switch (c) {
        case 'h':
            fputs(lg0 == KH_LANG_VI ? help_vi : help_en, stdout);
            goto done;
        case OPT_CHECK:
            check = true;
            break;
        case OPT_NO_DEADLINES:
            deadlines = false;
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
        args[n_args++] = argv[i];
    kh_lang lg = cli_lang(lang);
    if (!n_args) {
        fputs(lg == KH_LANG_VI
                  ? "kehoach tree: chưa cho tệp hay thư mục kế hoạch; xem 'kehoach tree --help'\n"
                  : "kehoach tree: no plan file or directory given; see 'kehoach tree --help'\n",
              stderr);
        status = KH_EXIT_USAGE;
        goto done;
    }
    bool col = cli_color(2, NULL);
    kh_diags load = {0};
    load.limit = 1000;
    for (size_t i = 0; i < n_args; i++)
        if (kh_plan_set_add(&set, args[i], &load) != 0)
            status = KH_EXIT_FINDINGS;
    if (load.count[KH_ERROR])
        status = KH_EXIT_FINDINGS;
    kh_diags_sort(&load);
    cli_diags_print(stderr, &load, lg, col, true);
    kh_diags_free(&load);

    node *nodes = calloc(set.n + 1, sizeof *nodes);
    for (size_t i = 0; i < set.n; i++)
        nodes[i].parent = set.v[i].plan ? parent_of(&set, i, &nodes[i].via) : SIZE_MAX;
    /* A cycle (a implements b implements a) has no root: break it at its
     * first member so every plan is shown once. */
    for (size_t i = 0; i < set.n; i++) {
        size_t k = i, steps = 0;
        while (k != SIZE_MAX && steps <= set.n) {
            k = nodes[k].parent;
            steps++;
        }
        if (k != SIZE_MAX)
            nodes[i].parent = SIZE_MAX;
    }
    for (size_t i = 0; i < set.n; i++)
        if (set.v[i].plan && nodes[i].parent == SIZE_MAX && !nodes[i].shown)
            print_subtree(&set, nodes, i, "", true, true, deadlines, lg);
    free(nodes);

    if (check) {
        kh_check_opts o = {0};
        for (size_t i = 0; i < set.n; i++) {
            if (!set.v[i].plan)
                continue;
            kh_diags d = {0};
            d.limit = 1000;
            kh_check_chained(set.v[i].plan, &o, &set, &d);
            if (d.count[KH_ERROR])
                status = KH_EXIT_FINDINGS;
            kh_diags_sort(&d);
            cli_diags_print(stderr, &d, lg, col, true);
            kh_diags_free(&d);
        }
    }
done:
    kh_plan_set_free(&set);
    free(args);
    return status;
}
