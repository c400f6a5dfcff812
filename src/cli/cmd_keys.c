/* cmd_keys.c — hidden `kehoach __keys`: the keys the loader accepts, one
 * "context.key" a line (kh_load_known_keys()). The schema test compares
 * them with docs/plan.schema.json, so the two cannot drift apart. */
#include <getopt.h>
#include <stdio.h>

#include "cli.h"
#include "kehoach/load.h"

int cmd_keys(int argc, char **argv)
{
    static const struct option longopts[] = {{"help", no_argument, NULL, 'h'},
                                             {NULL, 0, NULL, 0}};
    cli_getopt_start();
    int c = cli_getopt(argc, argv, "h", longopts, KH_LANG_EN, "__keys");
    if (c != -1 || optind < argc) {
        fputs("usage: kehoach __keys\n", c == 'h' ? stdout : stderr);
        return c == 'h' ? KH_EXIT_OK : KH_EXIT_USAGE;
    }
    for (const char *const *k = kh_load_known_keys(); *k; k++)
        puts(*k);
    return KH_EXIT_OK;
}
