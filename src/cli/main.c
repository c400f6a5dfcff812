/* main.c — the `kehoach` entry point: dispatches to one cmd_* per
 * subcommand from a table, like git's builtins. */
#include <stdio.h>
#include <string.h>

#include "cli.h"

static const kh_cmd commands[] = {
    {"check", cmd_check, "validate plan files and print diagnostics"},
    {"build", cmd_build, "render plans to Markdown or PDF"},
    {"rules", cmd_rules, "list the validation rules"},
    {"tree", cmd_tree, "print the hierarchy of plans (which implements which) with deadlines"},
    {"checklist", cmd_checklist, "print the due-date checklist of plans, merged"},
    {"import", cmd_import, "turn a Word document or text into a plan file"},
    {"new", cmd_new, "start a plan from a template"},
    {"__keys", cmd_keys, NULL}, /* hidden: the loader's keys, for the schema test */
};

static void usage(FILE *out)
{
    fputs("usage: kehoach <command> [options] [FILE...]\n\ncommands:\n", out);
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (commands[i].summary)
            fprintf(out, "  %-10s %s\n", commands[i].name, commands[i].summary);
    fputs("\n'kehoach <command> --help' describes each command.\n", out);
}

int main(int argc, char **argv)
{
    cli_heap_setup();
    if (argc < 2) {
        usage(stderr);
        return KH_EXIT_USAGE;
    }
    if (!strcmp(argv[1], "help") && argc > 2) { /* `kehoach help build` */
        char *args[] = {argv[2], "--help", NULL};
        for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
            if (!strcmp(argv[2], commands[i].name))
                return commands[i].run(2, args);
    }
    if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") || !strcmp(argv[1], "help")) {
        usage(stdout);
        return KH_EXIT_OK;
    }
    if (!strcmp(argv[1], "--version") || !strcmp(argv[1], "-V")) {
        cli_print_version(stdout);
        return KH_EXIT_OK;
    }
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (!strcmp(argv[1], commands[i].name))
            return commands[i].run(argc - 1, argv + 1);
    fprintf(stderr, "kehoach: '%s' is not a command; see 'kehoach --help'\n", argv[1]);
    return KH_EXIT_USAGE;
}
