/* cmd_new.c — placeholder until `kehoach new` lands. */
#include "cli.h"
int cmd_new(int argc, char **argv) { return KH_EXIT_USAGE; }
