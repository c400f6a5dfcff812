/* rules_recipients.c — catalogue B.7 (Nơi nhận), and R-UNIT-RECIPIENT of
 * B.6 (every unit given a task receives the plan). Punctuation and the Lưu
 * style come from the profile. */
#include <stdlib.h>
#include <string.h>

#include "kehoach/profile.h"
#include "kehoach/text.h"
#include "rule.h"
#include "scan.h"

static const char *trim_end(const char *s, size_t *n)
{
    *n = strlen(s);
    while (*n && s[*n - 1] == ' ')
        (*n)--;
    return s;
}

static bool ends_with(const char *s, const char *end)
{
    size_t n, m = strlen(end);
    trim_end(s, &n);
    return n >= m && !memcmp(s + n - m, end, m);
}

void rule_recip_present(const kh_plan *p, kh_rule_ctx *cx)
{
    size_t lines = 0, archive = 0;
    for (size_t i = 0; i < p->n_recipients; i++) {
        lines += p->recipients[i].kind == KH_RECIP_LINE;
        archive += p->recipients[i].kind == KH_RECIP_ARCHIVE;
    }
    const kh_profile *pf = kh_profile_get(p->profile);
    kh_pos pos = p->n_recipients ? p->recipients[0].pos : p->signature.pos;
    if (!lines)
        kh_report(cx, pos,
                  "Nơi nhận lists no recipient; add the bodies that receive the plan",
                  "Nơi nhận chưa có nơi nhận nào; thêm các cơ quan, đơn vị nhận kế hoạch");
    if (!archive)
        kh_report(cx, p->n_recipients ? p->recipients[p->n_recipients - 1].pos : pos,
                  "Nơi nhận has no archive line; end it with '%sVăn phòng …%s'",
                  "Nơi nhận thiếu dòng lưu; kết thúc bằng '%sVăn phòng …%s'",
                  pf->archive_prefix, pf->recipient_last_end);
}

void rule_recip_luu_last(const kh_plan *p, kh_rule_ctx *cx)
{
    for (size_t i = 0; i + 1 < p->n_recipients; i++)
        if (p->recipients[i].kind == KH_RECIP_ARCHIVE) {
            kh_report(cx, p->recipients[i].pos,
                      "the archive line '%s' must come last in Nơi nhận; move it to the end",
                      "dòng lưu '%s' phải ở cuối Nơi nhận; chuyển xuống cuối",
                      p->recipients[i].text.s);
            return;
        }
}

void rule_recip_luu_style(const kh_plan *p, kh_rule_ctx *cx)
{
    const kh_profile *pf = kh_profile_get(p->profile);
    for (size_t i = 0; i < p->n_recipients; i++) {
        const kh_recipient *r = &p->recipients[i];
        if (r->kind != KH_RECIP_ARCHIVE || !strncmp(r->text.s, pf->archive_prefix, strlen(pf->archive_prefix)))
            continue;
        const char *rest = r->text.s + strlen("Lưu");
        rest += strspn(rest, " :");
        char *vf = kh_vi_fmt("thể thức {P} viết dòng lưu là '%s%s' (dấu hai chấm sau 'Lưu' là thể thức nhà nước); viết '%s%s'", pf);
        kh_report(cx, r->text.pos,
                  "the %s profile writes the archive line '%s%s' (the colon after 'Lưu' is the state style); write '%s%s'",
                  vf, pf->name, pf->archive_prefix, "…", pf->archive_prefix, rest);
        free(vf);
    }
}

void rule_recip_punct(const kh_plan *p, kh_rule_ctx *cx)
{
    const kh_profile *pf = kh_profile_get(p->profile);
    size_t last = p->n_recipients;
    for (size_t i = 0; i < p->n_recipients; i++)
        if (p->recipients[i].kind != KH_RECIP_LABEL)
            last = i;
    for (size_t i = 0; i < p->n_recipients; i++) {
        const kh_recipient *r = &p->recipients[i];
        if (r->kind == KH_RECIP_LABEL || !r->text.s || ends_with(r->text.s, ":"))
            continue;
        const char *want = i == last ? pf->recipient_last_end : pf->recipient_line_end;
        if (ends_with(r->text.s, want))
            continue;
        size_t n;
        trim_end(r->text.s, &n);
        kh_report(cx, kh_text_locate(&r->text, n),
                  "recipient line '%s' should end with '%s' (each line ends '%s', the last '%s')",
                  "dòng nơi nhận '%s' phải kết thúc bằng '%s' (mỗi dòng kết thúc bằng '%s', dòng cuối bằng '%s')",
                  r->text.s, want, pf->recipient_line_end, pf->recipient_last_end);
    }
}

