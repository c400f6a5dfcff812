/* fuzz_import_docx.c — libFuzzer target: any bytes as a .docx through the
 * importer (kh_import_read, kh_recognise, kh_meta_apply: kehoach's own data
 * in a DOCX it wrote) and the YAML it writes through the
 * loader. It must never crash, hang or leak; a refusal must say why; and the
 * YAML written must always parse (no LOAD-SYNTAX): the importer quotes
 * everything it copies. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "kehoach/import.h"
#include "kehoach/load.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    kh_diags d = {0};
    d.limit = 1000;
    kh_src doc = {0};
    kh_import_map map = {0};
    if (kh_import_read("fuzz.docx", (const char *)data, size, &doc, &d) != 0) {
        if (d.count[KH_ERROR] == 0)
            abort(); /* refused without saying why */
    } else {
        kh_buf y = {0};
        kh_recognise(&doc, &y, &map, &d);
        kh_meta_apply(&doc, &y, &map, &d);
        kh_diags ld = {0};
        kh_plan *p = kh_load_buffer("fuzz.yaml", kh_buf_str(&y), y.len, &ld);
        for (size_t i = 0; i < ld.n; i++)
            if (!strcmp(ld.v[i].id, "LOAD-SYNTAX"))
                abort(); /* the importer wrote YAML that does not parse */
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
