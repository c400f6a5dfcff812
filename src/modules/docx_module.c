/* docx_module.c — the table the Word module (modules/docx.so) exports: the
 * DOCX writer (src/render/render_docx.c and its docx_*.c), the DOCX reader
 * of `import` and `check draft.docx` (src/import/docx_read.c), and the
 * versions of libzip and libxml2, which only they use. See kehoach/module.h. */
#include <libxml/parser.h>
#include <zip.h>

#include "kehoach/module.h"

static void docx_versions(FILE *out)
{
    fprintf(out, "  libzip     %s\n", zip_libzip_version());
    fprintf(out, "  libxml2    %s\n", xmlParserVersion);
}

const kh_module kh_module_docx = {
    .abi = KH_MODULE_ABI,
    .built_version = KH_VERSION,
    .plan_size = sizeof(kh_plan),
    .opts_size = sizeof(kh_render_opts),
    .name = "docx",
    .render = kh_render_docx,
    .read = kh_read_docx,
    .print_versions = docx_versions,
};