/* The rank of a body's level: TW 4, province 3, district 2, grassroots 1. */
static int level_rank(const char *name)
{
    char code[32];
    if (!name || !kh_issuer_code_for(name, code))
        return 0;
    size_t n = strlen(code);
    static const struct { const char *suffix; int rank; } ranks[] = {
        {"TW", 4}, {"ĐUK", 3}, {"ThU", 2}, {"TU", 3}, {"HU", 2}, {"QU", 2}, {"ĐU", 1}, {"CB", 0}};
    for (size_t i = 0; i < sizeof ranks / sizeof ranks[0]; i++) {
        size_t m = strlen(ranks[i].suffix);
        if (n >= m && !strcmp(code + n - m, ranks[i].suffix))
            return ranks[i].rank;
    }
    return 0;
}

void rule_recip_role(const kh_plan *p, kh_rule_ctx *cx)
{
    const kh_profile *pf = kh_profile_get(p->profile);
    int mine = level_rank(p->issuer.s);
    /* The report markers offices type themselves: with `role: report` the
     * profile's own is printed too, so the line would say it twice. */
    static const char *const typed[] = {"(để b/c)", "(b/c)", "(để báo cáo)", "(báo cáo)",
                                        "(để BC)", "(BC)"};
    for (size_t i = 0; i < p->n_recipients; i++) {
        const kh_recipient *r = &p->recipients[i];
        if (r->kind != KH_RECIP_LINE || !r->text.s || r->role != KH_ROLE_REPORT ||
            strstr(r->text.s, pf->role_report))
            continue;
        for (size_t k = 0; k < sizeof typed / sizeof typed[0]; k++) {
            const char *at = strstr(r->text.s, typed[k]);
            if (!at)
                continue;
            kh_report_sev(cx, KH_WARNING, kh_text_locate(&r->text, (size_t)(at - r->text.s)),
                      "'%s' already says '%s', and 'role: report' prints '%s' after it: the line would say it twice; remove '%s' from the name",
                      "'%s' đã ghi '%s', và 'role: report' in thêm '%s': dòng này sẽ ghi hai lần; bỏ '%s' khỏi tên",
                      r->text.s, typed[k], pf->role_report, typed[k]);
            break;
        }
    }
    if (!mine)
        return;
    for (size_t i = 0; i < p->n_recipients; i++) {
        const kh_recipient *r = &p->recipients[i];
        if (r->kind != KH_RECIP_LINE || r->role == KH_ROLE_REPORT || !r->text.s ||
            strstr(r->text.s, pf->role_report))
            continue;
        if (level_rank(r->text.s) > mine)
            kh_report(cx, r->pos,
                      "'%s' is above the issuer; a higher body receives the plan '%s': add 'role: report' (or put it in a 'group: report')",
                      "'%s' là cơ quan cấp trên; cơ quan cấp trên nhận kế hoạch '%s': thêm 'role: report' (hoặc đưa vào 'group: report')",
                      r->text.s, pf->role_report);
    }
}

/* A recipient line as a comparable key: folded, without the role marker and
 * the final punctuation. malloc'd. */
static char *expand(const char *s);

/* A recipient line as a key: folded, its abbreviations written out (`UBND
 * huyện` and `Ủy ban nhân dân huyện` are one recipient), the report marker
 * and the end punctuation left out. */
