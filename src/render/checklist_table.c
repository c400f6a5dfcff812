/* checklist_table.c — the checklist appendix's texts and columns (see
 * checklist_table.h), shared by pdf_checklist.c and the DOCX renderer. */
#include <stdlib.h>

#include "checklist_table.h"

double kh_cl_col_share(int k)
{
    static const double share[KH_CL_N_COLS] = {0.15, 0.12, 0.19, 0.265, 0.19, 0.085};
    return k >= 0 && k < KH_CL_N_COLS ? share[k] : 0;
}

const char *kh_cl_heading(int k, kh_lang lang)
{
    static const char *const vi[KH_CL_N_COLS] = {"Ngày", "Thứ", "Đơn vị", "Việc",
                                                 "Báo cáo về", "Xong"};
    static const char *const en[KH_CL_N_COLS] = {"Date", "Day", "Unit", "What",
                                                 "Report to", "Done"};
    if (k < 0 || k >= KH_CL_N_COLS)
        return "";
    return lang == KH_LANG_VI ? vi[k] : en[k];
}

const char *kh_cl_title(kh_lang lang)
{
    return lang == KH_LANG_VI ? "Danh mục thời hạn" : "Due-date checklist";
}

void kh_cl_row_fill(kh_cl_row *r, const kh_due *it, kh_lang lang)
{
    bool vi = lang == KH_LANG_VI;
    char d[48];
    if (kh_date_is_full(it->date)) {
        r->date = kh_strdup(kh_date_fmt_short(it->date, d));
        int wd = kh_date_weekday(it->date);
        kh_buf b = {0};
        kh_buf_puts(&b, vi ? kh_weekday_vi(wd) : kh_weekday_en(wd));
        if (it->holiday)
            kh_buf_printf(&b, vi ? " (nghỉ lễ: %s)" : " (holiday: %s)", it->holiday);
        r->day = b.len ? kh_buf_take(&b) : kh_strdup("");
    } else {
        r->date = kh_strdup(vi ? "theo quy định" : "as required");
        r->day = kh_strdup("");
    }
    r->day_marked = it->weekend || it->holiday;
    r->unit = it->unit ? it->unit : "";
    r->what = it->what && *it->what ? it->what
              : it->kind == KH_DUE_REPORT ? (vi ? "Báo cáo kết quả" : "Report the results")
              : "";
    r->to = it->to ? it->to : "";
}

void kh_cl_row_free(kh_cl_row *r)
{
    free(r->date);
    free(r->day);
    r->date = r->day = NULL;
}
