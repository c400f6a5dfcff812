/* docx_meta.h — what the printed document does not show, carried inside
 * the DOCX for `kehoach import` to give back: a unit's id and report_to, a
 * task's report/what/report_to, an event's what/who, a section's kind, a
 * recipient's unit, a deadline-table row's day, the schedule and each
 * implemented plan's file. Each element that has such data gets a hidden
 * bookmark (`_khN`, a name Word hides) in the paragraph that prints it,
 * and a record keyed to that bookmark in a Custom XML Data part
 * (customXml/item1.xml, ECMA-376 Part 1 §15.2.4, §22.5), in the namespace
 * KH_DX_META_NS. The format is docs/docx-metadata.md; the reader is
 * src/import/docx_meta.c, the importer's use of it src/import/meta_apply.c.
 * Owned by src/render/docx_meta.c. */
#ifndef KEHOACH_DOCX_META_H
#define KEHOACH_DOCX_META_H

#include <stddef.h>

#include "kehoach/plan.h"
#include "kehoach/text.h"
#include "docx_xml.h"

#define KH_DX_META_NS "urn:kehoach:docx-meta"
#define KH_DX_META_VERSION "1"

typedef enum kh_dx_mark_kind {
    KH_DXM_UNIT,      /* elem: kh_unit */
    KH_DXM_TASK,      /* elem: kh_task, owner: its kh_unit */
    KH_DXM_EVENT,     /* elem: kh_event */
    KH_DXM_SECTION,   /* elem: kh_section */
    KH_DXM_ROW,       /* elem: kh_timetable_row */
    KH_DXM_RECIPIENT, /* elem: kh_recipient */
    KH_DXM_CLOSING,   /* elem: kh_plan (the closing's first paragraph) */
} kh_dx_mark_kind;

/* An element printed in a paragraph of the flow (docx_flow.h): para, and
 * for a table's row its index under the heading row (else SIZE_MAX). */
typedef struct kh_dx_mark {
    size_t para, row;
    kh_dx_mark_kind kind;
    const void *elem, *owner;
} kh_dx_mark;

/* The records written so far, in document order; id n is bookmark _khn. */
typedef struct kh_dx_meta {
    kh_dx_mark *v;
    size_t n, cap;
} kh_dx_meta;

/* Inside an open w:p (after its w:pPr): when the element has data the
 * printed text does not say, a bookmark `_khN` around nothing, and its
 * record kept for kh_dx_meta_item. */
void kh_dx_meta_mark(kh_dx_meta *m, kh_xml *x, const kh_dx_mark *mk);

/* customXml/item1.xml: the records, then the plan-wide ones (schedule,
 * implements). customXml/itemProps1.xml: its datastore item (an itemID
 * made from the item's bytes, so the output stays reproducible).
 * customXml/_rels/item1.xml.rels: the item's link to its properties.
 * Each returns 0 or -1. */
int kh_dx_meta_item(const kh_dx_meta *m, const kh_plan *p, kh_buf *out);
int kh_dx_meta_props(const kh_buf *item, kh_buf *out);
int kh_dx_meta_rels(kh_buf *out);
void kh_dx_meta_free(kh_dx_meta *m);

#endif
