/* rules_header.c — catalogue B.1 (header and identity), B.2 (place and
 * date) and B.3 (title): the number, the issuer, the date line, the tên
 * loại and the trích yếu. Profile values come from kh_profile_get(). */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "kehoach/profile.h"
#include "kehoach/text.h"
#include "rule.h"
#include "scan.h"

/* ---- the number ---- */

typedef struct number_parts {
    bool present;
    bool so;          /* typed with `Số` */
    bool colon;       /* `Số:` */
    size_t core;      /* offset of the number proper in t->s */
    const char *s;    /* the number proper */
    bool blank;       /* no digits: `-KH/HU` */
} number_parts;

static number_parts number_split(const kh_plan *p)
{
    number_parts n = {0};
    const char *s = p->number.s;
    if (!s || kh_text_empty(&p->number))
        return n;
    n.present = true;
    size_t i = 0;
    while (s[i] == ' ')
        i++;
    if (!strncmp(s + i, "Số", strlen("Số")) || !strncmp(s + i, "số", strlen("số"))) {
        n.so = true;
        i += strlen("Số");
        while (s[i] == ' ')
            i++;
        if (s[i] == ':') {
            n.colon = true;
            i++;
        }
        while (s[i] == ' ')
            i++;
    }
    n.core = i;
    n.s = s + i;
    /* nothing before the separator: party `-KH/HU`, state `/KH-UBND` */
    char first = n.s[strspn(n.s, " ")];
    n.blank = first == '-' || first == '/';
    return n;
}

static bool upper_start(const char *s, size_t *i)
{
    if (s[*i] >= 'A' && s[*i] <= 'Z') {
        (*i)++;
        return true;
    }
    if (!strncmp(s + *i, "Đ", strlen("Đ"))) {
        *i += strlen("Đ");
        return true;
    }
    return false;
}

static void skip_code(const char *s, size_t *i)
{
    for (;;) {
        char c = s[*i];
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
            (*i)++;
        else if (!strncmp(s + *i, "Đ", strlen("Đ")) || !strncmp(s + *i, "đ", strlen("đ")))
            *i += 2;
        else
            return;
    }
}

/* `^[0-9]+-[A-ZĐ][A-Za-zĐđ]*\/[A-ZĐ][A-ZĐa-zđ0-9]*$` */
static bool number_well_formed(const char *s)
{
    size_t i = 0;
    while (s[i] >= '0' && s[i] <= '9')
        i++;
    if (i == 0 || s[i++] != '-' || !upper_start(s, &i))
        return false;
    skip_code(s, &i);
    if (s[i++] != '/' || !upper_start(s, &i))
        return false;
    skip_code(s, &i);
    return s[i] == '\0';
}

/* The number without spaces: a suggested fix. malloc'd. */
static char *number_unspaced(const char *s)
{
    kh_buf b = {0};
    for (; *s; s++)
        if (*s != ' ')
            kh_buf_putc(&b, *s);
    kh_buf_puts(&b, "");
    return kh_buf_take(&b);
}

void rule_num_format(const kh_plan *p, kh_rule_ctx *cx)
{
    number_parts n = number_split(p);
    if (!n.present || n.blank || number_well_formed(n.s))
        return;
    char *fix = number_unspaced(n.s);
    if (number_well_formed(fix))
        kh_report(cx, kh_text_locate(&p->number, n.core),
                  "number '%s' is not of the form N-XX/YYY (no spaces, one hyphen, one slash); write '%s'",
                  "số ký hiệu '%s' không đúng dạng N-XX/YYY (không có dấu cách, một gạch nối, một gạch chéo); viết '%s'",
                  n.s, fix);
    else
        kh_report(cx, kh_text_locate(&p->number, n.core),
                  "number '%s' is not of the form N-XX/YYY, e.g. '398-KH/ĐU' (number, hyphen, type code, slash, issuer code)",
                  "số ký hiệu '%s' không đúng dạng N-XX/YYY, ví dụ '398-KH/ĐU' (số, gạch nối, tên loại viết tắt, gạch chéo, ký hiệu cơ quan ban hành)",
                  n.s);
    free(fix);
}

/* The number as the profile writes it, for a suggestion: no spaces, and
 * the other profile's separators swapped (party 45-KH/UBND ↔ state
 * 45/KH-UBND), so that a fix never suggests a number still wrong. */
static char *number_suggested(const kh_plan *p, const char *s)
{
    char *u = number_unspaced(s);
    size_t d = strspn(u, "0123456789");
    char first = p->profile == KH_PROFILE_STATE ? '-' : '/';
    char second = p->profile == KH_PROFILE_STATE ? '/' : '-';
    char *a = d ? strchr(u, first) : NULL;
    if (a == u + d) {
        char *b = strchr(a + 1, second);
        if (b && !strchr(b + 1, first) && !strchr(b + 1, second)) {
            *a = second;
            *b = first;
        }
    }
    return u;
}

void rule_num_colon(const kh_plan *p, kh_rule_ctx *cx)
{
    const kh_profile *pf = kh_profile_get(p->profile);
    number_parts n = number_split(p);
    bool want_colon = strchr(pf->number_prefix, ':') != NULL;
    if (!n.present || !n.so || n.colon == want_colon)
        return;
    char *vf = kh_vi_fmt(n.colon ? "'Số:' có dấu hai chấm là thể thức văn bản nhà nước; thể thức {P} viết '%s%s', không có dấu hai chấm. Chỉ ghi số ký hiệu ('number: %s'): phần mềm tự thêm '%s'"
                                 : "thể thức {P} viết '%s%s', có dấu hai chấm. Chỉ ghi số ký hiệu ('number: %s'): phần mềm tự thêm '%s'",
                         pf);
    char *fix = number_suggested(p, n.s);
    if (n.colon)
        kh_report(cx, p->number.pos,
                  "'Số:' with a colon is the state style; the %s profile writes '%s%s' without a colon. Write only the number ('number: %s'): the renderer adds '%s'",
                  vf, pf->name, pf->number_prefix, fix, fix, pf->number_prefix);
    else
        kh_report(cx, p->number.pos,
                  "the %s profile writes '%s%s' with a colon. Write only the number ('number: %s'): the renderer adds '%s'",
                  vf, pf->name, pf->number_prefix, fix, fix, pf->number_prefix);
    free(fix);
    free(vf);
}

