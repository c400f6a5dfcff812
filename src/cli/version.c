/* version.c — `kehoach --version`: kehoach's version, then each library
 * it runs with and that library's version as the library itself reports
 * it at run time (what a bug report needs; a distribution may have
 * upgraded one under the binary). The PDF and Word modules list their own
 * libraries (src/modules/); a module that cannot be loaded says why.
 * libdeflate reports only the version it was built with. */
#include <stdio.h>

#include <cmark.h>
#include <utf8proc.h>
#include <yaml.h>

#include "cli.h"

void cli_print_version(FILE *out)
{
    fprintf(out, "kehoach %s\n", KH_VERSION);
    fprintf(out, "  libyaml    %s\n", yaml_get_version_string());
    fprintf(out, "  cmark      %s\n", cmark_version_string());
    fprintf(out, "  utf8proc   %s\n", utf8proc_version());
    static const char *const names[] = {"pdf", "docx"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        const char *why;
        const kh_module *m = cli_module(names[i], &why);
        if (m)
            m->print_versions(out);
        else
            fprintf(out, "  (%s module not loaded: %s)\n", names[i], why);
    }
}
