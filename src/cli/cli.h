/* cli.h — what the subcommands share: the command table, option helpers,
 * the language and colour choice, and atomic output. */
#ifndef KEHOACH_CLI_H
#define KEHOACH_CLI_H

#include <stdbool.h>
#include <stddef.h>

#include "kehoach/diag.h"

#define KH_VERSION "0.1.0"

/* Exit statuses (docs/kehoach.1): */
enum { KH_EXIT_OK = 0, KH_EXIT_FINDINGS = 1, KH_EXIT_USAGE = 2 };

typedef struct kh_cmd {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *summary;
} kh_cmd;

int cmd_check(int argc, char **argv);
int cmd_build(int argc, char **argv);
int cmd_rules(int argc, char **argv);
int cmd_checklist(int argc, char **argv);

/* Language of messages: --lang, else KEHOACH_LANG / LC_ALL / LC_MESSAGES /
 * LANG starting with "vi" → Vietnamese, else English. */
kh_lang cli_lang(const char *opt);
/* Colour only on a terminal, never with NO_COLOR set. */
bool cli_color(int fd, const char *opt);

/* Write data to path atomically: a temporary file in the same directory,
 * fsync'd, then renamed over path. Returns 0, or -1 with errno set. */
int cli_write_atomic(const char *path, const void *data, size_t len);

/* Match `--name=value` or `--name value`; advances *i over a separate value.
 * Returns the value, or NULL when argv[*i] is not this option. Sets *missing
 * when the option is there without a value. */
const char *cli_opt_value(int argc, char **argv, int *i, const char *name,
                          bool *missing);

#endif
