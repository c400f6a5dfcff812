/* options.c — getopt_long with kehoach's own messages: every command
 * parses its options through cli_getopt(), so `-fpdf`, `-f pdf`,
 * `--format=pdf`, `--format pdf` and unambiguous prefixes (`--form=pdf`)
 * all work as in any GNU tool, options and files mix in any order, and
 * `--` ends the options. A bad option is reported once, in the run's
 * language, naming the command's --help. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

void cli_getopt_start(void)
{
    optind = 0; /* glibc: a fresh scan, its internal state reset too */
    opterr = 0; /* our messages, not getopt's */
}

/* How many long options `text` (after "--", up to any '=') is a prefix of. */
static int prefix_matches(const char *text, const struct option *longopts)
{
    size_t n = strcspn(text, "=");
    int count = 0;
    for (const struct option *o = longopts; o && o->name; o++)
        if (!strncmp(o->name, text, n))
            count += strlen(o->name) == n ? 100 : 1;
    return count;
}

int cli_getopt(int argc, char **argv, const char *shortopts, const struct option *longopts,
               kh_lang lang, const char *cmd)
{
    char opts[80];
    snprintf(opts, sizeof opts, ":%s", shortopts); /* ':' first: a missing value is ':' */
    int c = getopt_long(argc, argv, opts, longopts, NULL);
    if (c != '?' && c != ':')
        return c;
    const char *arg = optind > 0 && optind <= argc ? argv[optind - 1] : "";
    char shortname[3] = {'-', (char)optopt, '\0'};
    bool is_long = !strncmp(arg, "--", 2);
    const char *name = is_long ? arg : shortname;
    int len = (int)strcspn(name, "=");
    if (c == ':')
        cli_say(lang, cmd, "missing value for '%.*s'; see 'kehoach %s --help'",
                "thiếu giá trị cho '%.*s'; xem 'kehoach %s --help'", len, name, cmd);
    else if (is_long && optopt && strchr(arg, '='))
        cli_say(lang, cmd, "'%.*s' takes no value; see 'kehoach %s --help'",
                "'%.*s' không nhận giá trị; xem 'kehoach %s --help'", len, name, cmd);
    else if (is_long && prefix_matches(arg + 2, longopts) > 1)
        cli_say(lang, cmd, "ambiguous option '%.*s'; see 'kehoach %s --help'",
                "tùy chọn '%.*s' không rõ là tùy chọn nào; xem 'kehoach %s --help'", len, name,
                cmd);
    else
        cli_say(lang, cmd, "unknown option '%s'; see 'kehoach %s --help'",
                "không có tùy chọn '%s'; xem 'kehoach %s --help'", name, cmd);
    return '?';
}
