/* cli.h — what the subcommands share: the command table, option helpers,
 * the language and colour choice, and atomic output. */
#ifndef KEHOACH_CLI_H
#define KEHOACH_CLI_H

#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "kehoach/diag.h"
#include "kehoach/text.h"

#include "kehoach/module.h" /* KH_VERSION */

/* Exit statuses (docs/kehoach.1): */
enum { KH_EXIT_OK = 0, KH_EXIT_FINDINGS = 1, KH_EXIT_USAGE = 2 };

typedef struct kh_cmd {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *summary;
} kh_cmd;

/* version.c: `kehoach --version`, with the libraries' own versions. */
void cli_print_version(FILE *out);

/* modules.c: the PDF or Word module, opened on first use (NULL: cannot be
 * loaded; *why says why, in English). Thread-safe. */
const kh_module *cli_module(const char *name, const char **why);
/* Open module `name` ("pdf", "docx": a string that outlives the thread)
 * in a thread of its own, ahead of its first use; true when the thread
 * runs, and then cli_module_wait(*t) must be called before returning. */
bool cli_module_prefetch(const char *name, pthread_t *t);
void cli_module_wait(pthread_t t);

/* heap.c: the heap reserved and marked for huge pages (call first). */
void cli_heap_setup(void);

int cmd_check(int argc, char **argv);
int cmd_build(int argc, char **argv);
int cmd_rules(int argc, char **argv);
int cmd_tree(int argc, char **argv);
int cmd_checklist(int argc, char **argv);
int cmd_new(int argc, char **argv);
int cmd_import(int argc, char **argv);
int cmd_keys(int argc, char **argv); /* hidden: kh_load_known_keys(), one a line */

/* Language of messages: --lang, else KEHOACH_LANG / LC_ALL / LC_MESSAGES /
 * LANG starting with "vi" → Vietnamese, else English. */
kh_lang cli_lang(const char *opt);
/* The language before options are parsed: the last --lang=X / --lang X in
 * argv, else as cli_lang(NULL). For messages about the options themselves. */
kh_lang cli_lang_argv(int argc, char **argv);

/* Print "kehoach CMD: message" to stderr in the chosen language. Both
 * formats take the same arguments. */
void cli_say(kh_lang lang, const char *cmd, const char *en_fmt,
             const char *vi_fmt, ...)
    __attribute__((format(printf, 3, 5), format(printf, 4, 5)));
/* The usual usage errors, in both languages. */
void cli_bad_option(kh_lang lang, const char *cmd, const char *arg, bool missing);

/* Colour only on a terminal, never with NO_COLOR set. */
bool cli_color(int fd, const char *opt);

/* Write data to path atomically: a temporary file in the same directory,
 * fsync'd, then renamed over path. Returns 0, or -1 with errno set. */
int cli_write_atomic(const char *path, const void *data, size_t len);

/* The same, but never replacing a file: fails with EEXIST when path
 * exists (checked atomically with link(), no window between test and write). */
int cli_write_new(const char *path, const void *data, size_t len);

/* The same, into the directory `dirfd`, under `name`, which must be one
 * path component (no '/', not "." or ".."): the file can never land
 * outside that directory, and a symlink at `name` is replaced, never
 * followed. On Linux the data go to an unnamed O_TMPFILE file that is
 * linked in only once complete (a kill -9 leaves nothing); elsewhere the
 * temporary file is ".<name>.tmp-XXXXXX", removed on any failure.
 * `durable` adds an fsync before the file is named (power-cut safety). */
int cli_write_atomic_at(int dirfd, const char *name, const void *data, size_t len,
                        bool durable);

/* The directory holding the running binary (from /proc/self/exe), for
 * finding share/kehoach/ and the source tree's templates/ and docs/;
 * "" when unknown. Writes into buf of size n. */
const char *cli_exe_dir(char *buf, size_t n);

/* Append s to b as a JSON string literal (quotes included). */
void cli_json_str(kh_buf *b, const char *s);

/* Diagnostics for people (src/cli/diag_text.c): as kh_diags_print, with
 * the source line and a caret under the column after each diagnostic and
 * each related note, unless with_source is false. */
void cli_diags_print(FILE *out, const kh_diags *d, kh_lang lang, bool color, bool with_source);
/* The closing count, "kehoach check: 2 errors, 1 warning, 0 notes in 3
 * files"; nothing when there is nothing to count. */
void cli_diags_summary(FILE *out, const char *cmd, const size_t counts[3], size_t files,
                       kh_lang lang);

/* Diagnostics as one machine-readable document (src/cli/diag_format.c):
 * kehoach JSON version 1, or SARIF 2.1.0 whose helpUri points into
 * rules_url (the address of docs/rules.md). */
void cli_diags_json(kh_buf *b, const kh_diags *d, kh_lang lang, size_t n_files);
void cli_diags_sarif(kh_buf *b, const kh_diags *d, kh_lang lang, const char *rules_url);
#define CLI_RULES_URL "https://github.com/kehoach/kehoach/blob/main/docs/rules.md"
/* The plan schema's stable address: docs/plan.schema.json's "$id", served
 * as JSON (what `kehoach new` names in `$schema=`). */
#define CLI_SCHEMA_URL \
    "https://raw.githubusercontent.com/kehoach/kehoach/main/docs/plan.schema.json"

/* The plan files of a command line (src/cli/inputs.c): FILE as given, DIR
 * as its *.yaml / *.yml files, sorted; a file named twice counts once.
 * Paths are owned by the list. */
typedef struct cli_inputs {
    char **paths;
    struct cli_input_id { bool known; unsigned long long dev, ino; } *ids;
    size_t n, cap;
} cli_inputs;
/* Returns 0, or -1 after saying why (an unreadable directory). */
int cli_inputs_add(cli_inputs *in, const char *arg, kh_lang lang, const char *cmd);
void cli_inputs_free(cli_inputs *in);

/* build --watch (src/cli/watch.c): call rebuild(ctx) whenever one of the
 * plan files, or a parent plan one of them names with `implements: file:`,
 * is written, replaced or created (inotify on their directories; a burst
 * of events is one rebuild). Runs until a signal ends the process; returns
 * KH_EXIT_USAGE only when inotify cannot be used. */
int cli_watch(const char *const *paths, size_t n, kh_lang lang, int (*rebuild)(void *),
              void *ctx);

/* Options (src/cli/options.c): getopt_long with kehoach's messages. Call
 * cli_getopt_start() once per command, then cli_getopt() until it returns
 * -1; the files are then argv[optind..argc-1]. '?' means a bad option,
 * already reported (exit KH_EXIT_USAGE). Long-only options use values
 * from CLI_OPT_FIRST up. */
struct option;
void cli_getopt_start(void);
int cli_getopt(int argc, char **argv, const char *shortopts, const struct option *longopts,
               kh_lang lang, const char *cmd);
enum { CLI_OPT_FIRST = 0x100 };

/* Old hand-written matcher, kept for branches not yet on cli_getopt:
 * match `--name=value` or `--name value`; advances *i over a separate value.
 * Returns the value, or NULL when argv[*i] is not this option. Sets *missing
 * when the option is there without a value. */
const char *cli_opt_value(int argc, char **argv, int *i, const char *name,
                          bool *missing);

#endif
