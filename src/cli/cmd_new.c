/* cmd_new.c — `kehoach new [--template NAME] [-o FILE]`: start a plan from
 * a commented template (templates/NAME.yaml), with today's date filled in and
 * the blanks ("…") a drafter must fill; the result passes `check --draft`.
 * Templates are looked up in $KEHOACH_TEMPLATES, PREFIX/share/kehoach/
 * templates (next to an installed binary), then the source tree. The
 * `# yaml-language-server: $schema=` line names the schema by its stable
 * URL (CLI_SCHEMA_URL, the schema's own $id), which stays right when the
 * plan is moved, committed or opened on another machine; --schema=installed
 * names the installed file by its absolute path instead, for editors
 * without network.
 * An existing file is never replaced without --force; writes are atomic. */
#define _DEFAULT_SOURCE
#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "cli.h"
#include "kehoach/date.h"
#include "kehoach/text.h"

#define DEFAULT_TEMPLATE "bai-viet"

static const char help_en[] =
    "usage: kehoach new [options]\n"
    "\n"
    "Write a commented starting plan from a template, dated today, with the\n"
    "blanks (…) to fill. Then: kehoach check --draft FILE\n"
    "\n"
    "options:\n"
    "  -t, --template=NAME  the template (default: " DEFAULT_TEMPLATE "), or a path to a .yaml;\n"
    "                       'party' or 'state': that profile's usual template\n"
    "  -o, --output=FILE    where to write (default: standard output)\n"
    "  --force              replace FILE if it exists\n"
    "  --list               list the templates: name, profile, level, purpose\n"
    "  --today=YYYY-MM-DD   the date to fill in (default: today)\n"
    "  --schema=REF         the $schema reference to write (default: the schema's\n"
    "                       stable URL, which survives moving the plan; installed:\n"
    "                       the installed plan.schema.json's absolute path)\n"
    "  --lang=vi|en         language of messages\n"
    "  -h, --help           this help\n"
    "\n"
    "templates are searched in $KEHOACH_TEMPLATES, PREFIX/share/kehoach/templates\n"
    "and the source tree's templates/.\n"
    "exit status: 0 written, 2 usage or I/O problem (an existing FILE without --force)\n";

static const char help_vi[] =
    "cách dùng: kehoach new [tùy chọn]\n"
    "\n"
    "Tạo một kế hoạch khởi đầu có chú thích từ một mẫu, ghi ngày hôm nay, với\n"
    "các chỗ trống (…) cần điền. Sau đó: kehoach check --draft TỆP\n"
    "\n"
    "tùy chọn:\n"
    "  -t, --template=TÊN   mẫu (mặc định: " DEFAULT_TEMPLATE "), hoặc đường dẫn tệp .yaml;\n"
    "                       'party' hoặc 'state': mẫu thường dùng của thể thức ấy\n"
    "  -o, --output=TỆP     nơi ghi (mặc định: đầu ra chuẩn)\n"
    "  --force              ghi đè TỆP nếu đã có\n"
    "  --list               liệt kê các mẫu: tên, thể thức, cấp, mục đích\n"
    "  --today=YYYY-MM-DD   ngày điền vào (mặc định: hôm nay)\n"
    "  --schema=REF         tham chiếu $schema ghi vào tệp (mặc định: URL cố định\n"
    "                       của lược đồ, đúng cả khi chuyển tệp đi nơi khác;\n"
    "                       installed: đường dẫn tuyệt đối của plan.schema.json đã cài)\n"
    "  --lang=vi|en         ngôn ngữ thông báo\n"
    "  -h, --help           trợ giúp này\n"
    "\n"
    "mẫu được tìm trong $KEHOACH_TEMPLATES, PREFIX/share/kehoach/templates và\n"
    "thư mục templates/ của mã nguồn.\n"
    "mã thoát: 0 đã ghi, 2 sai cách dùng hoặc lỗi đọc/ghi (TỆP đã có mà không --force)\n";

/* Candidate places of `rel` (e.g. "templates", "docs/plan.schema.json"):
 * installed beside the binary, then in the source tree (build/kehoach and
 * build/asan/kehoach). Returns the first that exists, malloc'd, or NULL. */
static char *find_data(const char *installed, const char *source)
{
    char exe[PATH_MAX];
    cli_exe_dir(exe, sizeof exe);
    if (!*exe)
        return NULL;
    const char *cands[] = {"%s/../share/kehoach/%s", "%s/../%s", "%s/../../%s"};
    for (size_t i = 0; i < sizeof cands / sizeof cands[0]; i++) {
        kh_buf p = {0};
        kh_buf_printf(&p, cands[i], exe, i == 0 ? installed : source);
        char *real = realpath(kh_buf_str(&p), NULL);
        kh_buf_free(&p);
        if (real)
            return real;
    }
    return NULL;
}

