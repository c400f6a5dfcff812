/* pdf_checklist.h — the due-date checklist as the PDF's last Phụ lục:
 * a table (date, weekday, unit, what, to whom, done-box) on a page of its
 * own after the signature. The items come from the checklist module
 * (kehoach/checklist.h), never typed twice. Owned by src/render/pdf_checklist.c. */
#ifndef KEHOACH_PDF_CHECKLIST_H
#define KEHOACH_PDF_CHECKLIST_H

#include "kehoach/checklist.h"
#include "kehoach/render.h"
#include "pdf_doc.h"

/* Append the table after its annex head (pdf_doc.c; none when the list is empty). The
 * list must outlive the layout (its strings are drawn). */
void kh_pdf_checklist(kh_pdf_layout *L, const kh_checklist *cl,
                      const kh_plan *p, const kh_render_opts *o,
                      const kh_measure *m);

#endif
