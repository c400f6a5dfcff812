/* render.h — the output formats. Each renderer walks the same model in
 * document order and writes into memory; the CLI writes files atomically.
 * One file per format: src/render/render_md.c, render_pdf.c, … */
#ifndef KEHOACH_RENDER_H
#define KEHOACH_RENDER_H

#include <stdbool.h>

#include "kehoach/diag.h"
#include "kehoach/plan.h"
#include "kehoach/text.h"

typedef struct kh_render_opts {
    bool checklist;          /* the due-date checklist as the document's last
                                Phụ lục (default on; `--checklist=annex`) */
    bool checklist_only;     /* render only the checklist, as that Phụ lục in a
                                file of its own (`--checklist=separate`);
                                formats with kh_format.checklist only */
    bool checklist_elsewhere;/* the document beside that file: its annexes are
                                numbered counting the checklist, which it
                                does not hold */
    const char *font_dir;    /* a directory with a licensed Times New Roman */
    long long epoch;         /* SOURCE_DATE_EPOCH for metadata; -1: from the plan */
    kh_lang lang;            /* language of generated labels that are not
                                part of the document (checklist headings) */
    int remind_days;         /* ics: reminder this many days before each
                                deadline; 0: none (`build --remind-days`) */
    const char *previous;    /* the output this one replaces, when the format
                                reads it (kh_format_reads_previous) and it
                                exists; NULL otherwise */
    size_t previous_len;
    long long now;           /* the time of this build (SOURCE_DATE_EPOCH or
                                the clock), for "last modified" stamps */
} kh_render_opts;

/* Whether the checklist counts among the document's Phụ lục (it is their
 * last): in the document, in a file of its own, or that file itself. The
 * n of kh_compose_annex_count. */
static inline bool kh_render_counts_checklist(const kh_render_opts *o)
{
    return o->checklist || o->checklist_only || o->checklist_elsewhere;
}

/* Each returns 0 on success; non-zero after adding an error diagnostic. */
int kh_render_md(const kh_plan *p, const kh_render_opts *o, kh_buf *out,
                 kh_diags *diags);
int kh_render_pdf(const kh_plan *p, const kh_render_opts *o, kh_buf *out,
                  kh_diags *diags);
/* iCalendar (RFC 5545) of the plan's deadlines and dated events:
 * src/render/render_ics.c, whose writer is in kehoach/ics.h. */
int kh_render_ics(const kh_plan *p, const kh_render_opts *o, kh_buf *out,
                  kh_diags *diags);
/* The issued document as a Word file (DOCX: libzip + libxml2), from the
 * same model and profile as the PDF: src/render/render_docx.c. */
int kh_render_docx(const kh_plan *p, const kh_render_opts *o, kh_buf *out,
                   kh_diags *diags);
/* The typed model as JSON (docs/json-format.md): src/render/render_json.c. */
int kh_render_json(const kh_plan *p, const kh_render_opts *o, kh_buf *out,
                   kh_diags *diags);

/* The output formats, in one table (src/render/formats.c). */
typedef int (*kh_render_fn)(const kh_plan *, const kh_render_opts *, kh_buf *,
                            kh_diags *);
typedef struct kh_format {
    const char *name;      /* "md", "pdf" */
    const char *extension; /* ".md", ".pdf" */
    kh_render_fn render;
    const char *summary;
    bool checklist;        /* a document that holds the checklist annex */
} kh_format;

const kh_format *kh_formats(size_t *n);
const kh_format *kh_format_find(const char *name);
/* Does the format look at the output it replaces (o->previous)? ics does,
 * to keep each event's SEQUENCE and LAST-MODIFIED. */
bool kh_format_reads_previous(const kh_format *f);

#endif
