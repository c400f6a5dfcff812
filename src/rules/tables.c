/* tables.c — the data the rules consult, kept in one place so that a văn
 * phòng corrects it here: issuer codes of Party bodies (R-NUM-ISSUER-CODE,
 * R-REF-ISSUER-CODE). Matching is case- and tone-placement-insensitive:
 * the name is folded (kh_fold) and the entries are written folded (lower
 * case, ủy not uỷ; test_scan checks each entry in upper case and the old
 * placement). The other tables (typos, casings, aliases, titles) live in
 * tables.h as plain arrays. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scan.h"

/* The body's level: the cấp ủy whose code ends the symbol. Earliest match
 * in the name wins; at the same place, the longer entry. [SEED] and Party
 * practice (HD 36 Phụ lục 1 gives the pattern, not a full list) [3P]. */
static const struct { const char *name, *code; } levels[] = {
    {"ban chấp hành trung ương", "TW"},
    {"trung ương", "TW"},
    {"bộ chính trị", "TW"},
    {"ban bí thư", "TW"},
    {"đảng ủy khối", "ĐUK"},
    {"đảng ủy", "ĐU"},
    {"tỉnh ủy", "TU"},
    {"thành ủy", "TU"},
    {"thị ủy", "TU"},
    {"huyện ủy", "HU"},
    {"quận ủy", "QU"},
    {"chi bộ", "CB"},
};

/* An organ of the cấp ủy, written before the level's code. */
static const struct { const char *name, *code; } organs[] = {
    {"ban tuyên giáo", "BTG"},
    {"ban tổ chức", "BTC"},
    {"ban dân vận", "BDV"},
    {"ban nội chính", "BNC"},
    {"ủy ban kiểm tra", "UBKT"},
    {"văn phòng", "VP"},
    {"ban thường vụ", ""},
    {"thường trực", ""},
    {"ban chấp hành", ""},
    {"ban cán sự đảng", "BCSĐ"},
};

const char *kh_issuer_code_for(const char *body, char *buf)
{
    char *f = kh_fold(body);
    const char *organ = "";
    const char *rest = f;
    while (*rest == ' ')
        rest++;
    for (size_t i = 0; i < sizeof organs / sizeof organs[0]; i++) {
        size_t n = strlen(organs[i].name);
        if (!strncmp(rest, organs[i].name, n)) {
            organ = organs[i].code;
            rest += n;
            while (*rest == ' ')
                rest++;
            break;
        }
    }
    const char *best = NULL;
    size_t best_at = (size_t)-1, best_len = 0;
    for (size_t i = 0; i < sizeof levels / sizeof levels[0]; i++) {
        const char *hit = strstr(rest, levels[i].name);
        size_t at = hit ? (size_t)(hit - rest) : (size_t)-1;
        size_t n = strlen(levels[i].name);
        if (hit && (at < best_at || (at == best_at && n > best_len))) {
            best = levels[i].code;
            best_at = at;
            best_len = n;
        }
    }
    free(f);
    if (!best)
        return NULL;
    snprintf(buf, 32, "%s%s", organ, best);
    return buf;
}
