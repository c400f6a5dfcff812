/* version.c — `kehoach --version`: kehoach's version, then each library
 * it runs with and that library's version as the library itself reports
 * it at run time (what a bug report needs; a distribution may have
 * upgraded one under the binary). libdeflate reports only the version it
 * was built with. */
#include <stdio.h>

#include <cmark.h>
#include <harfbuzz/hb.h>
#include <hpdf.h>
#include <libdeflate.h>
#include <utf8proc.h>
#include <yaml.h>
#include <zlib.h>

#include "cli.h"

void cli_print_version(FILE *out)
{
    fprintf(out, "kehoach %s\n", KH_VERSION);
    fprintf(out, "  libyaml    %s\n", yaml_get_version_string());
    fprintf(out, "  cmark      %s\n", cmark_version_string());
    fprintf(out, "  utf8proc   %s\n", utf8proc_version());
    fprintf(out, "  harfbuzz   %s\n", hb_version_string());
    fprintf(out, "  libharu    %s\n", HPDF_GetVersion());
    fprintf(out, "  libdeflate %s (built with)\n", LIBDEFLATE_VERSION_STRING);
    fprintf(out, "  zlib       %s\n", zlibVersion());
}