static char *template_dir(void)
{
    const char *env = getenv("KEHOACH_TEMPLATES");
    if (env && *env)
        return kh_strdup(env);
    return find_data("templates", "templates");
}

/* The description of a template: its "# kehoach template: NAME — text" line. */
static void describe(const char *text, kh_buf *out)
{
    const char *m = strstr(text, "# kehoach template:");
    if (!m)
        return;
    const char *dash = strstr(m, "— ");
    const char *eol = strchr(m, '\n');
    if (dash && (!eol || dash < eol))
        kh_buf_put(out, dash + strlen("— "), (size_t)((eol ? eol : dash + strlen(dash)) - dash - strlen("— ")));
}

/* The value of a template's top-level "KEY: value" line, or of its
 * "# kehoach KEY: value" header line, up to a comment; "" when absent. */
static void header_value(const char *text, const char *key, kh_buf *out)
{
    size_t kl = strlen(key);
    for (const char *l = text; l && *l; l = strchr(l, '\n'), l = l ? l + 1 : NULL) {
        const char *v = NULL;
        if (!strncmp(l, key, kl) && l[kl] == ':')
            v = l + kl + 1;
        else if (!strncmp(l, "# kehoach ", 10) && !strncmp(l + 10, key, kl) && l[10 + kl] == ':')
            v = l + 10 + kl + 1;
        if (!v)
            continue;
        v += strspn(v, " ");
        size_t n = strcspn(v, "#\n");
        while (n && v[n - 1] == ' ')
            n--;
        kh_buf_put(out, v, n);
        return;
    }
}

/* `-t party` and `-t state`: the profile's usual template. */
static const struct { const char *profile, *tmpl; } profile_default[] = {
    {"party", DEFAULT_TEMPLATE},
    {"state", "ubnd-tinh"},
};

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int list_templates(kh_lang lg)
{
    char *dir = template_dir();
    DIR *d = dir ? opendir(dir) : NULL;
    if (!d) {
        cli_say(lg, "new", "no template directory found (set KEHOACH_TEMPLATES)",
                "không tìm thấy thư mục mẫu (đặt biến KEHOACH_TEMPLATES)");
        free(dir);
        return KH_EXIT_USAGE;
    }
    char *names[256];
    size_t n = 0;
    for (struct dirent *e; (e = readdir(d)) && n < 256;) {
        size_t l = strlen(e->d_name);
        if (e->d_name[0] != '.' && l > 5 && !strcmp(e->d_name + l - 5, ".yaml"))
            names[n++] = kh_strndup(e->d_name, l - 5);
    }
    closedir(d);
    qsort(names, n, sizeof *names, by_name);
    for (size_t i = 0; i < n; i++) {
        kh_buf p = {0}, desc = {0}, prof = {0}, level = {0};
        kh_buf_printf(&p, "%s/%s.yaml", dir, names[i]);
        size_t len;
        char *text = kh_read_file(kh_buf_str(&p), 1u << 20, &len);
        if (text) {
            describe(text, &desc);
            header_value(text, "profile", &prof);
            header_value(text, "level", &level);
        }
        /* Columns: name, profile, level (the issuer's cấp), what it is for.
         * printf's widths count bytes: pad the level by code points. */
        const char *lv = level.len ? kh_buf_str(&level) : "-";
        size_t cps = 0;
        for (const char *c = lv; *c; c++)
            cps += ((unsigned char)*c & 0xC0) != 0x80;
        printf("%-16s %-6s %s%*s %s\n", names[i], prof.len ? kh_buf_str(&prof) : "party",
               lv, (int)(cps < 22 ? 22 - cps : 0), "", kh_buf_str(&desc));
        free(text);
        kh_buf_free(&p);
        kh_buf_free(&desc);
        kh_buf_free(&prof);
        kh_buf_free(&level);
        free(names[i]);
    }
    free(dir);
    return KH_EXIT_OK;
}