void rule_num_blank(const kh_plan *p, kh_rule_ctx *cx)
{
    number_parts n = number_split(p);
    kh_severity sev = cx->opts && cx->opts->draft ? KH_NOTE : cx->rule->severity;
    if (!n.present) {
        const char *code = p->issuer_code.s ? p->issuer_code.s : "…";
        const char *type = kh_profile_get(p->profile)->type_code;
        kh_buf ex = {0}; /* the profile's form: party N-KH/HU, state N/KH-UBND */
        if (p->profile == KH_PROFILE_STATE)
            kh_buf_printf(&ex, "N/%s-%s", type, p->issuer_code.s ? code : "UBND");
        else
            kh_buf_printf(&ex, "N-%s/%s", type, code);
        kh_report_sev(cx, sev, p->issuer.pos,
                      "the plan has no number; add 'number: %s' once the văn thư assigns it (or check with --draft)",
                      "kế hoạch chưa có số; thêm 'number: %s' khi văn thư cấp số (hoặc kiểm tra với --draft)",
                      kh_buf_str(&ex));
        kh_buf_free(&ex);
        return;
    }
    if (n.blank && sev == KH_NOTE)
        kh_report_sev(cx, sev, kh_text_locate(&p->number, n.core),
                      "the number is blank ('%s'): a draft; the văn thư fills it in at issuance",
                      "số văn bản còn để trống ('%s'): bản dự thảo; văn thư điền số khi ban hành", n.s);
    else if (n.blank)
        kh_report_sev(cx, sev, kh_text_locate(&p->number, n.core),
                      "the number is blank ('%s'): fill in the number before issuing (e.g. '125%s'), or check the draft with --draft",
                      "số văn bản còn để trống ('%s'): điền số trước khi ban hành (ví dụ '125%s'), hoặc kiểm tra bản dự thảo với --draft",
                      n.s, n.s + strspn(n.s, " "));
}

void rule_num_pad(const kh_plan *p, kh_rule_ctx *cx)
{
    number_parts n = number_split(p);
    if (!n.present || n.blank)
        return;
    if (n.s[0] >= '1' && n.s[0] <= '9' && !(n.s[1] >= '0' && n.s[1] <= '9'))
        kh_report(cx, kh_text_locate(&p->number, n.core),
                  "numbers below 10 take a leading zero: write '0%s'",
                  "số nhỏ hơn 10 phải thêm số 0 phía trước: viết '0%s'", n.s);
}

/* The type code between '-' and '/'; writes into buf. */
static const char *number_type(const char *s, char *buf, size_t n)
{
    const char *dash = strchr(s, '-'), *slash = dash ? strchr(dash, '/') : NULL;
    if (!dash || !slash)
        return NULL;
    const char *a = dash + 1;
    while (*a == ' ')
        a++;
    const char *b = slash;
    while (b > a && b[-1] == ' ')
        b--;
    snprintf(buf, n, "%.*s", (int)(b - a), a);
    return buf;
}

void rule_num_type(const kh_plan *p, kh_rule_ctx *cx)
{
    number_parts n = number_split(p);
    char type[32];
    const char *want = kh_profile_get(p->profile)->type_code;
    if (!n.present || !number_type(n.s, type, sizeof type) || !strcmp(type, want))
        return;
    if (p->doc_type.s && !kh_contains_ci(p->doc_type.s, "kế hoạch"))
        return;
    kh_report(cx, kh_text_locate(&p->number, n.core + (size_t)(strchr(n.s, '-') - n.s) + 1),
              "the type code of a Kế hoạch is '%s', not '%s'",
              "tên loại viết tắt của Kế hoạch là '%s', không phải '%s'", want, type);
}

/* The issuer code: explicit `issuer.code`, else the part after `/`. An
 * organ named without its cấp ủy ("Ban Tuyên giáo" under the superior line
 * "Tỉnh ủy Bắc Giang", as the header prints it) is judged by its full name,
 * the two lines read together: Ban Tuyên giáo Tỉnh ủy Bắc Giang, BTGTU. */
/* A state plan's code names the kind of body that issues it (NĐ 30/2020,
 * Phụ lục III: the abbreviation of the issuer's name): UBND belongs to an
 * Ủy ban nhân dân and HĐND to a Hội đồng nhân dân, so a Sở, a Phòng or a
 * school numbering with UBND typed its superior's code (seen in batch 7:
 * 35/KH-UBND for a Sở Khoa học và Công nghệ), and a UBND numbering with
 * another code the reverse. Codes of other bodies vary and are not judged. */
/* A Sở's code is S and the initials of its field (Sở Xây dựng: SXD; Sở
 * Nội vụ: SNV; Sở Giáo dục và Đào tạo: SGDĐT): a code whose field letter
 * is another's (SGTVT on a Sở Xây dựng plan, the code of the department it
 * was merged from) names another Sở. Only the first initial is compared,
 * as offices shorten the rest their own way (SNgV). */
static void so_code(const kh_plan *p, kh_rule_ctx *cx, const number_parts *n, const char *code,
                    size_t len)
{
    const char *f = p->issuer.s;
    if (strncmp(f, "Sở ", strlen("Sở ")) || len < 2 || code[0] != 'S')
        return;
    f += strlen("Sở ");
    uint32_t a, b;
    size_t ka = kh_utf8_next(f, strlen(f), &a), kb = kh_utf8_next(code + 1, len - 1, &b);
    if (!ka || !kb)
        return;
    a = (uint32_t)utf8proc_toupper((utf8proc_int32_t)a);
    if (a == b)
        return;
    char want[16] = "S";
    size_t w = 1;
    for (const char *q = f; *q && w + 5 < sizeof want;) {
        uint32_t cp;
        size_t k = kh_utf8_next(q, strlen(q), &cp);
        if (!k)
            break;
        size_t wl = strcspn(q, " ");
        if (!(wl == strlen("và") && !strncmp(q, "và", wl)))
            w += kh_utf8_encode((uint32_t)utf8proc_toupper((utf8proc_int32_t)cp), want + w);
        q += strcspn(q, " ");
        q += strspn(q, " ,-");
    }
    want[w] = '\0';
    kh_report(cx, kh_text_locate(&p->number, n->core + (size_t)(code - n->s)),
              "issuer code '%.*s' is not the code of '%s' (S and the initials of its field: '%s'); write the issuer's own code",
              "ký hiệu '%.*s' không phải của '%s' (S và chữ đầu tên lĩnh vực: '%s'); ghi ký hiệu của chính cơ quan ban hành",
              (int)len, code, p->issuer.s, want);
}

