/* pdf_module.c — the table the PDF module (modules/pdf.so) exports: the
 * PDF writer (src/render/render_pdf.c and its pdf_*.c, layout.c) and the
 * versions of the libraries only it uses. See kehoach/module.h. */
#include <harfbuzz/hb.h>
#include <hpdf.h>
#include <libdeflate.h>
#include <zlib.h>

#include "kehoach/module.h"

static void pdf_versions(FILE *out)
{
    fprintf(out, "  harfbuzz   %s\n", hb_version_string());
    fprintf(out, "  libharu    %s\n", HPDF_GetVersion());
    fprintf(out, "  libdeflate %s (built with)\n", LIBDEFLATE_VERSION_STRING);
    fprintf(out, "  zlib       %s\n", zlibVersion());
}

const kh_module kh_module_pdf = {
    .abi = KH_MODULE_ABI,
    .built_version = KH_VERSION,
    .plan_size = sizeof(kh_plan),
    .opts_size = sizeof(kh_render_opts),
    .name = "pdf",
    .render = kh_render_pdf,
    .read = NULL,
    .print_versions = pdf_versions,
};