/* Today in local time, as the drafter's calendar says. */
static kh_date local_today(void)
{
    time_t t = time(NULL);
    struct tm tm;
    localtime_r(&t, &tm);
    return (kh_date){tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
}

/* Replace ${TODAY}, ${TODAY+N}, ${TODAY-N} (YYYY-MM-DD), ${MONTH} (YYYY-MM,
 * the issue date with its day left blank) and ${YEAR}. Returns -1 on an
 * unknown placeholder, naming it in *bad. */
static int expand(const char *in, kh_date today, kh_buf *out, char **bad)
{
    for (const char *p = in; *p;) {
        const char *start = strstr(p, "${");
        if (!start) {
            kh_buf_puts(out, p);
            break;
        }
        kh_buf_put(out, p, (size_t)(start - p));
        const char *end = strchr(start, '}');
        if (!end) {
            *bad = kh_strdup(start);
            return -1;
        }
        char *name = kh_strndup(start + 2, (size_t)(end - start - 2));
        char iso[16];
        if (!strcmp(name, "MONTH"))
            kh_buf_printf(out, "%04d-%02d", today.year, today.month);
        else if (!strcmp(name, "YEAR"))
            kh_buf_printf(out, "%04d", today.year);
        else if (!strncmp(name, "TODAY", 5)) {
            char *rest;
            long off = name[5] ? strtol(name + 5, &rest, 10) : 0;
            if (name[5] && (*rest || (name[5] != '+' && name[5] != '-') || off > 3650 ||
                            off < -3650)) {
                *bad = name;
                return -1;
            }
            kh_buf_puts(out, kh_date_fmt_iso(kh_date_from_days(kh_date_to_days(today) + off), iso));
        } else {
            *bad = name;
            return -1;
        }
        free(name);
        p = end + 1;
    }
    return 0;
}

/* The $schema reference to write: the stable URL, the installed schema's
 * absolute path ("installed"), or what the user gave. NULL: none found. */
static char *schema_ref(const char *opt)
{
    if (!opt)
        return kh_strdup(CLI_SCHEMA_URL);
    if (!strcmp(opt, "installed"))
        return find_data("plan.schema.json", "docs/plan.schema.json");
    return kh_strdup(opt);
}

/* Point the first `# yaml-language-server: $schema=` line at ref. */
static void set_schema(kh_buf *text, const char *ref)
{
    static const char tag[] = "# yaml-language-server: $schema=";
    char *at = strstr(kh_buf_str(text), tag);
    if (!at || !ref)
        return;
    char *eol = strchr(at, '\n');
    kh_buf r = {0};
    kh_buf_put(&r, text->s, (size_t)(at - text->s));
    kh_buf_printf(&r, "%s%s", tag, ref);
    kh_buf_puts(&r, eol ? eol : "\n");
    kh_buf_free(text);
    *text = r;
}

int cmd_new(int argc, char **argv)
{
    kh_lang lg = cli_lang_argv(argc, argv);
    const char *tmpl = DEFAULT_TEMPLATE, *out = "-", *schema = NULL;
    bool force = false, list = false;
    kh_date today = local_today();
    int status = KH_EXIT_USAGE;
    char *dir = NULL, *text = NULL, *ref = NULL;
    kh_buf path = {0}, result = {0};

    enum { OPT_SCHEMA = CLI_OPT_FIRST, OPT_LANG, OPT_TODAY, OPT_FORCE, OPT_LIST };
    static const struct option longopts[] = {
        {"help", no_argument, NULL, 'h'},
        {"template", required_argument, NULL, 't'},
        {"output", required_argument, NULL, 'o'},
        {"schema", required_argument, NULL, OPT_SCHEMA},
        {"lang", required_argument, NULL, OPT_LANG},
        {"today", required_argument, NULL, OPT_TODAY},
        {"force", no_argument, NULL, OPT_FORCE},
        {"list", no_argument, NULL, OPT_LIST},
        {NULL, 0, NULL, 0},
    };
    cli_getopt_start();
    for (int c; (c = cli_getopt(argc, argv, "ht:o:", longopts, lg, "new")) != -1;) {
        const char *v = optarg;
        switch (c) {
        case 'h':
            fputs(lg == KH_LANG_VI ? help_vi : help_en, stdout);
            return KH_EXIT_OK;
        case 't':
            tmpl = v;
            break;
        case 'o':
            out = v;
            break;
        case OPT_SCHEMA:
            schema = v;
            break;
        case OPT_LANG:
            if (strcmp(v, "vi") && strcmp(v, "en")) {
                cli_say(lg, "new", "--lang wants vi or en, not '%s'",
                        "--lang nhận vi hoặc en, không nhận '%s'", v);
                return KH_EXIT_USAGE;
            }
            break;
        case OPT_TODAY: {
            int rest = 0;
            if (kh_date_parse_any(v, &today, &rest) != KH_DATE_OK || !kh_date_is_full(today) ||
                v[rest]) {
                cli_say(lg, "new", "--today wants a date YYYY-MM-DD, not '%s'",
                        "--today nhận một ngày YYYY-MM-DD, không nhận '%s'", v);
                return KH_EXIT_USAGE;
            }
            break;
        }
        case OPT_FORCE:
            force = true;
            break;
        case OPT_LIST:
            list = true;
            break;
        default:
            return KH_EXIT_USAGE;
        }
    }
    if (optind < argc) {
        cli_say(lg, "new", "takes no file ('%s'; the output is -o FILE); see 'kehoach new --help'",
                "không nhận tệp ('%s'; tệp ghi ra là -o TỆP); xem 'kehoach new --help'",
                argv[optind]);
        return KH_EXIT_USAGE;
    }
    if (list)
        return list_templates(lg);

    for (size_t i = 0; i < sizeof profile_default / sizeof profile_default[0]; i++)
        if (!strcmp(tmpl, profile_default[i].profile))
            tmpl = profile_default[i].tmpl;
    /* NAME, or a path to a template file of one's own. */
    if (strchr(tmpl, '/')) {
        kh_buf_puts(&path, tmpl);
    } else {
        for (const char *c = tmpl; *c; c++)
            if (!((*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') || *c == '-' || *c == '_')) {
                cli_say(lg, "new", "no template '%s'; see 'kehoach new --list'",
                        "không có mẫu '%s'; xem 'kehoach new --list'", tmpl);
                goto done;
            }
        dir = template_dir();
        if (!dir) {
            cli_say(lg, "new", "no template directory found (set KEHOACH_TEMPLATES)",
                    "không tìm thấy thư mục mẫu (đặt biến KEHOACH_TEMPLATES)");
            goto done;
        }
        kh_buf_printf(&path, "%s/%s.yaml", dir, tmpl);
    }
    size_t len;
    text = kh_read_file(kh_buf_str(&path), 1u << 20, &len);
    if (!text) {
        if (errno == ENOENT && !strchr(tmpl, '/'))
            cli_say(lg, "new", "no template '%s'; see 'kehoach new --list'",
                    "không có mẫu '%s'; xem 'kehoach new --list'", tmpl);
        else
            cli_say(lg, "new", "cannot read %s: %s", "không đọc được %s: %s",
                    kh_buf_str(&path), strerror(errno));
        goto done;
    }
    char *bad = NULL;
    if (expand(text, today, &result, &bad) != 0) {
        cli_say(lg, "new", "%s: unknown placeholder '${%s}' (known: TODAY, TODAY+N, MONTH, YEAR)",
                "%s: không biết chỗ giữ '${%s}' (có: TODAY, TODAY+N, MONTH, YEAR)",
                kh_buf_str(&path), bad);
        free(bad);
        goto done;
    }
    ref = schema_ref(schema);
    if (!ref) {
        cli_say(lg, "new", "no installed plan.schema.json found for --schema=installed",
                "không tìm thấy plan.schema.json đã cài cho --schema=installed");
        goto done;
    }
    set_schema(&result, ref);

    if (!strcmp(out, "-")) {
        if (fwrite(kh_buf_str(&result), 1, result.len, stdout) != result.len ||
            fflush(stdout) != 0) {
            cli_say(lg, "new", "cannot write to standard output", "không ghi được ra đầu ra chuẩn");
            goto done;
        }
        status = KH_EXIT_OK;
        goto done;
    }
    struct stat st_out, st_in;
    if (stat(out, &st_out) == 0 && stat(kh_buf_str(&path), &st_in) == 0 &&
        st_out.st_dev == st_in.st_dev && st_out.st_ino == st_in.st_ino) {
        cli_say(lg, "new", "refusing to write %s: it is the template itself",
                "không ghi %s: đó chính là tệp mẫu", out);
        goto done;
    }
    int r = force ? cli_write_atomic(out, result.s, result.len)
                  : cli_write_new(out, result.s, result.len);
    if (r != 0) {
        if (errno == EEXIST)
            cli_say(lg, "new", "%s exists; not replaced (use --force to replace it)",
                    "%s đã có; không ghi đè (dùng --force để ghi đè)", out);
        else
            cli_say(lg, "new", "cannot write %s: %s", "không ghi được %s: %s", out,
                    strerror(errno));
        goto done;
    }
    cli_say(lg, "new", "wrote %s from template '%s'; fill in the blanks (…), then: kehoach check --draft %s",
            "đã ghi %s từ mẫu '%s'; điền các chỗ trống (…), rồi chạy: kehoach check --draft %s",
            out, tmpl, out);
    status = KH_EXIT_OK;
done:
    free(dir);
    free(text);
    free(ref);
    kh_buf_free(&path);
    kh_buf_free(&result);
    return status;
}