static void state_issuer_code(const kh_plan *p, kh_rule_ctx *cx)
{
    static const struct { const char *code, *name; } kinds[] = {
        {"UBND", "Ủy ban nhân dân"}, {"HĐND", "Hội đồng nhân dân"}};
    number_parts n = number_split(p);
    const char *dash = n.present && !n.blank ? strstr(n.s, "/KH-") : NULL;
    if (!dash || !p->issuer.s)
        return;
    char party[32];
    if (kh_issuer_code_for(p->issuer.s, party))
        return; /* a party body: R-AUTH-TYPE's error, not a second one */
    const char *code = dash + 4;
    size_t len = strcspn(code, " ,;");
    for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
        bool code_is = len == strlen(kinds[k].code) && !strncmp(code, kinds[k].code, len);
        char *fi = kh_fold(p->issuer.s), *fk = kh_fold(kinds[k].name);
        bool issuer_is = !strncmp(fi, fk, strlen(fk)) ||
                         !strncmp(p->issuer.s, kinds[k].code, strlen(kinds[k].code));
        bool part_of = !issuer_is && strstr(fi, fk); /* its Chủ tịch, its Văn phòng */
        free(fi);
        free(fk);
        if (code_is == issuer_is || part_of)
            continue;
        kh_pos pos = kh_text_locate(&p->number, n.core + (size_t)(code - n.s));
        if (code_is)
            kh_report(cx, pos,
                      "issuer code '%s' is the code of an %s, but the plan is issued by '%s'; write the issuer's own code",
                      "ký hiệu '%s' là của %s, nhưng kế hoạch do '%s' ban hành; ghi ký hiệu của chính cơ quan ban hành",
                      kinds[k].code, kinds[k].name, p->issuer.s);
        else
            kh_report(cx, pos,
                      "the issuer '%s' is an %s, whose code is '%s', not '%.*s'; correct the code",
                      "cơ quan ban hành '%s' là %s, ký hiệu là '%s', không phải '%.*s'; sửa ký hiệu",
                      p->issuer.s, kinds[k].name, kinds[k].code, (int)len, code);
        return;
    }
    so_code(p, cx, &n, code, len);
}

void rule_num_issuer_code(const kh_plan *p, kh_rule_ctx *cx)
{
    char want[32], code[32];
    if (!p->issuer.s)
        return;
    if (p->profile == KH_PROFILE_STATE) {
        state_issuer_code(p, cx);
        return;
    }
    kh_buf full = {0};
    kh_buf_puts(&full, p->issuer.s);
    if (!kh_issuer_code_for(p->issuer.s, want) && p->superior.s) {
        char level[32] = "";
        kh_issuer_code_for(p->superior.s, level);
        kh_buf_printf(&full, " %s", p->superior.s);
        if (!kh_issuer_code_for(kh_buf_str(&full), want) || !strcmp(want, level)) {
            kh_buf_free(&full); /* not an organ of the superior: nothing to judge */
            return;
        }
    } else if (!kh_issuer_code_for(p->issuer.s, want)) {
        kh_buf_free(&full);
        return;
    }
    kh_pos pos;
    if (p->issuer_code.s) {
        snprintf(code, sizeof code, "%s", p->issuer_code.s);
        pos = p->issuer_code.pos;
    } else {
        number_parts n = number_split(p);
        const char *slash = n.present ? strchr(n.s, '/') : NULL;
        if (!slash)
            return;
        const char *a = slash + 1;
        while (*a == ' ')
            a++;
        snprintf(code, sizeof code, "%s", a);
        pos = kh_text_locate(&p->number, (size_t)(a - p->number.s));
    }
    if (!kh_issuer_code_fits(kh_buf_str(&full), code, want))
        kh_report(cx, pos,
                  "issuer code '%s' does not fit the issuer '%s', whose code is '%s'; correct the code (or the issuer's name)",
                  "ký hiệu '%s' không khớp với cơ quan ban hành '%s' (ký hiệu đúng là '%s'); sửa ký hiệu (hoặc tên cơ quan ban hành)",
                  code, kh_buf_str(&full), want);
    kh_buf_free(&full);
}

/* ---- header lines ---- */

/* The byte offset of the first line of s that is, trimmed, exactly `line`
 * (case-insensitively when `any_case`), or -1. A header line is typed on
 * its own line; the same words inside a sentence (a trích yếu naming the
 * Party: "Ngày thành lập Đảng Cộng sản Việt Nam") are the text itself. */
static long header_line_at(const char *s, const char *line, bool any_case)
{
    size_t n = strlen(line);
    for (const char *l = s; *l;) {
        const char *e = strchr(l, '\n');
        size_t len = e ? (size_t)(e - l) : strlen(l);
        const char *a = l, *b = l + len;
        while (a < b && (*a == ' ' || *a == '\t'))
            a++;
        while (b > a && (b[-1] == ' ' || b[-1] == '\t' || b[-1] == '\r'))
            b--;
        if ((size_t)(b - a) == n) {
            /* the line alone: a line that is not the last is followed by
             * '\n', which kh_starts_with_words would take as more words */
            char *one = kh_strndup(a, n);
            bool hit = any_case ? kh_starts_with_words(one, line) : !strcmp(one, line);
            free(one);
            if (hit)
                return (long)(a - s);
        }
        if (!e)
            break;
        l = e + 1;
    }
    return -1;
}

/* The header lines of a profile: its title and motto (NULL-terminated). */
static void header_lines(const kh_profile *pf, const char *out[3])
{
    out[0] = pf->header_title;
    out[1] = pf->motto;
    out[2] = NULL;
}

/* The header lines of profile `pf` typed into the superior, issuer or
 * title of a plan whose own header is `own`'s (the other profile's when
 * `foreign`): reported, since the renderer prints the plan's own header
 * and another profile's has no place in it. */