static char *recip_key(const char *s, const kh_profile *pf)
{
    char *f = expand(s);
    char *marker = kh_fold(pf->role_report);
    char *m = strstr(f, marker);
    if (m)
        memmove(m, m + strlen(marker), strlen(m + strlen(marker)) + 1);
    free(marker);
    size_t n = strlen(f);
    while (n && strchr(" ,.;", f[n - 1]))
        f[--n] = '\0';
    return f;
}

/* For each entry of `idx` (n indices into `str`), the first index in the
 * list whose string is the same: one sort instead of comparing every pair
 * (2,000 recipients made 2 million comparisons: a fuzz_check timeout). */
typedef struct keyed {
    const char *s;
    size_t i;
} keyed;

static int cmp_keyed(const void *a, const void *b)
{
    const keyed *x = a, *y = b;
    int c = strcmp(x->s, y->s);
    return c ? c : (x->i > y->i) - (x->i < y->i);
}

static void first_same(keyed *v, size_t n, size_t *first)
{
    qsort(v, n, sizeof *v, cmp_keyed);
    for (size_t k = 0, head = 0; k < n; k++) {
        if (k && strcmp(v[k].s, v[head].s))
            head = k;
        first[v[k].i] = v[head].i;
    }
}

void rule_recip_dup(const kh_plan *p, kh_rule_ctx *cx)
{
    const kh_profile *pf = kh_profile_get(p->profile);
    size_t n = p->n_recipients;
    /* Each line's key once (folding it for every pair took 3 s for 2,000
     * recipients; found by fuzz_check). Two lines are the same recipient
     * when their keys are equal or they name the same unit. */
    char **key = kh_xcalloc(n ? n : 1, sizeof *key);
    keyed *by_key = kh_xcalloc(n ? n : 1, sizeof *by_key);
    keyed *by_unit = kh_xcalloc(n ? n : 1, sizeof *by_unit);
    size_t *first_key = kh_xcalloc(n ? n : 1, sizeof *first_key);
    size_t *first_unit = kh_xcalloc(n ? n : 1, sizeof *first_unit);
    size_t nk = 0, nu = 0;
    for (size_t i = 0; i < n; i++) {
        const kh_recipient *a = &p->recipients[i];
        first_key[i] = first_unit[i] = i;
        if (a->kind != KH_RECIP_LINE || !a->text.s)
            continue;
        key[i] = recip_key(a->text.s, pf);
        by_key[nk++] = (keyed){key[i], i};
        if (a->unit.s)
            by_unit[nu++] = (keyed){a->unit.s, i};
    }
    first_same(by_key, nk, first_key);
    first_same(by_unit, nu, first_unit);
    for (size_t i = 0; i < n; i++) {
        size_t j = first_key[i] < first_unit[i] ? first_key[i] : first_unit[i];
        if (!key[i] || j == i)
            continue;
        /* The copy to remove is the later one, unless only the later one
         * is linked to a unit (`unit:`): that one was written on purpose,
         * the plain line is the stray (a line typed over another). */
        size_t dup = i, first = j;
        if (p->recipients[i].unit.s && !p->recipients[j].unit.s) {
            dup = j;
            first = i;
        }
        kh_report(cx, p->recipients[dup].pos, "'%s' repeats a recipient; remove one",
                  "'%s' trùng với một nơi nhận; bỏ một dòng", p->recipients[dup].text.s);
        kh_report_note(cx, NULL, p->recipients[first].pos,
                       first < dup ? "the recipient first listed here"
                                   : "the recipient linked to its unit here",
                       first < dup ? "nơi nhận ghi lần đầu ở đây"
                                   : "nơi nhận gắn với đơn vị ở đây");
    }
    for (size_t i = 0; i < n; i++)
        free(key[i]);
    free(key);
    free(by_key);
    free(by_unit);
    free(first_key);
    free(first_unit);
}

void rule_recip_subhead(const kh_plan *p, kh_rule_ctx *cx)
{
    for (size_t i = 0; i < p->n_recipients; i++) {
        const kh_recipient *r = &p->recipients[i];
        if (r->kind == KH_RECIP_LINE && r->text.s && ends_with(r->text.s, ":"))
            kh_report(cx, r->pos,
                      "'%s' reads as a sub-label; write it '{label: \"%s\"}' so it is set apart (in italics) and not punctuated as a recipient",
                      "'%s' là tiêu đề phụ; viết '{label: \"%s\"}' để được trình bày riêng (in nghiêng) và không bị coi là một nơi nhận",
                      r->text.s, r->text.s);
    }
}

