/* fuzz_docx_meta.c — libFuzzer target: any bytes as the Custom XML part
 * kehoach writes into its DOCX (docs/docx-metadata.md), read by
 * kh_docx_meta_parse and applied by kh_meta_apply to a fixed plan whose
 * every paragraph holds a bookmark `_kh1`, `_kh2` … (so any record may hit
 * any element). It must never crash, hang or leak, and the YAML written
 * must always parse (no LOAD-SYNTAX): a record may only add quoted values. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kehoach/import.h"
#include "kehoach/load.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char plan[] =
    "ĐẢNG BỘ TỈNH BẮC KẠN\nHUYỆN ỦY BẠCH THÔNG\nSố 125-KH/HU\n\n"
    "Bạch Thông, ngày 04 tháng 8 năm 2023\n\nKẾ HOẠCH\n\nvề việc thử\n\n"
    "Thực hiện Kế hoạch số 111-KH/TU ngày 06/3/2024 của Ban Thường vụ Tỉnh ủy về "
    "tuyên truyền (03/02/1930 - 03/02/2024), Ban Thường vụ Huyện ủy xây dựng kế hoạch:\n\n"
    "I. MỤC ĐÍCH, YÊU CẦU\n\nNâng cao nhận thức.\n\n"
    "II. THỜI GIAN\n\n- Hội nghị quán triệt ngày **12/3/2026**.\n\n"
    "III. TỔ CHỨC THỰC HIỆN\n\n1. Các chi bộ\n\n- Quán triệt đến đảng viên.\n\n"
    "- Báo cáo kết quả về Huyện ủy **trước ngày 15/3/2026**.\n\n"
    "2. Ban Tuyên giáo Huyện ủy: Theo dõi, đôn đốc.\n\n"
    "Nơi nhận:\n- Ban Tuyên giáo Tỉnh ủy,\n- Các chi bộ,\n- Lưu Văn phòng Huyện ủy.\n\n"
    "T/M BAN THƯỜNG VỤ\nBÍ THƯ\n\nNguyễn Văn A\n";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    kh_diags d = {0};
    d.limit = 1000;
    kh_src doc = {0};
    kh_import_map map = {0};
    if (kh_read_text("fuzz.txt", plan, sizeof plan - 1, &doc, &d) == 0) {
        for (size_t i = 0; i < doc.n; i++) {
            char name[16];
            snprintf(name, sizeof name, "_kh%zu", i + 1);
            kh_meta_add_mark(&doc.meta, name, i);
        }
        kh_docx_meta_parse("fuzz.docx", "customXml/item1.xml", (const char *)data, size,
                           &doc.meta, &d);
        kh_buf y = {0};
        kh_recognise(&doc, &y, &map, &d);
        kh_meta_apply(&doc, &y, &map, &d);
        kh_diags ld = {0};
        kh_plan *p = kh_load_buffer("fuzz.yaml", kh_buf_str(&y), y.len, &ld);
        for (size_t i = 0; i < ld.n; i++)
            if (!strcmp(ld.v[i].id, "LOAD-SYNTAX") || !strcmp(ld.v[i].id, "LOAD-DUP-KEY"))
                abort(); /* a record broke the YAML */
        kh_import_relocate(&ld, "fuzz.yaml", &doc, &map);
        kh_plan_free(p);
        kh_diags_free(&ld);
        kh_buf_free(&y);
    }
    kh_import_map_free(&map);
    kh_src_free(&doc);
    kh_diags_free(&d);
    return 0;
}
