/* cmd_check.c — `kehoach check [--format=text|json|sarif] FILE|DIR...`: load
 * each plan, run the rules, report every diagnostic once, sorted by
 * position. Text goes to stderr (coloured on a terminal); JSON and SARIF are
 * one document on stdout with nothing else there. Exit 0 clean (notes and
 * warnings allowed), 1 when any error, 2 for usage or I/O problems. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "kehoach/chain.h"
#include "kehoach/import.h"
#include "kehoach/check.h"
#include "kehoach/load.h"

static const char help_en[] =
    "usage: kehoach check [options] FILE|DIR...\n"
    "\n"
    "Validate plan files (a DIR stands for its *.yaml files) and report\n"
    "diagnostics as\n"
    "  file:line:col: error|warning|note: message [RULE-ID]\n"
    "\n"
    "options:\n"
    "  -f, --format=FMT   text (default, on stderr), json or sarif (one document\n"
    "                     on stdout: kehoach JSON version 1, SARIF 2.1.0)\n"
    "  --draft            blank number and blank day are notes, not errors\n"
    "  --strict, -Werror  warnings count as errors\n"
    "  --off=ID           switch a rule off (repeatable); see 'kehoach rules'\n"
    "  --today=YYYY-MM-DD the date to judge future dates against\n"
    "  --plans-dir=DIR    read the plans under DIR, to find by number the plans\n"
    "                     these implement (repeatable; `implements: file:`\n"
    "                     works without it): rules R-CHAIN-*; and to compare\n"
    "                     numbers with (R-NUM-YEAR, R-NUM-TERM), as with the\n"
    "                     plans checked together\n"
    "  --lang=vi|en       language of messages (default: from the locale)\n"
    "  --color=auto|always|never  colour of text output (auto: on a terminal,\n"
    "                     never when NO_COLOR is set)\n"
    "  --rules-url=URL    address of docs/rules.md for SARIF helpUri\n"
    "  --no-excerpt       text: no source line and caret under each diagnostic\n"
    "  -h, --help         this help\n"
    "\n"
    "exit status: 0 no errors, 1 errors found, 2 usage or I/O problem\n";

static const char help_vi[] =
    "cách dùng: kehoach check [tùy chọn] TỆP|THƯ-MỤC...\n"
    "\n"
    "Kiểm tra tệp kế hoạch (THƯ-MỤC: mọi tệp *.yaml trong đó) và báo lỗi dạng\n"
    "  tệp:dòng:cột: lỗi|cảnh báo|ghi chú: nội dung [MÃ-QUY-TẮC]\n"
    "\n"
    "tùy chọn:\n"
    "  -f, --format=KIỂU  text (mặc định, ra stderr), json hoặc sarif (một tài\n"
    "                     liệu ra stdout: JSON kehoach phiên bản 1, SARIF 2.1.0)\n"
    "  --draft            bản dự thảo: để trống số và ngày chỉ là ghi chú\n"
    "  --strict, -Werror  cảnh báo cũng tính là lỗi\n"
    "  --off=MÃ           tắt một quy tắc (lặp lại được); xem 'kehoach rules'\n"
    "  --today=YYYY-MM-DD ngày hôm nay để so các ngày trong tương lai\n"
    "  --plans-dir=THƯ-MỤC  đọc các kế hoạch trong THƯ-MỤC để tìm theo số hiệu\n"
    "                     kế hoạch cấp trên (lặp lại được; `implements: file:`\n"
    "                     không cần tùy chọn này): quy tắc R-CHAIN-*; và để so\n"
    "                     số văn bản (R-NUM-YEAR, R-NUM-TERM), như với các kế\n"
    "                     hoạch kiểm tra cùng lúc\n"
    "  --lang=vi|en       ngôn ngữ thông báo (mặc định: theo locale)\n"
    "  --color=auto|always|never  tô màu (auto: chỉ trên terminal, không tô khi\n"
    "                     có NO_COLOR)\n"
    "  --rules-url=URL    địa chỉ của docs/rules.md cho helpUri trong SARIF\n"
    "  --no-excerpt       text: không in dòng nguồn và dấu ^ dưới mỗi thông báo\n"
    "  -h, --help         trợ giúp này\n"
    "\n"
    "mã thoát: 0 không có lỗi, 1 có lỗi, 2 sai cách dùng hoặc lỗi đọc/ghi\n";

enum out_format { OUT_TEXT, OUT_JSON, OUT_SARIF };

int cmd_check(int argc, char **argv)
{
    kh_check_opts opts = {0};
    kh_plan_set plans_dir = {0}; /* --plans-dir: parents found by number */
    kh_lang lg = cli_lang_argv(argc, argv);
    const char *color = NULL, *rules_url = CLI_RULES_URL;
    enum out_format fmt = OUT_TEXT;
    const char **off = calloc((size_t)argc + 1, sizeof *off);
    cli_inputs in = {0};
    int status = KH_EXIT_OK;
    bool excerpts = true;
    size_t totals[3] = {0, 0, 0};

    enum { OPT_DRAFT = CLI_OPT_FIRST, OPT_STRICT, OPT_OFF, OPT_LANG, OPT_COLOR, OPT_RULES_URL,
           OPT_PLANS_DIR, OPT_TODAY, OPT_NO_EXCERPT };
    static const struct option longopts[] = {
        {"help", no_argument, NULL, 'h'},
        {"format", required_argument, NULL, 'f'},
        {"draft", no_argument, NULL, OPT_DRAFT},
        {"strict", no_argument, NULL, OPT_STRICT},
        {"off", required_argument, NULL, OPT_OFF},
        {"lang", required_argument, NULL, OPT_LANG},
        {"color", required_argument, NULL, OPT_COLOR},
        {"colour", required_argument, NULL, OPT_COLOR},
        {"rules-url", required_argument, NULL, OPT_RULES_URL},
        {"plans-dir", required_argument, NULL, OPT_PLANS_DIR},
        {"today", required_argument, NULL, OPT_TODAY},
        {"no-excerpt", no_argument, NULL, OPT_NO_EXCERPT},
        {NULL, 0, NULL, 0},
    };
    cli_getopt_start();
    for (int c; (c = cli_getopt(argc, argv, "hf:W:", longopts, lg, "check")) != -1;) {
        const char *v = optarg;
        switch (c) {
        case 'h':
            fputs(lg == KH_LANG_VI ? help_vi : help_en, stdout);
            goto done;
        case OPT_DRAFT:
            opts.draft = true;
            break;
        case OPT_STRICT:
            opts.strict = true;
            break;
        case 'W': /* -Werror, as compilers spell it */
            if (strcmp(v, "error")) {
                cli_say(lg, "check", "unknown option '-W%s'; see 'kehoach check --help'",
                        "không có tùy chọn '-W%s'; xem 'kehoach check --help'", v);
                status = KH_EXIT_USAGE;
                goto done;
            }
            opts.strict = true;
            break;
        case OPT_OFF:
            off[opts.n_off++] = v;
            break;
        case OPT_LANG:
            if (strcmp(v, "vi") && strcmp(v, "en")) {
                cli_say(lg, "check", "--lang wants vi or en, not '%s'",
                        "--lang nhận vi hoặc en, không nhận '%s'", v);
                status = KH_EXIT_USAGE;
                goto done;
            }
            break;
        case OPT_COLOR:
            if (strcmp(v, "auto") && strcmp(v, "always") && strcmp(v, "never")) {
                cli_say(lg, "check", "--color wants auto, always or never, not '%s'",
                        "--color nhận auto, always hoặc never, không nhận '%s'", v);
                status = KH_EXIT_USAGE;
                goto done;
            }
            color = v;
            break;
        case 'f':
            if (!strcmp(v, "text"))
                fmt = OUT_TEXT;
            else if (!strcmp(v, "json"))
                fmt = OUT_JSON;
            else if (!strcmp(v, "sarif"))
                fmt = OUT_SARIF;
            else {
                cli_say(lg, "check", "--format wants text, json or sarif, not '%s'",
                        "--format nhận text, json hoặc sarif, không nhận '%s'", v);
                status = KH_EXIT_USAGE;
                goto done;
            }
            break;
        case OPT_RULES_URL:
            rules_url = v;
            break;
        case OPT_NO_EXCERPT:
            excerpts = false;
            break;
        case OPT_PLANS_DIR: {
            kh_diags pd = {0}; /* those plans' own problems: check them directly */
            int r = kh_plan_set_add(&plans_dir, v, &pd);
            kh_diags_free(&pd);
            if (r != 0) {
                cli_say(lg, "check", "--plans-dir: cannot read '%s'",
                        "--plans-dir: không đọc được '%s'", v);
                status = KH_EXIT_USAGE;
                goto done;
            }
            break;
        }
        case OPT_TODAY: {
            int rest = 0;
            if (kh_date_parse_any(v, &opts.today, &rest) != KH_DATE_OK ||
                !kh_date_is_full(opts.today) || v[rest]) {
                cli_say(lg, "check", "--today wants a date YYYY-MM-DD, not '%s'",
                        "--today nhận một ngày YYYY-MM-DD, không nhận '%s'", v);
                status = KH_EXIT_USAGE;
                goto done;
            }
            break;
        }
        default:
            status = KH_EXIT_USAGE;
            goto done;
        }
    }
    for (int i = optind; i < argc; i++)
        if (cli_inputs_add(&in, argv[i], lg, "check") != 0) {
            status = KH_EXIT_USAGE;
            goto done;
        }
    opts.off = off;
    for (size_t i = 0; i < opts.n_off; i++)
        if (!kh_rule_find(off[i]))
            cli_say(lg, "check", "warning: no rule '%s' (see 'kehoach rules')",
                    "cảnh báo: không có quy tắc '%s' (xem 'kehoach rules')", off[i]);
    if (!in.n) {
        cli_say(lg, "check", "no plan file given; see 'kehoach check --help'",
                "chưa chỉ ra tệp kế hoạch nào; xem 'kehoach check --help'");
        status = KH_EXIT_USAGE;
        goto done;
    }

    bool col = fmt == OUT_TEXT && cli_color(2, color);
    kh_diags all = {0}; /* machine formats: one document for the whole run */
    /* Load every plan first: the numbering rules compare each plan with the
     * others of the run (R-NUM-YEAR, R-NUM-TERM). The set owns the plans. */
    kh_plan_set run = {0};
    kh_diags *loaded = kh_xcalloc(in.n, sizeof *loaded);
    kh_plan **plan_of = kh_xcalloc(in.n, sizeof *plan_of);
    /* A .docx or .txt is imported in memory (src/import/) and its
     * diagnostics moved back onto the paragraph or line they came from. */
    kh_src *docs = kh_xcalloc(in.n, sizeof *docs);
    kh_import_map *maps = kh_xcalloc(in.n, sizeof *maps);
    char **yaml_names = kh_xcalloc(in.n, sizeof *yaml_names);
    for (size_t f = 0; f < in.n; f++) {
        loaded[f].limit = 1000;
        if (kh_import_wants(in.paths[f])) {
            size_t ylen = 0;
            char *yaml = kh_import_file(in.paths[f], &docs[f], &maps[f], &ylen, &loaded[f]);
            if (yaml) {
                kh_buf nm = {0};
                kh_buf_printf(&nm, "%s (imported)", in.paths[f]);
                yaml_names[f] = kh_buf_take(&nm);
                plan_of[f] = kh_load_buffer(yaml_names[f], yaml, ylen, &loaded[f]);
                free(yaml);
            } else if (!loaded[f].count[KH_ERROR]) {
                kh_diag(&loaded[f], in.paths[f], (kh_pos){0, 0}, KH_ERROR, "IO",
                        "cannot import", "không nhập được");
            }
        } else
            plan_of[f] = kh_load_file(in.paths[f], &loaded[f]);
        if (plan_of[f])
            kh_plan_set_adopt(&run, in.paths[f], plan_of[f]);
    }
    opts.peers = &run;
    for (size_t f = 0; f < in.n; f++) {
        kh_diags d = loaded[f];
        kh_plan *p = plan_of[f];
        if (p && !d.count[KH_ERROR]) /* rules judge a plan that loaded cleanly */
            kh_check_chained(p, &opts, &plans_dir, &d);
        if (yaml_names[f])
            kh_import_relocate(&d, yaml_names[f], &docs[f], &maps[f]);
        else if (docs[f].path && !p) /* the input could not be read: an I/O-like failure */
            status = KH_EXIT_USAGE;
        kh_diags_sort(&d);
        bool io = false;
        for (size_t i = 0; i < d.n; i++)
            if (!strcmp(d.v[i].id, "IO"))
                io = true;
        if (io)
            status = KH_EXIT_USAGE;
        else if (d.count[KH_ERROR] && status == KH_EXIT_OK)
            status = KH_EXIT_FINDINGS;
        if (fmt == OUT_TEXT) {
            cli_diags_print(stderr, &d, lg, col, excerpts);
            for (int s = 0; s < 3; s++)
                totals[s] += d.count[s];
            kh_diags_free(&d);
        } else {
            kh_diags_move(&all, &d);
        }
    }
    free(loaded);
    free(plan_of);
    for (size_t f = 0; f < in.n; f++) {
        kh_src_free(&docs[f]);
        kh_import_map_free(&maps[f]);
    }
    free(docs);
    free(maps);
    if (fmt == OUT_TEXT)
        cli_diags_summary(stderr, "check", totals, in.n, lg);
    if (fmt != OUT_TEXT) {
        kh_buf out = {0};
        if (fmt == OUT_JSON)
            cli_diags_json(&out, &all, lg, in.n);
        else
            cli_diags_sarif(&out, &all, lg, rules_url);
        if (fwrite(out.s, 1, out.len, stdout) != out.len || fflush(stdout) != 0) {
            cli_say(lg, "check", "cannot write to standard output",
                    "không ghi được ra đầu ra chuẩn");
            status = KH_EXIT_USAGE;
        }
        kh_buf_free(&out);
    }
    /* The file names in diagnostics point into `in`: free it last. */
    kh_diags_free(&all);
    kh_plan_set_free(&run);
    for (size_t f = 0; f < in.n; f++)
        free(yaml_names[f]);
    free(yaml_names);
done:
    kh_plan_set_free(&plans_dir);
    cli_inputs_free(&in);
    free(off);
    return status;
}