/* ---- R-UNIT-RECIPIENT ---- */

/* Abbreviations of Nơi nhận (format-rules B.6 #44), folded. */
static const char *const aliases[][2] = {
    /* `Ủy ban Mặt trận Tổ quốc Việt Nam xã` is the `UBMTTQ xã` of Nơi nhận:
     * the country's name is left out of the short form. */
    {"mặt trận tổ quốc việt nam", "mặt trận tổ quốc"},
    {"ubmttq việt nam", "ủy ban mặt trận tổ quốc"}, {"mttq việt nam", "mặt trận tổ quốc"},
    {"ubnd", "ủy ban nhân dân"},     {"ubmttq", "ủy ban mặt trận tổ quốc"},
    {"mttq", "mặt trận tổ quốc"},    {"đ/c", "đồng chí"},
    {"ct - xh", "chính trị - xã hội"}, {"ct-xh", "chính trị - xã hội"},
    {"xd", "xây dựng"},              {"vpqu", "văn phòng quận ủy"},
    {"vphu", "văn phòng huyện ủy"},  {"vptu", "văn phòng tỉnh ủy"},
    {"tccs", "tổ chức cơ sở"},       {"btgqu", "ban tuyên giáo quận ủy"},
    {"btghu", "ban tuyên giáo huyện ủy"}, {"qu", "quận ủy"},
    {"hđnd", "hội đồng nhân dân"},   /* state plans: `Văn phòng HĐND và UBND xã` */
    /* The standing bodies and organs of a cấp ủy, as Nơi nhận shortens them
     * [SEED] 002 (`Các Ban XD Đảng và VPQU`) [3P]. */
    {"btv", "ban thường vụ"},        {"bch", "ban chấp hành"},
    {"ubkt", "ủy ban kiểm tra"},     {"btg", "ban tuyên giáo"},
    {"btgtu", "ban tuyên giáo tỉnh ủy"}, {"hu", "huyện ủy"},
};

/* Generic recipients that cover a kind of unit: (phrase in the recipient,
 * start of the unit's name, a word the unit's name must hold). */
static const char *const covers[][3] = {
    {"các ban", "ban ", "ủy"},
    {"cơ quan tham mưu", "ban ", "ủy"},
    {"cơ quan tham mưu", "văn phòng", "ủy"},
    {"chính trị - xã hội", "đoàn thanh niên", ""},
    {"chính trị - xã hội", "hội ", ""},
    {"chính trị - xã hội", "công đoàn", ""},
    {"các đoàn thể", "đoàn thanh niên", ""},
    {"các đoàn thể", "hội ", ""},
    {"các đoàn thể", "công đoàn", ""},
    /* "Các phòng thuộc Ban", "Các phòng, ban, ngành huyện": the phòng of a
     * ban or of a UBND; "Các chi bộ trực thuộc". Not "Các sở, ban, ngành
     * tỉnh" for a sở given tasks by name: state plans send the plan to the
     * sở in charge on its own line as well (plans/state/ubnd-tinh-nq57-2026). */
    {"các phòng", "phòng ", ""},
    {"các chi bộ", "chi bộ", ""},
};

static bool is_wordch(char c)
{
    return (c & 0x80) || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '/';
}

static char *expand(const char *s)
{
    char *f = kh_fold(s);
    kh_buf b = {0};
    for (const char *q = f; *q;) {
        bool done = false;
        if (q == f || !is_wordch(q[-1]))
            for (size_t i = 0; i < sizeof aliases / sizeof aliases[0]; i++) {
                if (*q != aliases[i][0][0])
                    continue; /* most aliases go by on their first byte */
                size_t n = strlen(aliases[i][0]);
                if (!strncmp(q, aliases[i][0], n) && !is_wordch(q[n])) {
                    kh_buf_puts(&b, aliases[i][1]);
                    q += n;
                    done = true;
                    break;
                }
            }
        if (!done)
            kh_buf_putc(&b, *q++);
    }
    free(f);
    kh_buf_puts(&b, "");
    char *r = kh_buf_take(&b);
    size_t n = strlen(r);
    while (n && strchr(" ,.;", r[n - 1]))
        r[--n] = '\0';
    return r;
}

