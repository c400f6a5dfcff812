/* cmd_import.c — `kehoach import FILE.docx|FILE.txt|- [-o plan.yaml]`: a
 * Word document or plain text turned into a plan file (src/import/). The
 * YAML written is loaded again at once; what the importer was unsure of
 * and what the loader says are reported on stderr, located in the input.
 * Exit 0 when the plan loads, 1 when it does not, 2 when the input cannot
 * be read (a damaged or hostile .docx, an old .doc, a legacy encoding). */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "kehoach/import.h"
#include "kehoach/load.h"

static const char help_en[] =
    "usage: kehoach import [options] FILE.docx|FILE.txt|-\n"
    "\n"
    "Turn a Word document (.docx) or plain text (such as text copied out of a\n"
    "PDF) into a plan file. What the importer is unsure of is marked\n"
    "'# kehoach import:' in the YAML and reported on stderr with its place in\n"
    "the input (paragraph number for .docx, line for text).\n"
    "\n"
    "options:\n"
    "  -o, --output=FILE  write the plan there (atomically); default: stdout\n"
    "  --lang=vi|en       language of messages\n"
    "  -h, --help         this help\n"
    "\n"
    "exit status: 0 the plan loads, 1 it does not, 2 the input cannot be read\n";

static const char help_vi[] =
    "cách dùng: kehoach import [tùy chọn] TỆP.docx|TỆP.txt|-\n"
    "\n"
    "Chuyển văn bản Word (.docx) hoặc văn bản thuần (như chữ chép từ PDF) thành\n"
    "tệp kế hoạch. Chỗ chưa chắc được đánh dấu '# kehoach import:' trong YAML và\n"
    "báo ra stderr kèm vị trí trong tệp vào (số đoạn với .docx, dòng với văn bản).\n"
    "\n"
    "tùy chọn:\n"
    "  -o, --output=TỆP   ghi kế hoạch vào TỆP (ghi nguyên khối); mặc định: stdout\n"
    "  --lang=vi|en       ngôn ngữ thông báo\n"
    "  -h, --help         trợ giúp này\n"
    "\n"
    "mã thoát: 0 kế hoạch nạp được, 1 không nạp được, 2 không đọc được tệp vào\n";

int cmd_import(int argc, char **argv)
{
    kh_lang lg = cli_lang_argv(argc, argv);
    const char *out_path = NULL;
    enum { OPT_LANG = CLI_OPT_FIRST };
    static const struct option longopts[] = {
        {"help", no_argument, NULL, 'h'},
        {"output", required_argument, NULL, 'o'},
        {"lang", required_argument, NULL, OPT_LANG},
        {NULL, 0, NULL, 0},
    };
    cli_getopt_start();
    for (int c; (c = cli_getopt(argc, argv, "ho:", longopts, lg, "import")) != -1;) {
        switch (c) {
        case 'h':
            fputs(lg == KH_LANG_VI ? help_vi : help_en, stdout);
            return KH_EXIT_OK;
        case 'o':
            out_path = optarg;
            break;
        case OPT_LANG:
            if (strcmp(optarg, "vi") && strcmp(optarg, "en")) {
                cli_say(lg, "import", "--lang wants vi or en, not '%s'",
                        "--lang nhận vi hoặc en, không nhận '%s'", optarg);
                return KH_EXIT_USAGE;
            }
            break;
        default:
            return KH_EXIT_USAGE;
        }
    }
    if (optind != argc - 1) {
        cli_say(lg, "import", "give one input file (or - for standard input); see "
                              "'kehoach import --help'",
                "hãy chỉ ra một tệp vào (hoặc - cho đầu vào chuẩn); xem 'kehoach import --help'");
        return KH_EXIT_USAGE;
    }
    const char *path = argv[optind];
    kh_src doc = {0};
    kh_import_map map = {0};
    kh_diags d = {0};
    d.limit = 1000;
    size_t len = 0;
    int status = KH_EXIT_OK;
    char *yaml = kh_import_file(path, &doc, &map, &len, &d);
    if (!yaml) {
        status = KH_EXIT_USAGE;
    } else {
        /* the plan as the loader reads it: its problems, located in the input */
        char *yaml_name = kh_strdup(out_path ? out_path : "<imported plan>");
        kh_diags ld = {0};
        ld.limit = 1000;
        kh_plan *p = kh_load_buffer(yaml_name, yaml, len, &ld);
        if (!p || ld.count[KH_ERROR])
            status = KH_EXIT_FINDINGS;
        kh_plan_free(p);
        kh_import_relocate(&ld, yaml_name, &doc, &map);
        kh_diags_move(&d, &ld);
        kh_diags_free(&ld);
        int w = out_path ? cli_write_atomic(out_path, yaml, len)
                         : (fwrite(yaml, 1, len, stdout) == len && fflush(stdout) == 0 ? 0 : -1);
        if (w != 0) {
            cli_say(lg, "import", "cannot write '%s'", "không ghi được '%s'",
                    out_path ? out_path : "stdout");
            status = KH_EXIT_USAGE;
        }
        free(yaml);
        kh_diags_sort(&d);
        cli_diags_print(stderr, &d, lg, cli_color(2, NULL), true);
        free(yaml_name);
    }
    if (!yaml) {
        kh_diags_sort(&d);
        cli_diags_print(stderr, &d, lg, cli_color(2, NULL), false);
    }
    kh_diags_free(&d);
    kh_import_map_free(&map);
    kh_src_free(&doc);
    return status;
}