static void header_typed(const kh_plan *p, kh_rule_ctx *cx)
{
    const kh_profile *own = kh_profile_get(p->profile);
    const kh_profile *other =
        kh_profile_get(p->profile == KH_PROFILE_STATE ? KH_PROFILE_PARTY : KH_PROFILE_STATE);
    const char *own_lines[3], *other_lines[3];
    header_lines(own, own_lines);
    header_lines(other, other_lines);
    const kh_text *fields[] = {&p->superior, &p->issuer, &p->title};
    /* a name typed on several lines is judged line by line (superior.s
     * holds its lines joined by spaces, superior_lines by '\n') */
    const char *as_typed[] = {p->superior_lines, p->issuer_lines, NULL};
    for (size_t f = 0; f < sizeof fields / sizeof fields[0]; f++) {
        if (as_typed[f]) {
            const char *s = as_typed[f];
            long at = -1;
            for (size_t k = 0; at < 0 && own_lines[k]; k++)
                at = header_line_at(s, own_lines[k], true);
            for (size_t k = 0; at < 0 && other_lines[k]; k++)
                at = header_line_at(s, other_lines[k], true);
            if (at >= 0) {
                kh_pos pos = kh_text_locate(fields[f], 0); /* the name's first line */
                for (long k = 0; k < at; k++)
                    pos.line += s[k] == '\n'; /* the block's lines share its indentation */
                kh_report(cx, pos,
                          "a line of this name is a document header ('ĐẢNG CỘNG SẢN VIỆT NAM', 'CỘNG HÒA …'), which the renderer prints; remove that line from the field",
                          "một dòng của tên này là tiêu đề văn bản ('ĐẢNG CỘNG SẢN VIỆT NAM', 'CỘNG HÒA …') do phần mềm tự in; xóa dòng đó khỏi trường");
                continue;
            }
        }
        const char *s = fields[f]->s;
        if (!s)
            continue;
        /* The trích yếu is sentence case: only a line typed in the header's
         * capitals is a header line there (a trích yếu naming the Party,
         * "Ngày thành lập Đảng Cộng sản Việt Nam", is the text itself); a
         * name field is the header in any case. The motto is never a
         * phrase of a title. */
        bool any_case = fields[f] != &p->title;
        for (size_t k = 0; other_lines[k]; k++) {
            long at = header_line_at(s, other_lines[k], any_case || k == 1);
            if (at < 0)
                continue;
            if (p->profile == KH_PROFILE_STATE)
                kh_report(cx, kh_text_locate(fields[f], (size_t)at),
                          "'%s' is the Party header; a state document is headed with the Quốc hiệu and Tiêu ngữ, which the renderer writes. Remove it",
                          "'%s' là tiêu đề văn bản của Đảng; văn bản nhà nước có Quốc hiệu, Tiêu ngữ (phần mềm tự in). Xóa dòng này",
                          other_lines[k]);
            else
                kh_report(cx, kh_text_locate(fields[f], (size_t)at),
                          "'%s' is the state header (Quốc hiệu, Tiêu ngữ); a party document is headed '%s' only, which the renderer writes. Remove it",
                          "'%s' là Quốc hiệu, Tiêu ngữ của văn bản nhà nước; văn bản thể thức Đảng chỉ có tiêu đề '%s' (phần mềm tự in). Xóa dòng này",
                          other_lines[k], own->header_title);
        }
        for (size_t k = 0; own_lines[k]; k++) {
            long at = header_line_at(s, own_lines[k], any_case);
            if (at >= 0)
                kh_report(cx, kh_text_locate(fields[f], (size_t)at),
                          "'%s' is printed by the renderer; remove this line from the field",
                          "'%s' do phần mềm tự in; xóa dòng này khỏi trường", own_lines[k]);
        }
    }
}

void rule_hdr_party_title(const kh_plan *p, kh_rule_ctx *cx)
{
    header_typed(p, cx);
}

void rule_hdr_state_title(const kh_plan *p, kh_rule_ctx *cx)
{
    header_typed(p, cx);
}

void rule_issuer_present(const kh_plan *p, kh_rule_ctx *cx)
{
    if (kh_text_empty(&p->issuer))
        kh_report(cx, p->issuer.s ? p->issuer.pos : (kh_pos){1, 1},
                  "the issuer is empty; write the issuing body, e.g. 'issuer: Huyện ủy Bạch Thông'",
                  "chưa ghi cơ quan ban hành; ghi tên cơ quan, ví dụ 'issuer: Huyện ủy Bạch Thông'");
}

/* The levels a party body's name can stand at, as a bit set: 1 tỉnh (and a
 * centrally-run city), 2 huyện, quận, thị xã, a city under a province, 4
 * xã, phường, thị trấn, đặc khu; 0 unknown (a Khối, an agency's đảng ủy).
 * "thành phố" and "Thành ủy" may be either of the first two. A superior
 * is read by its "Đảng bộ <level>", an issuer by its own word. */
static unsigned superior_levels(const char *f)
{
    static const struct { const char *w; unsigned lv; } words[] = {
        {"đảng bộ tỉnh ", 1}, {"đảng bộ thành phố ", 3}, {"đảng bộ huyện ", 2},
        {"đảng bộ quận ", 2}, {"đảng bộ thị xã ", 2}, {"đảng bộ xã ", 4},
        {"đảng bộ phường ", 4}, {"đảng bộ thị trấn ", 4}, {"đảng bộ đặc khu ", 4},
    };
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (!strncmp(f, words[i].w, strlen(words[i].w)))
            return words[i].lv;
    return 0;
}

static unsigned issuer_levels(const char *f)
{
    static const struct { const char *w; unsigned lv; } words[] = {
        {"tỉnh ủy ", 1}, {"thành ủy ", 3}, {"huyện ủy ", 2}, {"quận ủy ", 2},
        {"thị ủy ", 2}, {"đảng ủy xã ", 4}, {"đảng ủy phường ", 4},
        {"đảng ủy thị trấn ", 4}, {"đảng ủy đặc khu ", 4},
    };
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (!strncmp(f, words[i].w, strlen(words[i].w)))
            return words[i].lv;
    return 0;
}

/* Whether every level the superior may stand at is at or below every
 * level the issuer may: `Đảng bộ huyện Bạch Thông` above `Huyện ủy Bạch
 * Thông` (the huyện's own party organisation, not the body above it). */
static bool superior_not_above(const char *superior, const char *issuer)
{
    char *fs = kh_fold(superior), *fi = kh_fold(issuer);
    unsigned s = superior_levels(fs), i = issuer_levels(fi);
    free(fs);
    free(fi);
    if (!s || !i)
        return false;
    for (unsigned a = 1; a <= 4; a <<= 1)
        for (unsigned b = 1; b <= 4; b <<= 1)
            if ((s & a) && (i & b) && a < b)
                return false; /* one reading puts the superior above */
    return true;
}