static const char *skip_cac(const char *s)
{
    return !strncmp(s, "các ", strlen("các ")) ? s + strlen("các ") : s;
}

/* The body an archive line keeps the plan at: `Lưu Văn phòng Thành ủy.` →
 * `văn phòng thành ủy`; `Lưu: VT, VHKHTT.` → `vt, vhkhtt` (a unit that
 * keeps the copy has received it). malloc'd. */
static char *archive_body(const char *line)
{
    char *e = expand(line);
    const char *q = e;
    if (!strncmp(q, "lưu", strlen("lưu")))
        q += strlen("lưu");
    q += strspn(q, " :");
    char *r = kh_strdup(q);
    free(e);
    return r;
}

/* The unit is the issuer itself (`Thành ủy`, `Thành ủy Vinh`) or its
 * standing bodies: a plan is not sent to the body that issues it. */
static bool is_issuer_organ(const kh_plan *p, const char *unit)
{
    static const char *const organs[] = {"ban thường vụ ", "thường trực ", "ban chấp hành "};
    char *fi = kh_fold(p->issuer.s ? p->issuer.s : "");
    size_t un = strlen(unit);
    /* `Thành ủy` for `Thành ủy Vinh`: the issuer's name cut at a word end,
     * still holding its level word (`ủy`, `ban`, `đảng`). */
    bool r = !strcmp(unit, fi) ||
             (un && !strncmp(fi, unit, un) && fi[un] == ' ' &&
              (strstr(unit, "ủy") || strstr(unit, "đảng bộ")));
    for (size_t i = 0; i < 3 && !r; i++) {
        size_t n = strlen(organs[i]);
        if (strncmp(unit, organs[i], n))
            continue;
        /* `Ban Thường vụ Quận ủy` for the issuer `Quận ủy Hai Bà Trưng`. */
        const char *lvl = unit + n;
        r = !strncmp(fi, lvl, strlen(lvl)) || strstr(fi, lvl) != NULL;
    }
    free(fi);
    return r;
}

#define N_COVERS (sizeof covers / sizeof covers[0])

/* What R-UNIT-RECIPIENT compares, folded once per run rather than once per
 * unit and recipient pair. */
typedef struct recip_match {
    kh_rule_ctx *cx;
    char **names;            /* expanded recipient lines (NULL: not a line) */
    char *covers_f[N_COVERS][3];
    bool no_covers;          /* a higher body: "Các ban …" means the issuer's own */
} recip_match;

static bool name_covered(const recip_match *m, const char *name);

/* Word i of folded s (words apart by single spaces): its offset, or -1. */
static long word_start(const char *s, size_t i)
{
    size_t k = 0;
    for (const char *q = s; *q; q++)
        if (q == s || q[-1] == ' ') {
            if (k++ == i)
                return q - s;
        }
    return -1;
}

static bool level_word_at(const char *s)
{
    static const char *const levels[] = {"xã", "phường", "thị trấn", "huyện", "quận", "thị xã",
                                         "thành phố", "tỉnh", "đặc khu"};
    for (size_t i = 0; i < sizeof levels / sizeof levels[0]; i++) {
        size_t n = strlen(levels[i]);
        if (!strncmp(s, levels[i], n) && (s[n] == ' ' || s[n] == '\0'))
            return true;
    }
    return false;
}

/* A Nơi nhận line linked to a unit (`unit: id`) that names another body:
 * the two names share their first words and then differ in a level
 * (`Công an phường` / `Công an thành phố`), or are two bans of one cấp
 * ủy (`Ban Tổ chức Thành ủy` / `Ban Dân vận Thành ủy`). Other differences
 * (a shorter name, an abbreviation, a group of bodies) are not judged. */
