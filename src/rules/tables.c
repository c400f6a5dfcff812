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
    {"thành ủy", "TU"},  /* refined by city_level(): ThU below a tỉnh ủy */
    {"thị ủy", "TU"},
    {"huyện ủy", "HU"},
    {"quận ủy", "QU"},
    {"chi bộ", "CB"},
};

/* An organ of the cấp ủy, written before the level's code. */
static const struct { const char *name, *code; } organs[] = {
    /* The Ban Tuyên giáo and the Ban Dân vận of a cấp ủy, merged in 2025:
     * its guides are numbered …-HD/BTGDVTU [3P, unconfirmed]. Before "ban
     * tuyên giáo": the first prefix that matches wins. */
    {"ban tuyên giáo và dân vận", "BTGDV"},
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

/* Cities run by the centre (Luật Tổ chức chính quyền địa phương; Huế
 * since 2025): their thành ủy is a provincial cấp ủy, coded TU and directly
 * under the Central Committee. Folded. [S2] */
static const char *const central_cities[] = {
    "hà nội", "thành phố hồ chí minh", "tp hồ chí minh", "tp. hồ chí minh", "hồ chí minh",
    "hải phòng", "đà nẵng", "cần thơ", "huế",
};

static bool names_central_city(const char *after)
{
    while (*after == ' ')
        after++;
    for (size_t i = 0; i < sizeof central_cities / sizeof central_cities[0]; i++)
        if (!strncmp(after, central_cities[i], strlen(central_cities[i])))
            return true;
    return false;
}

/* The codes of body: *code the usual one, *alt a second one Party practice
 * also uses ("" when none). A thành ủy named after a city that is not run by
 * the centre is the cấp ủy of a provincial city: ThU (17-KH/ThU of Thành ủy
 * Vinh) [SEED-like, HD 36 gives the pattern]; a thành ủy whose city is not
 * named may be either; a thị ủy is TU, ThU also seen [3P, unconfirmed]. */
static const char *codes_for(const char *body, char *buf, char *alt)
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
    const char *best = NULL, *best_name = NULL, *best_hit = NULL;
    size_t best_at = (size_t)-1, best_len = 0;
    for (size_t i = 0; i < sizeof levels / sizeof levels[0]; i++) {
        const char *hit = strstr(rest, levels[i].name);
        size_t at = hit ? (size_t)(hit - rest) : (size_t)-1;
        size_t n = strlen(levels[i].name);
        if (hit && (at < best_at || (at == best_at && n > best_len))) {
            best = levels[i].code;
            best_name = levels[i].name;
            best_hit = hit;
            best_at = at;
            best_len = n;
        }
    }
    if (alt)
        alt[0] = '\0';
    if (best && !strcmp(best_name, "thành ủy")) {
        const char *after = best_hit + best_len;
        bool named = after[strspn(after, " ")] != '\0';
        if (named && !names_central_city(after))
            best = "ThU";
        else if (!named && alt)
            snprintf(alt, 32, "%sThU", organ);
    } else if (best && !strcmp(best_name, "thị ủy") && alt) {
        snprintf(alt, 32, "%sThU", organ);
    }
    free(f);
    if (!best)
        return NULL;
    snprintf(buf, 32, "%s%s", organ, best);
    return buf;
}

const char *kh_issuer_code_for(const char *body, char *buf)
{
    return codes_for(body, buf, NULL);
}

bool kh_issuer_code_fits(const char *body, const char *code, char *want)
{
    char alt[32];
    if (!codes_for(body, want, alt))
        return true; /* an unknown body: nothing to judge */
    return !strcmp(code, want) || (alt[0] && !strcmp(code, alt));
}

bool kh_issuer_under_central(const char *body)
{
    char code[32];
    if (!kh_issuer_code_for(body, code))
        return false;
    if (strstr(code, "TW"))
        return true;
    char *f = kh_fold(body);
    const char *s = f + strspn(f, " ");
    static const char *const collective[] = {"ban thường vụ ", "thường trực ", "ban chấp hành "};
    for (size_t i = 0; i < sizeof collective / sizeof collective[0]; i++)
        if (!strncmp(s, collective[i], strlen(collective[i])))
            s += strlen(collective[i]);
    bool r = false;
    /* The cấp ủy itself (no organ before it): a tỉnh ủy, the thành ủy of a
     * centrally-run city, an Đảng ủy Khối or other đảng ủy "Trung ương"
     * (Đảng ủy Khối các cơ quan Trung ương, Đảng ủy Quân sự Trung ương). */
    if (!strncmp(s, "tỉnh ủy", strlen("tỉnh ủy")))
        r = true;
    else if (!strncmp(s, "thành ủy", strlen("thành ủy")))
        r = names_central_city(s + strlen("thành ủy"));
    else if (!strncmp(s, "đảng ủy", strlen("đảng ủy")))
        r = strstr(s, "trung ương") != NULL || strstr(s, "chính phủ") != NULL ||
            strstr(s, "quốc hội") != NULL;
    free(f);
    return r;
}

/* The central bodies a plan cites, each one issuer (Bộ Chính trị and Ban
 * Bí thư issue apart, though both code TW): an index, or -1. */
int kh_central_body(const char *name)
{
    static const struct { const char *w; int id; } bodies[] = {
        {"bộ chính trị", 1}, {"ban bí thư", 2}, {"ban chấp hành trung ương", 3},
        {"trung ương đảng", 3}, {"quốc hội", 4}, {"ủy ban thường vụ quốc hội", 5},
        {"thủ tướng chính phủ", 6}, {"chính phủ", 7},
    };
    char *f = kh_fold(name);
    int id = -1;
    for (size_t i = 0; i < sizeof bodies / sizeof bodies[0] && id < 0; i++)
        if (!strncmp(f, bodies[i].w, strlen(bodies[i].w)))
            id = bodies[i].id;
    free(f);
    return id;
}