/* A party body's name read by its first words: a committee (cấp ủy) and
 * the organisation it leads (đảng bộ, chi bộ) are written apart. HD 36
 * (as the catalogue summarises it, B #1): a đảng bộ's or chi bộ's
 * committee is headed by the đảng bộ one level up ("ĐẢNG BỘ TỈNH BẮC KẠN /
 * HUYỆN ỦY BẠCH THÔNG"), a ban or office of a committee by that
 * committee ("TỈNH ỦY BẮC GIANG / BAN TUYÊN GIÁO"). */
static const struct party_name {
    const char *committee, *organisation; /* folded, with the space after */
} party_names[] = {
    {"tỉnh ủy ", "đảng bộ tỉnh "},   {"thành ủy ", "đảng bộ thành phố "},
    {"huyện ủy ", "đảng bộ huyện "}, {"quận ủy ", "đảng bộ quận "},
    {"thị ủy ", "đảng bộ thị xã "},  {"đảng ủy ", "đảng bộ "},
    {"chi ủy ", "chi bộ "},
};
#define N_PARTY_NAMES (sizeof party_names / sizeof party_names[0])

/* Index in party_names of the committee (organisation: false) or the
 * organisation (true) that folded name f opens with, or -1. */
static int party_name_kind(const char *f, bool organisation)
{
    for (size_t i = 0; i < N_PARTY_NAMES; i++) {
        const char *w = organisation ? party_names[i].organisation : party_names[i].committee;
        if (!strncmp(f, w, strlen(w)))
            return (int)i;
    }
    return -1;
}

/* An organ that works for a committee: its header names the committee. */
static bool committee_organ(const char *f)
{
    static const char *const organs[] = {"ban", "văn phòng", "ủy ban kiểm tra",
                                         "trung tâm chính trị"};
    /* the cấp ủy's own standing bodies, and the Ban cán sự đảng of a state
     * body, are not its organs: their header is the cấp ủy's */
    static const char *const not_organs[] = {"ban thường vụ", "ban chấp hành", "ban cán sự"};
    for (size_t i = 0; i < sizeof not_organs / sizeof not_organs[0]; i++)
        if (!strncmp(f, not_organs[i], strlen(not_organs[i])))
            return false;
    for (size_t i = 0; i < sizeof organs / sizeof organs[0]; i++) {
        size_t n = strlen(organs[i]);
        if (!strncmp(f, organs[i], n) && (f[n] == ' ' || !f[n]))
            return true; /* "Ủy ban Kiểm tra" alone, under its cấp ủy */
    }
    return false;
}

/* The superior written in the other form (committee ↔ organisation), the
 * name after the first words kept as typed, in buf; false when it is
 * neither or already the right one. */
static bool superior_as_should_be(const char *superior, const char *issuer, kh_buf *want,
                                  bool *wants_committee)
{
    char *fs = kh_fold(superior), *fi = kh_fold(issuer);
    bool organ = committee_organ(fi);
    bool led = issuer_levels(fi) || party_name_kind(fi, false) >= 0 || party_name_kind(fi, true) >= 0;
    int k = party_name_kind(fs, organ); /* the form that is wrong for this issuer */
    bool r = false;
    if (k >= 0 && (organ || led)) {
        const char *from = organ ? party_names[k].organisation : party_names[k].committee;
        const char *to = organ ? party_names[k].committee : party_names[k].organisation;
        size_t skip = strlen(from);
        if (skip <= strlen(superior)) {
            char first[40];
            snprintf(first, sizeof first, "%s", to);
            /* the first letter upper case: the words are ASCII-led, or đ */
            if (!strncmp(first, "đ", 2))
                first[1] = (char)0x90; /* U+0111 → U+0110 */
            else
                first[0] = (char)toupper((unsigned char)first[0]);
            kh_buf_printf(want, "%s%s", first, superior + skip);
            *wants_committee = organ;
            r = true;
        }
    }
    free(fs);
    free(fi);
    return r;
}

/* A state body run by another (NĐ 30 Phụ lục I, ô 1: "tên cơ quan, tổ
 * chức chủ quản trực tiếp"): a Sở, a Phòng, a Chi cục, a Ban quản lý, a
 * Văn phòng, whose header names the Ủy ban nhân dân above it. A UBND is
 * its own head. */
static bool state_organ(const char *issuer)
{
    static const char *const organs[] = {"sở ", "phòng ", "chi cục ", "ban quản lý ", "văn phòng "};
    char *f = kh_fold(issuer);
    bool r = false;
    for (size_t i = 0; i < sizeof organs / sizeof organs[0] && !r; i++)
        r = !strncmp(f, organs[i], strlen(organs[i]));
    free(f);
    return r;
}