static bool names_another_body(const char *unit, const char *line)
{
    char *u = expand(unit), *r = expand(line);
    const char *uc = skip_cac(u), *rc = skip_cac(r);
    bool differ = false;
    if (!strstr(uc, rc) && !strstr(rc, uc)) {
        size_t w = 0;
        long a, b;
        while ((a = word_start(uc, w)) >= 0 && (b = word_start(rc, w)) >= 0) {
            const char *x = uc + a, *y = rc + b;
            size_t n = strcspn(x, " ");
            if (n != strcspn(y, " ") || strncmp(x, y, n))
                break;
            w++;
        }
        a = word_start(uc, w);
        b = word_start(rc, w);
        if (w >= 1 && a >= 0 && b >= 0 && level_word_at(uc + a) && level_word_at(rc + b))
            differ = true;
        /* two bans of one cấp ủy: "ban X <level ủy>" and "ban Y <level ủy>" */
        const char *ku = strstr(uc, " ủy"), *kr = strstr(rc, " ủy");
        if (!differ && w == 1 && !strncmp(uc, "ban ", 4) && !strncmp(rc, "ban ", 4) && ku && kr &&
            strncmp(uc, "ban thường vụ", strlen("ban thường vụ")) &&
            strncmp(rc, "ban thường vụ", strlen("ban thường vụ"))) {
            /* the same cấp ủy after the ban's name: its last two words */
            const char *lu = uc + strlen(uc), *lr = rc + strlen(rc);
            for (int k = 0; k < 2 && lu > uc; k++)
                while (--lu > uc && lu[-1] != ' ')
                    ;
            for (int k = 0; k < 2 && lr > rc; k++)
                while (--lr > rc && lr[-1] != ' ')
                    ;
            differ = !strcmp(lu, lr) && strstr(lu, "ủy");
        }
    }
    free(u);
    free(r);
    return differ;
}

/* Whether unit u receives the plan; *missing (malloc'd, or NULL): the body
 * of a unit of several that does not. */
static bool unit_covered(const recip_match *m, const kh_unit *u, char **missing)
{
    *missing = NULL;
    const kh_plan *p = m->cx->plan;
    for (size_t i = 0; i < p->n_recipients; i++)
        if (u->id.s && p->recipients[i].unit.s && !strcmp(u->id.s, p->recipients[i].unit.s))
            return true;
    if (!u->name.s)
        return true;
    /* "Các sở, ban, ngành tỉnh; Ủy ban nhân dân các xã, phường": a unit
     * of several bodies apart by ';' is covered when each of them is. */
    if (strchr(u->name.s, ';')) {
        bool all = true;
        for (const char *a = u->name.s; all && *a;) {
            const char *b = strchr(a, ';');
            char *part = kh_strndup(a, b ? (size_t)(b - a) : strlen(a));
            char *t = part + strspn(part, " ");
            all = !*t || name_covered(m, t);
            if (!all)
                *missing = kh_strdup(t);
            free(part);
            a = b ? b + 1 : a + strlen(a);
        }
        return all;
    }
    return name_covered(m, u->name.s);
}

/* The unit `core` is the archive line's office `rcore` with the issuer's
 * level or place after it: `văn phòng đảng ủy xã` kept at `Lưu Văn phòng
 * Đảng ủy.` of the Đảng ủy xã Thạch Lạc (the rest, `xã`, is words of the
 * issuer's name). */
static bool archive_of_issuer(const kh_plan *p, const char *core, const char *rcore)
{
    size_t n = strlen(rcore);
    if (!n || strncmp(core, rcore, n) || core[n] != ' ' || !p->issuer.s)
        return false;
    char *fi = kh_fold(p->issuer.s);
    const char *rest = core + n + 1;
    size_t fl = strlen(fi), at = kh_find_word(fi, fl, 0, rest);
    free(fi);
    return *rest && at < fl;
}

/* A group line `Các đảng viên trong Chi bộ` covers the unit `đảng viên
 * được phân công giúp đỡ`: the unit's name begins with the group's noun
 * (its first two words), a part of that group (a false alarm of the blind
 * batch 9). */
