/* compose.h — the pieces of the issued document that every renderer (and the
 * checklist) builds the same way, so Markdown and PDF cannot drift apart:
 * the header strings, `{date}` / `{deadline}` expansion, the unit layout and
 * numbering decisions, the recipients' role markers and groups, and the
 * signature's authority line. Every fixed text comes from the profile table
 * (src/model/profile.c). Owned by src/render/compose.c. */
#ifndef KEHOACH_COMPOSE_H
#define KEHOACH_COMPOSE_H

#include <stdbool.h>
#include <stddef.h>

#include "kehoach/plan.h"
#include "kehoach/profile.h"
#include "kehoach/text.h"

/* The header block (ô 1–5a), as plain strings. Fields are NULL when the plan
 * has nothing to show there. Free with kh_header_free. */
typedef struct kh_header {
    const char *header_title; /* ĐẢNG CỘNG SẢN VIỆT NAM / Quốc hiệu (profile) */
    const char *motto;        /* Tiêu ngữ (state) or NULL (profile) */
    char *superior;           /* ĐẢNG BỘ TỈNH BẮC KẠN (upper-cased) or NULL */
    char *issuer;             /* HUYỆN ỦY BẠCH THÔNG (upper-cased) */
    /* Both hold '\n' where the user broke the name (plan.h superior_lines):
     * a line break the renderer keeps; otherwise it wraps them itself. */
    const char *issuer_mark;  /* "*" (party) or NULL: a rule instead (profile) */
    char *number_line;        /* "Số 398-KH/ĐU" (profile prefix) or NULL */
    char *date_line;          /* "Tuyên Quang, ngày 09 tháng 4 năm 2024" or NULL */
    char *doc_type;           /* "KẾ HOẠCH" (upper-cased; default KẾ HOẠCH) */
} kh_header;

void kh_header_compose(const kh_plan *p, kh_header *h);
void kh_header_free(kh_header *h);

/* Replace every `placeholder` in s by `with`; appends to out. Returns the
 * number of replacements. */
size_t kh_compose_replace(const char *s, const char *placeholder,
                          const char *with, kh_buf *out);

/* The Markdown of an event with its date put in: `{date}` becomes
 * `**05/12/2024**`; without `{date}`, ` ngày **05/12/2024**` goes before the
 * text's final punctuation (or at its end). An event without a full date
 * keeps its text. Appends to out. */
void kh_compose_event_md(const kh_plan *p, const kh_event *e, kh_buf *out);
/* A task's deadline in the profile's words, by its form and recurrence:
 * `trước ngày 15/11/2024`, `chậm nhất ngày 15/11/2024`, `trong tháng
 * 6/2025`, `trong quý II/2025`, `định kỳ hằng quý, lần đầu trước ngày …`,
 * or `định kỳ hằng quý` alone. Appends; false (nothing written) when the
 * task has neither a deadline nor a recurrence. */
bool kh_compose_deadline(const kh_plan *p, const kh_task *t, kh_buf *out);
/* The same for a task: `{deadline}` becomes `**trước ngày 15/11/2024**`
 * (kh_compose_deadline's words, in bold). */
void kh_compose_task_md(const kh_plan *p, const kh_task *t, kh_buf *out);
/* Plain-text labels (Markdown stripped, dates put in): the `what:` when
 * given, else the text. malloc'd. */
char *kh_compose_event_plain(const kh_plan *p, const kh_event *e);
char *kh_compose_task_plain(const kh_plan *p, const kh_task *t);

/* Whether a unit is written inline (`2. Name: text …`) or as a block
 * (`1. Name` then its text): the `layout:` key, and for `auto` inline when
 * the unit has a one-paragraph body and no task, or no body and one task. */
bool kh_compose_unit_inline(const kh_unit *u);
/* The number a unit of section s gets at its index i (units continue the
 * numbering of s's subsections; unnumbered units are skipped), or 0 when the
 * unit is unnumbered. Its label is kh_section_label(path, depth + 1, …) with
 * path[depth + 1] set to this number. */
int kh_compose_unit_number(const kh_section *s, size_t i);
/* The separator after a title written inline before its text: ": ", or " "
 * when the title already ends with a colon. */
const char *kh_compose_inline_sep(const char *title);

/* Recipients. The line's text with its role marker (`(báo cáo)`, from the
 * profile) put before the final punctuation, for a role on a single
 * (ungrouped) line, unless the text already carries the marker. Appends. */
void kh_compose_recipient_line(const kh_plan *p, const kh_recipient *r,
                               kh_buf *out);
/* True when recipient i is the last line of its group (group > 0). */
bool kh_compose_group_ends(const kh_plan *p, size_t i);
/* The brace label of a group role: "để báo cáo" / "để thực hiện" / "để biết"
 * (profile), or NULL for KH_ROLE_NONE. */
const char *kh_compose_group_label(const kh_plan *p, kh_role role);

/* Signature: "T/M BAN THƯỜNG VỤ" (prefix and body, upper-cased; "" when the
 * head signs alone) and the title in capitals. malloc'd. */
char *kh_compose_authority(const kh_plan *p);
char *kh_compose_sign_title(const kh_plan *p);
/* The second authority line, `signature.head`: "KT. CHỦ TỊCH" (prefix and
 * the head's title, upper-cased), or "" when the plan has none. malloc'd. */
char *kh_compose_head_authority(const kh_plan *p);

/* Phụ lục. The label of annex i of n ("Phụ lục" alone when n == 1, else
 * "Phụ lục II" / "Phụ lục 2" by the profile) and the caption under the
 * annex's title: "(Kèm theo Kế hoạch số 27/KH-UBND ngày 09/02/2026 của Ủy
 * ban nhân dân xã Hòa Phú)", its parts left out where the plan has none.
 * The checklist, as an annex, is the last (kh_compose_annex_count).
 * malloc'd. */
char *kh_compose_annex_label(const kh_plan *p, size_t i, size_t n);
char *kh_compose_annex_caption(const kh_plan *p);
/* The number of annexes the document holds: the plan's, plus the checklist
 * when it goes into the document (with_checklist) and has items. */
size_t kh_compose_annex_count(const kh_plan *p, bool with_checklist);

/* A deadline table as a table every renderer sets like `table:`: columns
 * TT, task, unit, deadline (the profile's words: `Chậm nhất ngày
 * 30/11/2025`, with `(105 ngày trước ngày bầu cử)` on a second line when
 * the row counts from the event) and, when any row has one, remark. The
 * table and its strings are malloc'd: kh_compose_table_free. */
kh_table *kh_compose_timetable(const kh_plan *p, const kh_timetable *tt);
void kh_compose_table_free(kh_table *t);

/* Document properties, as the PDF info and the DOCX core properties carry
 * them: the title (the trích yếu as plain text, on one line), the subject
 * (`Kế hoạch số 398-KH/ĐU`) and the keywords (`Kế hoạch, 398-KH/ĐU, issuer`).
 * malloc'd. */
char *kh_compose_doc_title(const kh_plan *p);
char *kh_compose_doc_subject(const kh_plan *p);
char *kh_compose_doc_keywords(const kh_plan *p);

#endif
