/* checklist_table.h — the due-date checklist annex as a table, the same in
 * every paged renderer (PDF, DOCX): its title (label and caption are the
 * annex's, compose.h), its columns (labels and shares of the text width)
 * and the texts of each row. Labels
 * follow the render language: the appendix is a working aid for the văn
 * phòng, not part of the issued text. Owned by src/render/checklist_table.c. */
#ifndef KEHOACH_CHECKLIST_TABLE_H
#define KEHOACH_CHECKLIST_TABLE_H

#include <stdbool.h>

#include "kehoach/checklist.h"
#include "kehoach/plan.h"
#include "kehoach/text.h"

enum { KH_CL_DATE, KH_CL_DAY, KH_CL_UNIT, KH_CL_WHAT, KH_CL_TO, KH_CL_DONE,
       KH_CL_N_COLS };

/* Share of the text width of column k (they sum to 1). */
double kh_cl_col_share(int k);
/* The heading of column k. */
const char *kh_cl_heading(int k, kh_lang lang);
/* "Danh mục thời hạn" / "Due-date checklist". */
const char *kh_cl_title(kh_lang lang);

/* The texts of one row. date and day are malloc'd (kh_cl_row_free); the
 * others point into the item or are constants. */
typedef struct kh_cl_row {
    char *date;         /* 15/11/2024, or "theo quy định" when undated */
    char *day;          /* Thứ Sáu (nghỉ lễ: …), or "" */
    bool day_marked;    /* a weekend or holiday: set in italics */
    const char *unit, *what, *to;
} kh_cl_row;

void kh_cl_row_fill(kh_cl_row *r, const kh_due *it, kh_lang lang);
void kh_cl_row_free(kh_cl_row *r);

#endif
