/* cmd_keys.c — hidden `kehoach __keys`: the keys the loader accepts, one
 * "context.key" a line (kh_load_known_keys()). The schema test compares
 * them with docs/plan.schema.json, so the two cannot drift apart. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "kehoach/load.h"

int cmd_keys(int argc, char **argv)
{
    if (argc > 1) {
        fputs("usage: kehoach __keys\n", argc == 2 && !strcmp(argv[1], "--help") ? stdout : stderr);
        return argc == 2 && !strcmp(argv[1], "--help") ? KH_EXIT_OK : KH_EXIT_USAGE;
    }
    for (const char *const *k = kh_load_known_keys(); *k; k++)
        puts(*k);
    return KH_EXIT_OK;
}
