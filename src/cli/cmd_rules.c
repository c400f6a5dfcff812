/* cmd_rules.c — `kehoach rules`: the rule catalogue, one line per rule. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "kehoach/check.h"

int cmd_rules(int argc, char **argv)
{
    const char *lang = NULL;
    kh_lang lg0 = cli_lang_argv(argc, argv);
    static const struct option longopts[] = {
        {"help", no_argument, NULL, 'h'},
        {"lang", required_argument, NULL, 'L'},
        {NULL, 0, NULL, 0},
    };
    cli_getopt_start();
    for (int c; (c = cli_getopt(argc, argv, "h", longopts, lg0, "rules")) != -1;) {
        if (c == 'h') {
            puts(lg0 == KH_LANG_VI
                     ? "cách dùng: kehoach rules [--lang=vi|en]\n\n"
                       "Liệt kê mọi quy tắc kiểm tra: mã, mức độ, thể thức áp dụng (all:\n"
                       "cả hai, party: Đảng, state: nhà nước), độ tin cậy của nguồn\n"
                       "([S] đã xác nhận, [3P] bên thứ ba, [SEED] văn bản mẫu, [U] chưa\n"
                       "xác minh), nội dung.\n"
                       "Mô tả đầy đủ: docs/rules.md.\n\n"
                       "mã thoát: 0 đã liệt kê, 2 sai cách dùng"
                     : "usage: kehoach rules [--lang=vi|en]\n\n"
                       "List every validation rule: ID, severity, profiles it applies to\n"
                       "(all, party, state), how sure its source is ([S] confirmed,\n"
                       "[3P] third-party, [SEED] seen in the seeds, [U] unconfirmed;\n"
                       "per profile where they differ), summary.\n"
                       "Each is described in docs/rules.md.\n\n"
                       "exit status: 0 listed, 2 usage");
            return KH_EXIT_OK;
        } else if (c == 'L') {
            lang = optarg;
        } else {
            return KH_EXIT_USAGE;
        }
    }
    if (optind < argc) {
        cli_say(lg0, "rules", "takes no file ('%s'); see 'kehoach rules --help'",
                "không nhận tệp ('%s'); xem 'kehoach rules --help'", argv[optind]);
        return KH_EXIT_USAGE;
    }
    kh_lang lg = cli_lang(lang);
    size_t n;
    const kh_rule *r = kh_rules(&n);
    for (size_t i = 0; i < n; i++) {
        const char *prof = r[i].profiles == 3 ? "all" : r[i].profiles == 1 ? "party" : "state";
        const char *src = kh_rule_source(r[i].id);
        printf("%-24s %-8s %-6s %-28s %s\n", r[i].id,
               kh_severity_name(r[i].severity, KH_LANG_EN), prof, src ? src : "?",
               lg == KH_LANG_VI ? r[i].summary_vi : r[i].summary_en);
    }
    return KH_EXIT_OK;
}