static bool group_covers(const char *rn, const char *core)
{
    if (strncmp(rn, "các ", strlen("các ")))
        return false;
    const char *g = rn + strlen("các ");
    const char *sp = strchr(g, ' ');
    sp = sp ? strchr(sp + 1, ' ') : NULL;
    size_t n = sp ? (size_t)(sp - g) : strlen(g);
    return n >= 5 && !strncmp(core, g, n) && (core[n] == ' ' || core[n] == '\0');
}

/* Whether a recipient line (or the issuer itself) names the body `name`. */
static bool name_covered(const recip_match *m, const char *name)
{
    const kh_plan *p = m->cx->plan;
    char *un = expand(name);
    bool ok = is_issuer_organ(p, un);
    const char *core = skip_cac(un);
    for (size_t i = 0; i < p->n_recipients && !ok; i++) {
        const char *rn = m->names[i];
        if (!rn)
            continue;
        const char *rcore = skip_cac(rn);
        if (p->recipients[i].kind == KH_RECIP_ARCHIVE) {
            /* the Lưu line keeps the issuer's copy at one office: it
             * stands for that office alone (Lưu Chi bộ is no copy for the
             * Chi ủy Chi bộ) */
            ok = !strcmp(core, rcore) || archive_of_issuer(p, core, rcore);
            continue;
        }
        ok = strstr(rn, core) || (strlen(rcore) > 6 && strstr(un, rcore)) ||
             group_covers(rn, core);
        for (size_t k = 0; k < N_COVERS && !ok && !m->no_covers; k++) {
            char *const *c = m->covers_f[k];
            ok = strstr(rn, c[0]) && !strncmp(core, c[1], strlen(c[1])) && strstr(core, c[2]);
        }
    }
    free(un);
    return ok;
}

/* The Nơi nhận line linked to unit u that names another body, or NULL. */
static const kh_recipient *linked_to_another(const kh_plan *p, const kh_unit *u)
{
    if (!u->id.s || !u->name.s)
        return NULL;
    for (size_t i = 0; i < p->n_recipients; i++) {
        const kh_recipient *r = &p->recipients[i];
        if (r->unit.s && r->text.s && !strcmp(r->unit.s, u->id.s) &&
            names_another_body(u->name.s, r->text.s))
            return r;
    }
    return NULL;
}

static void units_recipients(const kh_section *s, int depth, const char *number, void *ctx)
{
    const recip_match *m = ctx;
    kh_rule_ctx *cx = m->cx;
    for (size_t i = 0; i < s->n_units; i++) {
        const kh_unit *u = &s->units[i];
        char *missing = NULL;
        const kh_recipient *other = linked_to_another(cx->plan, u);
        if (other) {
            kh_report(cx, other->text.pos,
                      "the Nơi nhận line '%s' is linked to unit '%s' (unit: %s) but names another body; name the unit, or add its own line",
                      "dòng nơi nhận '%s' gắn với đơn vị '%s' (unit: %s) nhưng ghi tên cơ quan khác; ghi đúng tên đơn vị, hoặc thêm dòng riêng cho đơn vị",
                      other->text.s, u->name.s, u->id.s);
            continue;
        }
        if (unit_covered(m, u, &missing))
            continue;
        if (missing)
            kh_report(cx, u->name.pos,
                      "unit '%s' is given tasks but '%s', one of its bodies, does not receive the plan: add it to Nơi nhận",
                      "đơn vị '%s' được giao nhiệm vụ nhưng '%s', một trong các cơ quan của đơn vị, không có trong Nơi nhận: bổ sung vào Nơi nhận",
                      u->name.s, missing);
        else if (u->id.s)
            kh_report(cx, u->name.pos,
                      "unit '%s' is given tasks but does not receive the plan: add it to Nơi nhận ('- name: …, unit: %s')",
                      "đơn vị '%s' được giao nhiệm vụ nhưng không có trong Nơi nhận: bổ sung vào Nơi nhận ('- name: …, unit: %s')",
                      u->name.s, u->id.s);
        else
            kh_report(cx, u->name.pos,
                      "unit '%s' is given tasks but does not receive the plan: add it to Nơi nhận (give the unit an 'id:' and the recipient line 'unit: <id>')",
                      "đơn vị '%s' được giao nhiệm vụ nhưng không có trong Nơi nhận: bổ sung vào Nơi nhận (đặt 'id:' cho đơn vị và 'unit: <id>' cho dòng nơi nhận)",
                      u->name.s);
        free(missing);
    }
}