void rule_issuer_parent(const kh_plan *p, kh_rule_ctx *cx)
{
    if (kh_text_empty(&p->issuer))
        return;
    if (p->profile == KH_PROFILE_STATE) {
        if (kh_text_empty(&p->superior) && state_organ(p->issuer.s))
            kh_report(cx, p->issuer.pos,
                      "no governing body above '%s': a state organ's header names it first (e.g. 'superior: Ủy ban nhân dân tỉnh Lào Cai')",
                      "thiếu tên cơ quan chủ quản phía trên '%s': thể thức văn bản của cơ quan chuyên môn ghi cơ quan chủ quản trước (ví dụ 'superior: Ủy ban nhân dân tỉnh Lào Cai')",
                      p->issuer.s);
        return;
    }
    if (!kh_text_empty(&p->superior)) {
        kh_buf want = {0};
        bool committee = false;
        if (superior_as_should_be(p->superior.s, p->issuer.s, &want, &committee)) {
            if (committee)
                kh_report(cx, p->superior.pos,
                          "'%s' names a party organisation: a ban or office of a cấp ủy is headed by that cấp ủy ('%s'); correct the superior line",
                          "'%s' là tên tổ chức đảng: ban, cơ quan tham mưu của cấp ủy ghi tên cấp ủy đó ở dòng trên ('%s'); sửa lại",
                          p->superior.s, kh_buf_str(&want));
            else
                kh_report(cx, p->superior.pos,
                          "'%s' names a committee: the superior line of '%s' names the party organisation one level up ('%s'); correct it",
                          "'%s' là tên cấp ủy: dòng cấp trên của '%s' ghi tên tổ chức đảng cấp trên trực tiếp ('%s'); sửa lại",
                          p->superior.s, p->issuer.s, kh_buf_str(&want));
            kh_buf_free(&want);
            return;
        }
        kh_buf_free(&want);
        if (p->profile == KH_PROFILE_PARTY && superior_not_above(p->superior.s, p->issuer.s))
            kh_report(cx, p->superior.pos,
                      "'%s' is not above '%s': the superior line names the party organisation one level up (a huyện ủy's is the Đảng bộ tỉnh, a xã's the Đảng bộ above the xã); correct it",
                      "'%s' không phải cấp trên của '%s': dòng cơ quan cấp trên ghi tổ chức đảng cấp trên trực tiếp (của huyện ủy là Đảng bộ tỉnh, của đảng ủy xã là đảng bộ cấp trên của xã); sửa lại",
                      p->superior.s, p->issuer.s);
        return;
    }
    if (kh_issuer_under_central(p->issuer.s))
        return; /* directly under the Central Committee: no superior line */
    kh_report(cx, p->issuer.pos,
              "no superior body above '%s'; below the central level add it, e.g. 'superior: Đảng bộ tỉnh Bắc Kạn'",
              "thiếu tên cơ quan cấp trên phía trên '%s'; dưới cấp Trung ương cần ghi, ví dụ 'superior: Đảng bộ tỉnh Bắc Kạn'",
              p->issuer.s);
}

/* ---- place and date ---- */

static kh_pos date_anchor(const kh_plan *p)
{
    if (p->place.s)
        return p->place.pos;
    if (p->number.s)
        return p->number.pos;
    return p->issuer.pos;
}

void rule_date_present(const kh_plan *p, kh_rule_ctx *cx)
{
    if (kh_text_empty(&p->place))
        kh_report(cx, date_anchor(p),
                  "the date line has no place name; add 'place:' (e.g. 'place: Bạch Thông')",
                  "dòng địa danh, ngày tháng thiếu địa danh; thêm 'place:' (ví dụ 'place: Bạch Thông')");
    else if (kh_first_lower_word(p->place.s) < strlen(p->place.s)) /* a proper name */
        kh_report_sev(cx, KH_WARNING, kh_text_locate(&p->place, kh_first_lower_word(p->place.s)),
                      "the place '%s' is a proper name: each of its words starts with a capital",
                      "địa danh '%s' là tên riêng: mỗi tiếng viết hoa chữ đầu", p->place.s);
    /* `place: Hạc Thành,`: the comma is the date line's, printed after it. */
    size_t pn = p->place.s ? strlen(p->place.s) : 0;
    while (pn && p->place.s[pn - 1] == ' ')
        pn--;
    if (pn && strchr(",;.:", p->place.s[pn - 1]))
        kh_report_sev(cx, KH_WARNING, kh_text_locate(&p->place, pn - 1),
                      "the place ends with '%c', and the date line adds its own comma ('%.*s%c, ngày …'): delete it",
                      "địa danh kết thúc bằng dấu '%c', mà dòng ngày tháng đã có dấu phẩy ('%.*s%c, ngày …'): xóa dấu này",
                      p->place.s[pn - 1], (int)(pn - 1), p->place.s, p->place.s[pn - 1]);
    if (!p->date.raw.s) {
        kh_report(cx, date_anchor(p),
                  "the plan has no issue date; add 'date: YYYY-MM-DD' (a draft with a blank day: 'date: YYYY-MM')",
                  "kế hoạch không có ngày ban hành; thêm 'date: YYYY-MM-DD' (bản dự thảo để trống ngày: 'date: YYYY-MM')");
        return;
    }
    if (kh_date_is_set(p->date.date) && !kh_date_is_full(p->date.date) && cx->opts &&
        cx->opts->draft)
        kh_report_sev(cx, KH_NOTE, p->date.raw.pos,
                      "the day of the issue date is blank ('%s'): a draft; the văn thư fills it in at issuance",
                      "ngày ban hành còn để trống ('%s'): bản dự thảo; văn thư điền ngày khi ban hành",
                      p->date.raw.s);
    else if (kh_date_is_set(p->date.date) && !kh_date_is_full(p->date.date))
        kh_report_sev(cx, cx->rule->severity, p->date.raw.pos,
                      "the day of the issue date is blank ('%s'): fill it in before issuing, or check the draft with --draft",
                      "ngày ban hành còn để trống ('%s'): điền ngày trước khi ban hành, hoặc kiểm tra bản dự thảo với --draft",
                      p->date.raw.s);
}

/* `WORD X/yyyy` (`tháng 13/2026`, `quý V/2025`): X, at most max bytes
 * of the set `chars`, then a year of four digits not followed by '/' (a
 * dd/mm/yyyy is a date, read by kh_next_date). */
typedef struct period_at {
    size_t start, slash, end; /* X at [start, slash), the year to end */
} period_at;

static bool next_period(const char *s, size_t len, size_t from, const char *word,
                        const char *chars, size_t max, period_at *at)
{
    size_t w = strlen(word) + 1;
    for (size_t i = from; (i = kh_find_word_ci1(s, len, i, word)) < len; i += w) {
        size_t k = i + w, a = k;
        if (k > len || s[i + w - 1] != ' ')
            continue;
        while (k < len && k - a < max && s[k] && strchr(chars, s[k]))
            k++;
        if (k == a || k >= len || s[k] != '/')
            continue;
        size_t y = k + 1, n = 0;
        while (y + n < len && s[y + n] >= '0' && s[y + n] <= '9')
            n++;
        if (n != 4 || (y + n < len && s[y + n] == '/'))
            continue;
        *at = (period_at){a, k, y + n};
        return true;
    }
    return false;
}

/* Every dd/mm/yyyy in the text is a real day. (The issue date and the
 * other date fields are checked by the loader: LOAD-DATE.) */
