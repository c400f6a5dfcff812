/* formats.c — the table of output formats `kehoach build -f` knows. A new
 * format is one render_<name>.c file plus one row here. */
#include <string.h>

#include "kehoach/render.h"

static const kh_format formats[] = {
    {"md", ".md", kh_render_md, "Markdown directive (CommonMark) with the due-date checklist", true},
    {"ics", ".ics", kh_render_ics, "iCalendar of the deadlines and dated events (calendar import)", false},
    {"json", ".json", kh_render_json, "the typed plan as JSON (docs/json-format.md)", false},
    {"pdf", ".pdf", kh_render_pdf, "the issued document (A4, HD 36 layout)", true},
    {"docx", ".docx", kh_render_docx, "the issued document as Word (DOCX), for editing", true},
    {NULL, NULL, NULL, NULL, false}, /* sentinel; rows go above it */
};

const kh_format *kh_formats(size_t *n)
{
    *n = sizeof formats / sizeof formats[0] - 1;
    return formats;
}

const kh_format *kh_format_find(const char *name)
{
    size_t n;
    const kh_format *f = kh_formats(&n);
    for (size_t i = 0; i < n; i++)
        if (!strcmp(f[i].name, name))
            return &f[i];
    return NULL;
}

bool kh_format_reads_previous(const kh_format *f)
{
    return f && f->render == kh_render_ics;
}