static void recip_match_init(recip_match *m, const kh_plan *p, kh_rule_ctx *cx)
{
    *m = (recip_match){cx, kh_xcalloc(p->n_recipients + 1, sizeof(char *)), {{0}}, false};
    for (size_t i = 0; i < p->n_recipients; i++) {
        const kh_recipient *r = &p->recipients[i];
        if (!r->text.s)
            continue;
        if (r->kind == KH_RECIP_LINE)
            m->names[i] = expand(r->text.s);
        else if (r->kind == KH_RECIP_ARCHIVE)
            m->names[i] = archive_body(r->text.s);
    }
    for (size_t k = 0; k < N_COVERS; k++)
        for (int j = 0; j < 3; j++)
            m->covers_f[k][j] = kh_fold(covers[k][j]);
}

static void recip_match_free(recip_match *m, const kh_plan *p)
{
    for (size_t i = 0; i < p->n_recipients; i++)
        free(m->names[i]);
    free(m->names);
    for (size_t k = 0; k < N_COVERS; k++)
        for (int j = 0; j < 3; j++)
            free(m->covers_f[k][j]);
}

void rule_unit_recipient(const kh_plan *p, kh_rule_ctx *cx)
{
    recip_match m;
    recip_match_init(&m, p, cx);
    kh_plan_walk_sections(p, units_recipients, &m);
    recip_match_free(&m, p);
}

/* ---- R-RECIP-IMPLEMENTED ----
 * The body whose document the plan implements is sent it, to report (seeds
 * 001, 002, 004, 005 all do: "Ban Thường vụ Thành ủy (để báo cáo)"). Its
 * Thường trực stands for its Ban Thường vụ ("Thường trực Đảng ủy Khối" for
 * the Ban Thường vụ Đảng ủy Khối …). A central body (Bộ Chính trị, Ban Bí
 * thư …) is not sent a local plan; a body is noted once. Party plans only: a state plan
 * reports to the department in charge as often; and "usually", so a
 * note. */
void rule_recip_implemented(const kh_plan *p, kh_rule_ctx *cx)
{
    if (!p->n_implements || !p->n_recipients)
        return;
    recip_match m;
    recip_match_init(&m, p, cx);
    m.no_covers = true;
    for (size_t i = 0; i < p->n_implements; i++) {
        const kh_text *who = &p->implements[i].issuer;
        if (kh_text_empty(who) || name_covered(&m, who->s) || kh_central_body(who->s) >= 0)
            continue; /* a central body is not sent a local plan */
        bool said = false; /* one note per body, not per document */
        for (size_t k = 0; k < i && !said; k++)
            said = p->implements[k].issuer.s && !strcmp(p->implements[k].issuer.s, who->s);
        if (said)
            continue;
        char *f = kh_fold(who->s);
        bool covered = false;
        static const char *const standing[][2] = {{"ban thường vụ ", "thường trực "},
                                                  {"thường trực ", "ban thường vụ "}};
        for (size_t k = 0; k < 2 && !covered; k++) {
            size_t n = strlen(standing[k][0]);
            if (strncmp(f, standing[k][0], n))
                continue;
            kh_buf alt = {0};
            kh_buf_printf(&alt, "%s%s", standing[k][1], f + n);
            covered = name_covered(&m, kh_buf_str(&alt));
            kh_buf_free(&alt);
        }
        free(f);
        if (!covered)
            kh_report(cx, who->pos,
                      "'%s', whose document this plan implements, is not in Nơi nhận; it usually receives the plan, to report: add it (role: report)",
                      "'%s', cơ quan ban hành văn bản mà kế hoạch này triển khai, không có trong Nơi nhận; thường gửi để báo cáo: bổ sung (role: report)",
                      who->s);
    }
    recip_match_free(&m, p);
}