static void date_valid_para(const kh_para *pa, void *ctx)
{
    kh_rule_ctx *cx = ctx;
    kh_found_date d;
    for (size_t i = 0; kh_next_date(pa->s, pa->len, i, &d); i = d.end) {
        if (d.valid)
            continue;
        bool no_month = d.date.month < 1 || d.date.month > 12;
        kh_report(cx, kh_para_pos(pa, d.start),
                  no_month ? "'%2$.*1$s' is not a real date (there is no month %3$d); correct it"
                           : "'%2$.*1$s' is not a real date (month %3$d has no day %4$d); correct it",
                  no_month ? "'%2$.*1$s' không phải ngày có thật (không có tháng %3$d); sửa lại"
                           : "'%2$.*1$s' không phải ngày có thật (tháng %3$d không có ngày %4$d); sửa lại",
                  (int)(d.end - d.start), pa->s + d.start, d.date.month, d.date.day);
    }
    /* A month of a year, `tháng 3/2026` (a deadline in words): 1 to 12;
     * a quarter, `quý II/2025` or `quý 2/2025`: I to IV. The scanner above
     * reads days; these forms have none. */
    const char *s = pa->s;
    period_at at;
    for (size_t i = 0; next_period(s, pa->len, i, "tháng", "0123456789", 3, &at); i = at.end) {
        int m = atoi(s + at.start);
        if (m < 1 || m > 12)
            kh_report(cx, kh_para_pos(pa, at.start),
                      "'tháng %.*s' names no month (there is no month %d); correct it",
                      "'tháng %.*s' không phải tháng có thật (không có tháng %d); sửa lại",
                      (int)(at.end - at.start), s + at.start, m);
    }
    static const char *const quarters[] = {"I", "II", "III", "IV", "1", "2", "3", "4"};
    for (size_t i = 0; next_period(s, pa->len, i, "quý", "IVXLivxl0123456789", 5, &at); i = at.end) {
        bool ok = false;
        for (size_t q = 0; q < sizeof quarters / sizeof quarters[0] && !ok; q++)
            ok = strlen(quarters[q]) == at.slash - at.start &&
                 !memcmp(s + at.start, quarters[q], at.slash - at.start);
        if (!ok)
            kh_report(cx, kh_para_pos(pa, at.start),
                      "'quý %.*s' names no quarter (a year has quarters I to IV); correct it",
                      "'quý %.*s' không phải quý có thật (một năm có quý I đến quý IV); sửa lại",
                      (int)(at.end - at.start), s + at.start);
    }
}

void rule_date_valid(const kh_plan *p, kh_rule_ctx *cx)
{
    kh_walk_paras(cx, 0, date_valid_para, cx);
}

void rule_date_zero_pad(const kh_plan *p, kh_rule_ctx *cx)
{
    const char *s = p->date.raw.s;
    kh_date d = p->date.date;
    if (!s || !kh_date_is_set(d) || !strstr(s, "tháng"))
        return; /* ISO and short forms are rendered with the right padding */
    const char *ngay = strstr(s, "ngày"), *thang = strstr(s, "tháng");
    const char *dd = ngay ? ngay + strlen("ngày") : NULL;
    const char *mm = thang + strlen("tháng");
    while (dd && *dd == ' ')
        dd++;
    while (*mm == ' ')
        mm++;
    bool bad = false;
    if (d.day && dd && d.day < 10 && dd[0] != '0')
        bad = true;
    if (d.month <= 2 && mm[0] != '0')
        bad = true;
    if (d.month >= 3 && mm[0] == '0')
        bad = true;
    if (bad) {
        char want[48];
        kh_report(cx, p->date.raw.pos,
                  "the date line pads days 1–9 and months 1–2 with a zero, and no other month: write '%s'",
                  "dòng ngày tháng: ngày 1–9 và tháng 1–2 thêm số 0 phía trước, các tháng khác không thêm: viết '%s'",
                  kh_date_fmt_long(d, want));
    }
}

void rule_date_line_punct(const kh_plan *p, kh_rule_ctx *cx)
{
    const char *s = p->date.raw.s;
    if (!s || !kh_date_is_set(p->date.date) || p->date.rest_at <= 0)
        return;
    const char *rest = s + p->date.rest_at;
    while (*rest == ' ')
        rest++;
    if (!*rest)
        return;
    kh_report(cx, kh_text_locate(&p->date.raw, (size_t)(rest - s)),
              "the date line ends with '%s'; the date line takes no final punctuation: remove it",
              "dòng ngày tháng kết thúc bằng '%s'; dòng này không có dấu câu ở cuối: xóa đi",
              rest);
}

#define KH_FUTURE_DAYS 30 /* how far after --today an issue date may lie */

void rule_date_future(const kh_plan *p, kh_rule_ctx *cx)
{
    kh_date d = p->date.date, today = cx->opts ? cx->opts->today : (kh_date){0};
    if (!kh_date_is_set(today) || !kh_date_is_set(d))
        return;
    kh_date dd = d;
    if (!dd.day)
        dd.day = 1;
    long ahead = kh_date_diff(dd, today);
    if (ahead > KH_FUTURE_DAYS) {
        char a[48], b[48];
        kh_report(cx, p->date.raw.pos,
                  "the issue date %1$s is %2$ld days after today (%3$s); check the year and the month",
                  "ngày ban hành %1$s sau hôm nay (%3$s) %2$ld ngày; kiểm tra lại năm và tháng",
                  kh_date_fmt_short(d, a), ahead, kh_date_fmt_short(today, b));
    }
}

void rule_level_abolished(const kh_plan *p, kh_rule_ctx *cx)
{
    static const char *const district[] = {"huyện ủy", "quận ủy", "thị ủy", "ubnd huyện",
                                            "ủy ban nhân dân huyện", "ủy ban nhân dân quận"};
    kh_date d = p->date.date;
    if (!p->issuer.s || !kh_date_is_set(d) || kh_date_cmp(d, (kh_date){2025, 7, 1}) < 0)
        return;
    if (strstr(p->issuer.s, "\xE2\x80\xA6") || strstr(p->issuer.s, "..."))
        return; /* a template's blank (R-BLANK): the body is not chosen yet */
    for (size_t i = 0; i < sizeof district / sizeof district[0]; i++)
        if (kh_contains_ci(p->issuer.s, district[i])) {
            kh_report(cx, p->issuer.pos,
                      "'%s' is a district-level body, and the district level is abolished from 01/7/2025; check the issuer",
                      "'%s' là cơ quan cấp huyện, mà cấp huyện kết thúc hoạt động từ 01/7/2025; kiểm tra lại cơ quan ban hành",
                      p->issuer.s);
            return;
        }
}

/* ---- title ---- */

void rule_title_type(const kh_plan *p, kh_rule_ctx *cx)
{
    if (p->doc_type.s && !kh_contains_ci(p->doc_type.s, "kế hoạch"))
        kh_report(cx, p->doc_type.pos,
                  "the document type is '%s'; kehoach writes a Kế hoạch: 'type: KẾ HOẠCH' (or leave it out)",
                  "tên loại là '%s'; kehoach soạn Kế hoạch: 'type: KẾ HOẠCH' (hoặc bỏ trường này)",
                  p->doc_type.s);
}

void rule_title_summary(const kh_plan *p, kh_rule_ctx *cx)
{
    if (kh_text_empty(&p->title)) {
        kh_report(cx, p->title.s ? p->title.pos : p->issuer.pos,
                  "the trích yếu (title) is empty; say in one phrase what the plan is about",
                  "trích yếu nội dung (title) để trống; ghi ngắn gọn nội dung kế hoạch");
        return;
    }
    const kh_profile *pf = kh_profile_get(p->profile);
    /* Rendered lines: the text width over an average bold glyph (0.45 em). */
    double width_pt = (pf->page_w - pf->margin_left - pf->margin_right) / 25.4 * 72;
    size_t per_line = (size_t)(width_pt / (pf->size_title * 0.45));
    char *plain = kh_strdup(p->title.s);
    char *w = plain;
    for (const char *r = plain; *r; r++)
        if (*r != '*')
            *w++ = *r;
    *w = '\0';
    size_t lines = 0;
    for (char *l = plain; l;) {
        char *nl = strchr(l, '\n');
        size_t n = kh_utf8_count(l, nl ? (size_t)(nl - l) : strlen(l));
        lines += n ? (n + per_line - 1) / per_line : 1;
        l = nl ? nl + 1 : NULL;
    }
    free(plain);
    if (lines > 4)
        kh_report_sev(cx, KH_WARNING, p->title.pos,
                      "the trích yếu takes about %zu lines; keep it to 4 lines or fewer (shorten it)",
                      "trích yếu dài khoảng %zu dòng; nên không quá 4 dòng (rút gọn lại)", lines);
    /* A title takes no closing punctuation: `… Việt Nam.` (every seed and
     * every sample of NĐ 30 Phụ lục III ends on a word or a bracket). */
    size_t n = strlen(p->title.s);
    while (n && (p->title.s[n - 1] == ' ' || p->title.s[n - 1] == '\n' || p->title.s[n - 1] == '*'))
        n--;
    char last = n ? p->title.s[n - 1] : '\0';
    bool dots = n >= 2 && p->title.s[n - 2] == '.'; /* `...`: an ellipsis */
    if ((last == '.' && !dots) || last == ',' || last == ';' || last == ':')
        kh_report_sev(cx, KH_WARNING, kh_text_locate(&p->title, n - 1),
                      "the trích yếu ends with '%c'; a title takes no closing punctuation: delete it",
                      "trích yếu kết thúc bằng dấu '%c'; tên văn bản không có dấu chấm câu ở cuối: xóa dấu này",
                      last);
}

/* Balanced “ ” and ( ) in one paragraph: shared with R-PAREN-BALANCE and
 * R-QUOTE-BALANCE (rules_structure.c). */
void kh_check_pairs(const kh_para *pa, kh_rule_ctx *cx, bool parens, bool quotes)
{
    size_t open_at[64];
    int depth = 0;
    size_t q_open = 0;
    int q_depth = 0, straight = 0;
    size_t straight_at = 0;
    /* to ( ) " and E2, the first byte of “ and ” */
    /* The ')' of a point's label (`a) …`, `1) …`) closes no bracket. */
    size_t label = parens ? kh_point_label(pa->s, pa->len) : 0;
    for (size_t i = label; (i = kh_skip_to(pa->s, pa->len, i, "()\"\xE2")) < pa->len; i++) {
        const char *c = pa->s + i;
        if (parens && *c == '(') {
            if (depth < 64)
                open_at[depth] = i;
            depth++;
        } else if (parens && *c == ')') {
            if (depth == 0) {
                kh_report(cx, kh_para_pos(pa, i),
                          "')' closes no '('; remove it or add the missing '('",
                          "dấu ')' không có dấu '(' tương ứng; xóa đi hoặc thêm dấu '(' còn thiếu");
            } else {
                depth--;
            }
        } else if (quotes && !strncmp(c, "“", 3)) {
            if (q_depth == 0)
                q_open = i;
            q_depth++;
        } else if (quotes && !strncmp(c, "”", 3)) {
            if (q_depth == 0)
                kh_report(cx, kh_para_pos(pa, i),
                          "'”' closes no '“'; remove it or add the opening quote",
                          "dấu '”' không có dấu '“' tương ứng; xóa đi hoặc thêm dấu mở ngoặc kép");
            else
                q_depth--;
        } else if (quotes && *c == '"') {
            if (straight++ == 0)
                straight_at = i;
        }
    }
    for (int k = depth < 64 ? depth : 64; parens && k > 0; k--) {
        size_t at = open_at[k - 1];
        kh_report(cx, kh_para_pos(pa, at),
                  "'(' opened here is never closed: '%.*s…'; add ')' where the parenthesis ends",
                  "dấu '(' mở tại đây không được đóng: '%.*s…'; thêm ')' ở chỗ kết thúc ngoặc đơn",
                  kh_cut(pa->s + at, pa->len - at, 40), pa->s + at);
    }
    if (quotes && q_depth > 0)
        kh_report(cx, kh_para_pos(pa, q_open),
                  "'“' opened here is never closed; add '”' where the quotation ends",
                  "dấu '“' mở tại đây không được đóng; thêm '”' ở chỗ kết thúc trích dẫn");
    if (quotes && straight % 2)
        kh_report(cx, kh_para_pos(pa, straight_at),
                  "an odd number of '\"' in this paragraph; close the quotation (better, use “ ”)",
                  "số dấu '\"' trong đoạn này là số lẻ; đóng trích dẫn (nên dùng “ ”)");
}

static void title_quotes_para(const kh_para *pa, void *ctx)
{
    kh_check_pairs(pa, ctx, true, true);
}

void rule_title_quotes(const kh_plan *p, kh_rule_ctx *cx)
{
    kh_walk_paras(cx, 1u << KH_F_TITLE, title_quotes_para, cx);
}
