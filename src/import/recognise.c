/* recognise.c — paragraphs → plan YAML. One pass over the paragraphs with a
 * state (header, title, intro, body, closing, recipients, signature, after),
 * no recursion: the open sections are a fixed stack. Header, recipient and
 * signature paragraphs are read line by line; body paragraphs whole, their
 * broken lines joined. Recognised: the motto (party or state profile),
 * superior and issuer, `Số`, place and date (a blank day or number kept as
 * a draft value, with a note), the type line and trích yếu, căn cứ lines
 * (basis; a party plan's printed `- Căn cứ …;`) and the cited plans
 * (implements: those the intro cites apart by ';' too), sections I./1./1.1. and I-/1-
 * (inline `1. Title: text` too), the units of TỔ CHỨC THỰC HIỆN with their
 * tasks and their deadlines in the profile's words (`trước ngày dd/mm/yyyy`,
 * `chậm nhất ngày …`, `trong tháng m/yyyy`, `trong quý II/yyyy`, after
 * `định kỳ hằng quý, lần đầu ` for a recurring one), the closing ("Trên
 * đây …", or the last paragraph, with `./.`, asking for difficulties to be
 * reported), an annex's sections or its list of numbered sentences, Nơi
 * nhận with labels and Lưu, and the signature. What it cannot place stays as text and
 * is named in a `# kehoach import:` comment and a located note. Every YAML
 * line written is mapped to its paragraph (kh_import_map). */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "kehoach/checklist.h"
#include "kehoach/import.h"
#include "kehoach/profile.h"

#define MAX_LEVELS 4

typedef struct em {
    kh_buf *y;
    kh_import_map *map;
    const kh_src *doc;
    kh_diags *d;
} em;

/* Record the origin of the YAML line about to be written. */
static void map_next(em *e, size_t para1, unsigned cp, unsigned col)
{
    kh_import_map *m = e->map;
    KH_GROW(m->para, m->n, m->cap);
    /* the three arrays grow together */
    m->cp = kh_xrealloc(m->cp, m->cap * sizeof *m->cp);
    m->col = kh_xrealloc(m->col, m->cap * sizeof *m->col);
    m->para[m->n] = (unsigned)para1;
    m->cp[m->n] = cp;
    m->col[m->n] = col;
    m->n++;
}

static void raw_line(em *e, size_t para1, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void raw_line(em *e, size_t para1, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    kh_buf_vprintf(e->y, fmt, ap);
    va_end(ap);
    kh_buf_putc(e->y, '\n');
    map_next(e, para1, 0, 1);
}

static void put_quoted(kh_buf *b, const char *s)
{
    kh_buf_putc(b, '"');
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '"' || *p == '\\')
            kh_buf_printf(b, "\\%c", *p);
        else if (*p == '\n')
            kh_buf_puts(b, "\\n");
        else if (*p < 0x20 || *p == 0x7f)
            kh_buf_putc(b, ' ');
        else
            kh_buf_putc(b, (char)*p);
    }
    kh_buf_putc(b, '"');
}

/* `indent key: "value"` */
static void kv(em *e, int indent, const char *key, const char *value, size_t para1, unsigned cp)
{
    map_next(e, para1, cp, (unsigned)(indent + strlen(key) + 4));
    kh_buf_printf(e->y, "%*s%s: ", indent, "", key);
    put_quoted(e->y, value);
    kh_buf_putc(e->y, '\n');
}

/* `  - "value"`: an item of a top-level list */
static void item(em *e, const char *value, size_t para1, unsigned cp)
{
    map_next(e, para1, cp, 5);
    kh_buf_puts(e->y, "  - ");
    put_quoted(e->y, value);
    kh_buf_putc(e->y, '\n');
}

/* One line of a literal block at `indent`: control characters dropped. A
 * line of white space only is written empty: YAML refuses a leading blank
 * line indented deeper than the block's first text line (found by
 * fuzz_import_text: tests/hostile/docx/fuzz-import-blank-line-indent.txt). */
static void block_line(em *e, int indent, const char *text, size_t para1, unsigned cp)
{
    /* Leading white space and control bytes are left out: a block's first
     * line sets its indentation, so a line starting with one would make the
     * block's next line end it (fuzz_import_text finding 8). */
    const unsigned char *q = (const unsigned char *)text;
    while (*q && (*q <= 0x20 || *q == 0x7f))
        q++;
    map_next(e, para1, cp + (unsigned)(q - (const unsigned char *)text), (unsigned)indent + 1);
    if (!*q) {
        kh_buf_putc(e->y, '\n');
        return;
    }
    kh_buf_printf(e->y, "%*s", indent, "");
    for (const unsigned char *p = q; *p; p++)
        kh_buf_putc(e->y, *p < 0x20 || *p == 0x7f ? ' ' : (char)*p);
    kh_buf_putc(e->y, '\n');
}

/* The paragraph as running text: lines joined by a space, white space
 * collapsed, trimmed. Caller frees. */
static char *flat(const char *s)
{
    kh_buf b = {0};
    bool space = false;
    for (; *s; s++) {
        if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') {
            space = b.len > 0;
            continue;
        }
        if (space)
            kh_buf_putc(&b, ' ');
        space = false;
        kh_buf_putc(&b, *s);
    }
    char *r = kh_buf_take(&b);
    return r ? r : kh_strdup("");
}

/* Without Markdown emphasis marks and edge spaces (for matching). */
static char *bare(const char *s)
{
    kh_buf b = {0};
    for (; *s; s++)
        if (*s != '*' && *s != '#' && *s != '\\')
            kh_buf_putc(&b, *s);
    char *f = flat(kh_buf_str(&b));
    kh_buf_free(&b);
    return f;
}

/* The dash a căn cứ line opens with where the profile prints one (the
 * party's "- Căn cứ …;"): its length with the spaces after it, 0 when s
 * is not such a line. */
static size_t basis_dash(const char *s)
{
    size_t d = s[0] == '-' || s[0] == '+' ? 1 : !strncmp(s, "–", strlen("–")) ? strlen("–") : 0;
    if (!d || s[d] != ' ')
        return 0;
    d += strspn(s + d, " ");
    return !strncmp(s + d, "Căn cứ", strlen("Căn cứ")) ? d : 0;
}

/* An inline heading's body with its emphasis: f (flat, marks kept) from
 * the character that is bare(f)'s `at`-th on, past the heading's closing
 * `**`. NULL when that is not the same text as bare's from `at` or its
 * marks do not pair (the bare text is used then). Caller frees. */
static char *marked_from(const char *f, const char *bare_f, size_t at)
{
    const char *p = f;
    for (size_t k = 0; *p && k < at; p++)
        k += *p != '*' && *p != '#' && *p != '\\';
    if (!strncmp(p, "**", 2))
        p += 2;
    while (*p == ' ')
        p++;
    size_t stars = 0;
    for (const char *q = p; *q; q++)
        stars += *q == '*';
    char *plain = bare(p);
    bool same = stars % 2 == 0 && !strcmp(plain, bare_f + at);
    free(plain);
    return same ? kh_strdup(p) : NULL;
}

static unsigned cps(const char *s, size_t n)
{
    return (unsigned)kh_utf8_count(s, n);
}

static bool starts(const char *s, const char *prefix)
{
    return !strncmp(s, prefix, strlen(prefix));
}

static bool is_upper_line(const char *s)
{
    char *u = kh_utf8_upper(s);
    bool up = u && !strcmp(u, s);
    free(u);
    bool letter = false;
    for (const char *p = s; *p; p++)
        if ((*p >= 'A' && *p <= 'Z') || (unsigned char)*p >= 0xC0)
            letter = true;
    return up && letter;
}

/* A person's name as a signature prints it: two to seven words, each a
 * capital and small letters only (`Nguyễn Thị Thu Hằng`); no digit, no
 * punctuation, no word in capitals. */
static bool is_person_name(const char *s)
{
    size_t words = 0;
    for (const char *w = s; *w;) {
        const char *sp = strchr(w, ' ');
        size_t n = sp ? (size_t)(sp - w) : strlen(w);
        if (!n)
            return false;
        size_t c1 = 1; /* the first code point's bytes */
        while (c1 < n && ((unsigned char)w[c1] & 0xC0) == 0x80)
            c1++;
        for (size_t k = 0; k < n; k++) {
            unsigned char ch = (unsigned char)w[k];
            if (ch < 0x80 && !((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z')))
                return false;
        }
        char *first = kh_strndup(w, c1), *rest = kh_strndup(w + c1, n - c1);
        char *fu = kh_utf8_upper(first), *fl = kh_utf8_lower(first), *rl = kh_utf8_lower(rest);
        bool ok = fu && fl && rl && !strcmp(fu, first) && strcmp(fl, first) && !strcmp(rl, rest);
        free(first), free(rest), free(fu), free(fl), free(rl);
        if (!ok)
            return false;
        words++;
        w += n;
        if (*w)
            w++;
    }
    return words >= 2 && words <= 7;
}

static bool lower_eq(const char *s, const char *word)
{
    char *l = kh_utf8_lower(s);
    bool eq = l && !strcmp(l, word);
    free(l);
    return eq;
}

static bool lower_starts(const char *s, const char *word)
{
    char *l = kh_utf8_lower(s);
    bool eq = l && starts(l, word);
    free(l);
    return eq;
}

/* A section number at the start of s: level 0 (I.), 1 (1.), 2 (1.1.), 3.
 * Returns the level and sets *rest past the number and its delimiter;
 * -1 when s does not start with one. */
static int heading_level(const char *s, const char **rest, char *delim)
{
    const char *p = s;
    size_t r = strspn(p, "IVXLC");
    if (r && r <= 6 && (p[r] == '.' || p[r] == '-') && p[r + 1] == ' ') {
        *delim = p[r];
        *rest = p + r + 2;
        return 0;
    }
    int level = 0;
    for (;;) {
        size_t n = strspn(p, "0123456789");
        if (!n || n > 2)
            return -1;
        p += n;
        level++;
        if ((*p == '.' || *p == '-') && p[1] == ' ') {
            *delim = *p;
            *rest = p + 2;
            return level > MAX_LEVELS - 1 ? -1 : level;
        }
        if (*p == ' ' && level > 1) { /* 1.1 Title */
            *rest = p + 1;
            return level;
        }
        if (*p != '.' || level >= MAX_LEVELS - 1)
            return -1;
        p++;
    }
}

/* `Title: text` with a short title: the length of the title, else 0. */
static size_t inline_title(const char *s)
{
    const char *c = strstr(s, ": ");
    if (!c || !c[2])
        return 0;
    size_t words = 1;
    for (const char *p = s; p < c; p++)
        if (*p == ' ')
            words++;
        else if (*p == ';' || *p == '(' || *p == '.')
            return 0;
    return words <= 20 && c - s <= 200 ? (size_t)(c - s) : 0;
}

static const char *kind_of(const char *title, int level)
{
    static const struct { const char *word; const char *kind; int level; bool prefix; } k[] = {
        {"mục đích, yêu cầu", "aims", 0, false}, {"mục đích và yêu cầu", "aims", 0, false},
        {"mục đích", "purpose", 1, false},       {"yêu cầu", "requirements", 1, false},
        {"tổ chức thực hiện", "implementation", 0, true},
        {"nội dung", "content", 0, true},        {"đối tượng", "audience", 1, true},
        {"hình thức", "form", 1, true},          {"thời gian", "schedule", 1, true},
        {"tài liệu", "materials", 1, true},
        {"thời gian", "schedule", 0, true},
    };
    for (size_t i = 0; i < sizeof k / sizeof k[0]; i++)
        /* the level-1 kinds name a part at any depth under a Roman section
         * ("1.2.1. Nội dung …" under "1.2. Tổ chức sinh hoạt") */
        if ((k[i].level == level || (k[i].level == 1 && level > 1 && k[i].prefix)) &&
            (k[i].prefix ? lower_starts(title, k[i].word) : lower_eq(title, k[i].word)))
            return k[i].kind;
    return NULL;
}

/* A deadline found in a task's text: its bounds (with its `**`), its form,
 * recurrence and date (dd 0 for a month or a quarter). */
typedef struct found_deadline {
    size_t from, to;
    kh_deadline_form form;
    kh_recurrence every;
    int dd, mm, yy;
} found_deadline;

static bool ends_with(const char *s, size_t n, const char *w)
{
    size_t k = strlen(w);
    return n >= k && !memcmp(s + n - k, w, k);
}

/* The date after a deadline's words: d/m/yyyy, or m/yyyy for a month, or a
 * Roman quarter I–IV and /yyyy. Returns the end, or NULL. */
static const char *deadline_date(const char *p, kh_deadline_form form, found_deadline *d)
{
    char *end;
    long a = 0, b = 0, c = 0;
    if (form == KH_DEADLINE_QUARTER) {
        static const char *const q[] = {"IV", "III", "II", "I"}; /* longest first */
        static const int qn[] = {4, 3, 2, 1};
        int k = -1;
        for (int i = 0; i < 4 && k < 0; i++)
            if (!strncmp(p, q[i], strlen(q[i])))
                k = i;
        if (k < 0 || p[strlen(q[k])] != '/')
            return NULL;
        c = strtol(p + strlen(q[k]) + 1, &end, 10);
        b = qn[k] * 3; /* its last month, the day it is due on (as plans write it) */
    } else {
        a = strtol(p, &end, 10);
        if (end == p || *end != '/')
            return NULL;
        b = strtol(end + 1, &end, 10);
        if (form == KH_DEADLINE_MONTH) {
            c = b, b = a, a = 0;
        } else {
            if (*end != '/')
                return NULL;
            c = strtol(end + 1, &end, 10);
            if (a < 1 || a > 31)
                return NULL;
        }
    }
    if (b < 1 || b > 12 || c < 1900 || c > 2200 || (a && !kh_date_exists((int)c, (int)b, (int)a)))
        return NULL;
    d->dd = (int)a, d->mm = (int)b, d->yy = (int)c;
    return end;
}

/* The first deadline in s written in the profile's words (bold or not):
 * `trước ngày dd/mm/yyyy`, `chậm nhất ngày …`, `trong tháng m/yyyy`,
 * `trong quý II/yyyy`, each perhaps after `định kỳ hằng quý, lần đầu `. */
static bool find_deadline(const char *s, found_deadline *d)
{
    const kh_profile *pr = kh_profile_get(KH_PROFILE_PARTY); /* the words are shared */
    const char *best = NULL, *best_end = NULL;
    found_deadline f = {0};
    for (int form = 0; form < 4; form++) {
        const char *w = pr->deadline_words[form];
        for (const char *k = strstr(s, w); k; k = strstr(k + 1, w)) {
            if (best && k >= best)
                break;
            const char *p = k + strlen(w);
            while (*p == '*')
                p++;
            found_deadline t = {0};
            const char *end = deadline_date(p, (kh_deadline_form)form, &t);
            if (!end)
                continue;
            best = k, best_end = end;
            f = t;
            f.form = (kh_deadline_form)form;
            break;
        }
    }
    if (!best)
        return false;
    const char *st = best;
    if (st - s >= 2 && st[-1] == '*' && st[-2] == '*')
        st -= 2;
    /* a recurrence before it: `định kỳ hằng quý, lần đầu ` */
    if (f.form == KH_DEADLINE_BEFORE || f.form == KH_DEADLINE_BY)
        for (int e = KH_EVERY_MONTH; e <= KH_EVERY_YEAR; e++) {
            kh_buf w = {0};
            kh_buf_printf(&w, "%s%s", pr->every_words[e], pr->every_first);
            size_t n = (size_t)(best - s);
            if (ends_with(s, n, kh_buf_str(&w))) {
                st = best - w.len;
                if (st - s >= 2 && st[-1] == '*' && st[-2] == '*')
                    st -= 2;
                f.every = (kh_recurrence)e;
            }
            kh_buf_free(&w);
        }
    while (*best_end == '*')
        best_end++;
    f.from = (size_t)(st - s);
    f.to = (size_t)(best_end - s);
    *d = f;
    return true;
}

/* "ngày 09 tháng 4 năm 2024" → ISO in out (true), else false. */
static bool vn_date(const char *s, char *out, size_t n)
{
    int d, m, y;
    if (sscanf(s, "ngày %d tháng %d năm %d", &d, &m, &y) == 3 && d >= 1 && d <= 31 && m >= 1 &&
        m <= 12 && y > 1900 && y < 3000) {
        snprintf(out, n, "%04d-%02d-%02d", y, m, d);
        return true;
    }
    if (sscanf(s, "%d/%d/%d", &d, &m, &y) == 3 && d >= 1 && d <= 31 && m >= 1 && m <= 12 &&
        y > 1900 && y < 3000) {
        snprintf(out, n, "%04d-%02d-%02d", y, m, d);
        return true;
    }
    return false;
}

typedef struct unit_buf {
    bool open, is_inline, numbered;
    char *name;
    size_t name_para;
    struct { char *text; size_t para; unsigned cp; } *v;
    size_t n, cap;
} unit_buf;

typedef struct sec {
    bool body_open, subs_open, units_open, impl;
    bool table_done, note_open; /* its `table:` written; text after it: the note */
    bool events_open;           /* its `events:` written */
} sec;

/* One line of Nơi nhận, held until the groups are known. */
typedef struct recip {
    char *text;
    size_t para;
    unsigned cp;
    bool label;
    const char *role;  /* "report" … from a `(để báo cáo)` suffix, or NULL */
    const char *group; /* the role of the brace `} để …` closing its group */
    int group_id;
    bool dash;         /* written as a `- ` item */
    unsigned lines;    /* text: the input lines it takes (a wrapped item: more) */
} recip;

typedef struct rec {
    em e;
    int depth; /* open sections */
    sec st[MAX_LEVELS];
    bool sections_open;
    unit_buf unit;
    size_t n_sections, n_units;
    recip *rv;
    size_t n_rv, cap_rv;
    size_t group_start;
    int groups;
    /* Text of a PDF: a group's role ("để báo cáo", right of a brace) comes
     * out between the group's lines, at its middle; where, in item lines
     * from the first recipient (text_groups). */
    struct { const char *role; unsigned at; } tl[8];
    size_t n_tl;
    unsigned recip_lines;
    bool annexes_open, in_annex;
    kh_profile_id profile; /* as recognised from the header */
    char *caption;         /* a table's caption, held until its table (table_caption) */
    size_t caption_para;
} rec;

static const struct { const char *words, *role; } roles[] = {
    {"để báo cáo", "report"}, {"báo cáo", "report"}, {"để thực hiện", "implement"},
    {"thực hiện", "implement"}, {"để biết", "inform"}, {"biết", "inform"},
};

/* The lines since the last group's end (group_start) are a group of this
 * role. */
static void recip_group(rec *r, const char *role)
{
    r->groups++;
    for (size_t g = r->group_start; g < r->n_rv; g++) {
        r->rv[g].group = role;
        r->rv[g].group_id = r->groups;
    }
    r->group_start = r->n_rv;
}

/* The role of a group label alone ("để thực hiện"), or NULL. */
static const char *role_label(const char *s)
{
    for (size_t k = 0; k < sizeof roles / sizeof roles[0]; k++)
        if (lower_eq(s, roles[k].words))
            return roles[k].role;
    return NULL;
}

/* A recipient line: `(để báo cáo)` before its final punctuation gives its
 * role, `} để thực hiện` at its end closes a group (as kehoach writes
 * them). */
static void recip_add(rec *r, const char *text, size_t para1, unsigned cp, bool label)
{
    KH_GROW(r->rv, r->n_rv, r->cap_rv);
    recip *x = &r->rv[r->n_rv++];
    *x = (recip){.text = kh_strdup(text), .para = para1, .cp = cp, .label = label};
    char *t = x->text;
    for (size_t k = 0; k < sizeof roles / sizeof roles[0]; k++) {
        char brace[64];
        snprintf(brace, sizeof brace, " } %s", roles[k].words);
        size_t n = strlen(t), bl = strlen(brace);
        if (n > bl && !strcmp(t + n - bl, brace)) {
            t[n - bl] = '\0';
            recip_group(r, roles[k].role);
            break;
        }
    }
    for (size_t k = 0; k < sizeof roles / sizeof roles[0]; k++) {
        char suf[64];
        snprintf(suf, sizeof suf, " (%s)", roles[k].words);
        size_t n = strlen(t), sl = strlen(suf);
        if (n > sl + 1 && strchr(",;.", t[n - 1]) && !strncmp(t + n - 1 - sl, suf, sl)) {
            memmove(t + n - 1 - sl, t + n - 1, 2);
            x->role = roles[k].role;
            break;
        }
    }
}

/* Text of a PDF: the groups from their labels. A label sits at the middle
 * of its group's lines, so a group that starts at line b and has its
 * label after line a ends at 2a - b; the last group runs to the last item
 * before Lưu. */
static void text_groups(rec *r)
{
    if (!r->n_tl)
        return;
    unsigned total = r->recip_lines, from = 0;
    size_t item = 0, first = 0;
    for (size_t j = 0; j < r->n_tl; j++) {
        /* the last group runs to the end; another ends at 2a - b, and
         * holds one line at least */
        unsigned end = total;
        if (j + 1 < r->n_tl) {
            unsigned twice = 2 * r->tl[j].at;
            end = twice > from ? twice - from : from + 1;
            if (end > total)
                end = total;
        }
        r->groups++;
        unsigned line = from;
        for (item = first; item < r->n_rv && line < end; item++) {
            recip *x = &r->rv[item];
            if (starts(x->text, "Lưu"))
                break;
            x->group = r->tl[j].role;
            x->group_id = r->groups;
            line += x->lines ? x->lines : 1;
        }
        first = item;
        from = line;
    }
    r->n_tl = 0;
}

static void recip_emit(rec *r)
{
    text_groups(r);
    em *e = &r->e;
    for (size_t i = 0; i < r->n_rv; i++) {
        recip *x = &r->rv[i];
        if (x->group_id && (i == 0 || r->rv[i - 1].group_id != x->group_id)) {
            raw_line(e, x->para, "  - group: %s", x->group);
            raw_line(e, x->para, "    items:");
        }
        int in = x->group_id ? 4 : 0;
        if (x->label) {
            kv(e, in, "  - label", x->text, x->para, x->cp);
        } else if (x->role) {
            kv(e, in, "  - name", x->text, x->para, x->cp);
            raw_line(e, x->para, "%*s    role: %s", in, "", x->role);
        } else {
            map_next(e, x->para, x->cp, (unsigned)in + 5);
            kh_buf_printf(e->y, "%*s  - ", in, "");
            put_quoted(e->y, x->text);
            kh_buf_putc(e->y, '\n');
        }
        free(x->text);
    }
    free(r->rv);
    r->rv = NULL;
    r->n_rv = 0;
}

static int ind(int depth)
{
    return 4 + depth * 4; /* `  - title:` at 2 + 4·depth, its keys 2 further */
}

static void unsure(rec *r, size_t para1, const char *en, const char *vi, const char *what)
{
    const kh_para *p = &r->e.doc->v[para1 - 1];
    kh_buf_printf(r->e.y, "# kehoach import: %s: ", en);
    /* at most 200 bytes, cut before a character, never inside one */
    size_t end = strnlen(what, 200);
    while (end > 0 && what[end] && ((unsigned char)what[end] & 0xC0) == 0x80)
        end--;
    for (size_t i = 0; i < end; i++)
        kh_buf_putc(r->e.y, what[i] == '\n' ? ' ' : what[i]);
    kh_buf_putc(r->e.y, '\n');
    map_next(&r->e, para1, 0, 1);
    /* the message quotes the text (at most 60 code points, cut on one) */
    size_t cut = 0, len = strlen(what);
    for (unsigned k = 0; k < 60 && cut < len; k++) {
        uint32_t c;
        size_t l = kh_utf8_decode(what + cut, len - cut, &c);
        cut += l ? l : 1;
    }
    kh_buf q = {0};
    kh_buf_printf(&q, "(“%.*s%s”)", (int)cut, what, cut < len ? "…" : "");
    kh_diag(r->e.d, r->e.doc->path, (kh_pos){p->line, 1}, KH_NOTE, "IMPORT-UNSURE",
            "%1$s %3$s%2$.0s", "%2$s %3$s%1$.0s", en, vi, kh_buf_str(&q));
    kh_buf_free(&q);
}

static void flush_unit(rec *r)
{
    unit_buf *u = &r->unit;
    if (!u->open)
        return;
    int in = ind(r->depth - 1);
    sec *s = &r->st[r->depth - 1];
    if (!s->units_open) {
        raw_line(&r->e, u->name_para, "%*sunits:", in, "");
        s->units_open = true;
    }
    kv(&r->e, in + 2, "- name", u->name, u->name_para, 0);
    if (!u->numbered)
        raw_line(&r->e, u->name_para, "%*snumbered: false", in + 4, "");
    size_t first_task = u->n;
    for (size_t i = 0; i < u->n; i++) {
        found_deadline fd;
        if (find_deadline(u->v[i].text, &fd)) {
            first_task = i;
            break;
        }
    }
    /* The dash items that run to the unit's end are its tasks, dated or
     * not (kehoach writes every task as `- …`): the first of them opens
     * the task list even before the first deadline. */
    size_t dashes = u->n;
    while (dashes > 0 && starts(u->v[dashes - 1].text, "- "))
        dashes--;
    if (dashes < first_task && dashes < u->n)
        first_task = dashes;
    /* `layout: inline` only where the loader's auto layout (compose.c
     * kh_compose_unit_inline) would not set it so: one task and no body,
     * or a body of one paragraph and no task. */
    bool auto_inline = first_task == 0 ? u->n == 1 : first_task == 1 && u->n == 1;
    if (u->is_inline && !auto_inline)
        raw_line(&r->e, u->name_para, "%*slayout: inline", in + 4, "");
    if (first_task > 0) {
        raw_line(&r->e, u->name_para, "%*sbody: |", in + 4, "");
        for (size_t i = 0; i < first_task; i++) {
            if (i)
                raw_line(&r->e, u->v[i].para, "%s", "");
            block_line(&r->e, in + 6, u->v[i].text, u->v[i].para, u->v[i].cp);
        }
    }
    if (first_task < u->n) {
        raw_line(&r->e, u->v[first_task].para, "%*stasks:", in + 4, "");
        for (size_t i = first_task; i < u->n; i++) {
            char *t = u->v[i].text;
            unsigned cp = u->v[i].cp;
            if (starts(t, "- ")) {
                t += 2;
                cp += 2;
            }
            found_deadline fd;
            raw_line(&r->e, u->v[i].para, "%*s- text: |-", in + 6, "");
            if (find_deadline(t, &fd)) {
                kh_buf x = {0};
                kh_buf_put(&x, t, fd.from);
                kh_buf_puts(&x, "{deadline}");
                kh_buf_puts(&x, t + fd.to);
                block_line(&r->e, in + 10, kh_buf_str(&x), u->v[i].para, cp);
                kh_buf_free(&x);
                if (fd.dd)
                    raw_line(&r->e, u->v[i].para, "%*sdeadline: %04d-%02d-%02d", in + 8, "",
                             fd.yy, fd.mm, fd.dd);
                else
                    raw_line(&r->e, u->v[i].para, "%*sdeadline: %04d-%02d", in + 8, "", fd.yy,
                             fd.mm);
                if (fd.form != KH_DEADLINE_BEFORE)
                    raw_line(&r->e, u->v[i].para, "%*sdue: %s", in + 8, "",
                             kh_deadline_form_name(fd.form));
                if (fd.every != KH_EVERY_NONE)
                    raw_line(&r->e, u->v[i].para, "%*severy: %s", in + 8, "",
                             kh_recurrence_name(fd.every));
            } else {
                block_line(&r->e, in + 10, t, u->v[i].para, cp);
            }
        }
    }
    for (size_t i = 0; i < u->n; i++)
        free(u->v[i].text);
    free(u->v);
    free(u->name);
    memset(u, 0, sizeof *u);
    r->n_units++;
}

static void close_to(rec *r, int depth)
{
    flush_unit(r);
    if (r->depth > depth)
        r->depth = depth;
}

/* A section at `level`: its title (and kind), or with title NULL a
 * numbered point whose body is `text`. */
static void open_section_at(rec *r, int level, const char *title, const char *text,
                            size_t para1, unsigned cp, bool is_inline, const char *kind)
{
    close_to(r, level);
    if (level > r->depth)
        level = r->depth; /* a number deeper than the open sections: one below */
    if (level == 0) {
        if (!r->sections_open) {
            raw_line(&r->e, para1, "%s", "");
            raw_line(&r->e, para1, "sections:");
            r->sections_open = true;
        }
    } else {
        sec *p = &r->st[level - 1];
        if (!p->subs_open) {
            raw_line(&r->e, para1, "%*ssections:", ind(level - 1), "");
            p->subs_open = true;
        }
    }
    int in = ind(level);
    if (!title) { /* a numbered point: `text` is its body (plan.h) */
        raw_line(&r->e, para1, "%*s- body: |", in - 2, "");
        block_line(&r->e, in + 2, text, para1, cp);
        r->st[level] = (sec){.body_open = true};
        r->depth = level + 1;
        r->n_sections++;
        return;
    }
    kv(&r->e, in - 2, "- title", title, para1, cp);
    if (kind)
        raw_line(&r->e, para1, "%*skind: %s", in, "", kind);
    if (is_inline)
        raw_line(&r->e, para1, "%*sinline: true", in, "");
    r->st[level] = (sec){.impl = kind && !strcmp(kind, "implementation")};
    r->depth = level + 1;
    r->n_sections++;
}

static void body_para(rec *r, const char *text, size_t para1, unsigned cp)
{
    if (r->unit.open) {
        unit_buf *u = &r->unit;
        KH_GROW(u->v, u->n, u->cap);
        u->v[u->n].text = kh_strdup(text);
        u->v[u->n].para = para1;
        u->v[u->n].cp = cp;
        u->n++;
        return;
    }
    sec *s = &r->st[r->depth - 1];
    int in = ind(r->depth - 1);
    if (s->table_done && !s->subs_open && !s->units_open) {
        /* A section's text comes before its table (plan.h); what follows
         * the table is its note, as kehoach writes it. */
        const kh_para *p = &r->e.doc->v[para1 - 1];
        if (!s->note_open) {
            if (!(p->flags & KH_PARA_ITALIC))
                unsure(r, para1, "text after the table of its section, kept as the table's note "
                                 "(set in italics): move it if it is body text",
                       "đoạn sau bảng của mục, giữ làm ghi chú của bảng (in nghiêng): chuyển đi "
                       "nếu là nội dung",
                       text);
            raw_line(&r->e, para1, "%*snote: |", in + 2, "");
            s->note_open = true;
        } else
            raw_line(&r->e, para1, "%s", "");
        char *plain = NULL;
        if (p->flags & KH_PARA_ITALIC) { /* the renderer sets the note in italics */
            plain = kh_strdup(text);
            size_t w = 0;
            for (size_t k = 0; plain[k]; k++)
                if (plain[k] != '*')
                    plain[w++] = plain[k];
            plain[w] = '\0';
        }
        block_line(&r->e, in + 4, plain ? plain : text, para1, cp);
        free(plain);
        return;
    }
    if (s->subs_open || s->units_open) {
        unsure(r, para1, "text after the subsections of its section, kept in the last one",
               "đoạn sau các mục con, giữ trong mục con cuối", text);
    }
    if (!s->body_open) {
        raw_line(&r->e, para1, "%*sbody: |", in, "");
        s->body_open = true;
    } else {
        raw_line(&r->e, para1, "%s", "");
    }
    block_line(&r->e, in + 2, text, para1, cp);
}

/* A section's event as kehoach prints it: a dash item with its day in
 * bold, "- Hội nghị … ngày **05/12/2024**." (docx_flow.c section_open).
 * One bold full date in the item; [*from, *to) is its span with the
 * marks. */
static bool event_item(const char *md, int *yy, int *mm, int *dd, size_t *from, size_t *to)
{
    if (!starts(md, "- "))
        return false;
    bool found = false;
    for (const char *q = strstr(md, "**"); q; q = strstr(q + 2, "**")) {
        int d, m, y, n = 0;
        if (sscanf(q + 2, "%2d/%2d/%4d%n", &d, &m, &y, &n) != 3 || strncmp(q + 2 + n, "**", 2) ||
            d < 1 || d > 31 || m < 1 || m > 12 || y < 1900 || y > 3000)
            continue;
        if (found)
            return false; /* two dates: not one event */
        found = true;
        *dd = d, *mm = m, *yy = y;
        *from = (size_t)(q - md);
        *to = *from + 4 + (size_t)n;
        q += 2 + n;
    }
    return found;
}

#define MAX_EVENT_RUN 32 /* event items looked ahead over */

/* Paragraph i (running text f) is an event: an event item (event_item)
 * in a run of them that ends the section's own text, followed by a
 * numbered heading, the closing, Nơi nhận or the end (kehoach prints
 * events last). A run longer than MAX_EVENT_RUN: its first items stay
 * body text (still before the events, so the YAML keeps its order). */
static bool is_event_para(const kh_src *doc, size_t i, const char *f)
{
    int y, m, d;
    size_t a, b;
    if (!event_item(f, &y, &m, &d, &a, &b))
        return false;
    unsigned run = 0;
    for (size_t j = i + 1; j < doc->n; j++) {
        if (doc->v[j].table)
            return false;
        char *n = flat(doc->v[j].text);
        char *nb = bare(doc->v[j].text);
        const char *rest;
        char dl;
        bool blank = !*nb;
        bool ev = !blank && event_item(n, &y, &m, &d, &a, &b);
        bool ends = !blank && (heading_level(nb, &rest, &dl) >= 0 || starts(nb, "Trên đây") ||
                               starts(nb, "Nơi nhận") || starts(nb, "Nơi gửi"));
        free(n);
        free(nb);
        if (blank)
            continue;
        if (!ev)
            return ends;
        if (++run > MAX_EVENT_RUN)
            return false;
    }
    return true;
}

/* `events:` of the open section: the text with `{date}` where the day was. */
static void event_para(rec *r, const char *f, size_t para1)
{
    int y, m, d;
    size_t a, b;
    event_item(f, &y, &m, &d, &a, &b);
    sec *s = &r->st[r->depth - 1];
    int in = ind(r->depth - 1);
    if (!s->events_open) {
        raw_line(&r->e, para1, "%*sevents:", in, "");
        s->events_open = true;
    }
    kh_buf t = {0};
    kh_buf_put(&t, f + 2, a - 2);
    kh_buf_puts(&t, "{date}");
    kh_buf_puts(&t, f + b);
    kv(&r->e, in + 2, "- text", kh_buf_str(&t), para1, 2);
    raw_line(&r->e, para1, "%*sdate: %04d-%02d-%02d", in + 4, "", y, m, d);
    kh_buf_free(&t);
}

static void emit_table(rec *r, char **cell, unsigned rows, unsigned cols, const size_t *row_para,
                       size_t para1_table, int in);
static bool emit_timetable(rec *r, char **cell, unsigned rows, unsigned cols,
                           const size_t *row_para, size_t para1_table, int in);

static bool is_end_table(const kh_src *doc, size_t i);

/* The open section when it can take a `table:` now (no unit or
 * subsection open in it, none taken yet), else NULL. */
static sec *table_section(rec *r)
{
    sec *s = r->depth >= 1 ? &r->st[r->depth - 1] : NULL;
    return s && !r->unit.open && !s->table_done && !s->subs_open && !s->units_open ? s : NULL;
}

/* A caption held for a table that did not take it: body text after all. */
static void flush_caption(rec *r)
{
    if (!r->caption)
        return;
    body_para(r, r->caption, r->caption_para, 0);
    free(r->caption);
    r->caption = NULL;
}

/* The heading row is the profile's deadline table's (emit_timetable). */
static bool is_timetable_head(const rec *r, char **cell, unsigned cols)
{
    const kh_profile *pr = kh_profile_get(r->profile);
    if (cols != 4 && cols != 5)
        return false;
    for (unsigned c = 0; c < cols; c++)
        if (!cell[c] || strcmp(cell[c], pr->timetable_heads[c]))
            return false;
    return true;
}

/* A table's caption as the printed document shows it (DOCX): one short
 * line, bold and centred, not a heading, directly before a table the open
 * section can take as its `table:` (import_table). Its text without the
 * bold marks around it; NULL when p is no such line. Caller frees. */
static char *table_caption(rec *r, const kh_src *doc, size_t i)
{
    const kh_para *p = &doc->v[i], *nx = i + 1 < doc->n ? &doc->v[i + 1] : NULL;
    unsigned look = KH_PARA_BOLD | KH_PARA_CENTER;
    if (!nx || !nx->table || is_end_table(doc, i + 1) || p->table || doc->kind != KH_SRC_DOCX ||
        !table_section(r) || (p->flags & look) != look ||
        (p->flags & KH_PARA_HEADING) || strchr(p->text, '\n') || strlen(p->text) > 300)
        return NULL;
    const char *t = p->text;
    size_t n = strlen(t);
    if (n > 4 && !strncmp(t, "**", 2) && strstr(t + 2, "**") == t + n - 2) {
        char *in = kh_strndup(t + 2, n - 4);
        char *f = flat(in);
        free(in);
        return f;
    }
    char *f = flat(t);
    if (!*f) {
        free(f);
        return NULL;
    }
    return f;
}

/* A table of the body (DOCX): its paragraphs from i on, to `table:` of the
 * open section, the first row its columns. Returns the index after the
 * table. One the model cannot hold there (no section open, a second table
 * in the section, after its subsections or in a unit, one row, one column
 * or more than KH_TABLE_MAX_COLS) stays as body text, and says so. */
static size_t import_table(rec *r, size_t i)
{
    const kh_src *doc = r->e.doc;
    unsigned id = doc->v[i].table;
    size_t j = i;
    unsigned rows = 0, cols = 0;
    for (; j < doc->n && doc->v[j].table == id; j++) {
        if (doc->v[j].row + 1 > rows)
            rows = doc->v[j].row + 1;
        if (doc->v[j].cell + 1 > cols)
            cols = doc->v[j].cell + 1;
    }
    sec *s = table_section(r);
    if (!s || rows < 2 || cols < 2 || cols > KH_TABLE_MAX_COLS || rows > 10000) {
        flush_caption(r);
        unsure(r, i + 1, "a table that cannot be this section's 'table:', kept as text",
               "bảng không thể làm 'table:' của mục này, giữ dạng văn bản", doc->v[i].text);
        for (size_t k = i; k < j; k++) {
            char *f = flat(doc->v[k].text);
            body_para(r, f, k + 1, 0);
            free(f);
        }
        return j;
    }
    size_t n = (size_t)rows * cols;
    char **cell = kh_xcalloc(n, sizeof *cell);
    size_t *row_para = kh_xcalloc(rows, sizeof *row_para);
    for (size_t k = i; k < j; k++) {
        const kh_para *p = &doc->v[k];
        size_t at = (size_t)p->row * cols + p->cell;
        char *f = p->row == 0 ? bare(p->text) : flat(p->text);
        if (!row_para[p->row])
            row_para[p->row] = k + 1;
        if (cell[at]) { /* a cell of several paragraphs: one line */
            kh_buf b = {0};
            kh_buf_printf(&b, "%s %s", cell[at], f);
            free(cell[at]);
            free(f);
            cell[at] = kh_buf_take(&b);
        } else
            cell[at] = f;
    }
    int in = ind(r->depth - 1);
    if (r->caption && is_timetable_head(r, cell, cols))
        flush_caption(r); /* `timetable:` has no caption: the line is body text */
    if (s->table_done || !emit_timetable(r, cell, rows, cols, row_para, i + 1, in))
        emit_table(r, cell, rows, cols, row_para, i + 1, in);
    flush_caption(r);
    for (size_t k = 0; k < n; k++)
        free(cell[k]);
    free(cell);
    free(row_para);
    s->table_done = true;
    s->body_open = false;
    return j;
}

/* The table of cells (row-major, row 0 the heading) as `table:`. */
static void emit_table(rec *r, char **cell, unsigned rows, unsigned cols, const size_t *row_para,
                       size_t para1_table, int in)
{
    raw_line(&r->e, para1_table, "%*stable:", in, "");
    if (r->caption) {
        kv(&r->e, in + 2, "caption", r->caption, r->caption_para, 0);
        free(r->caption);
        r->caption = NULL;
    }
    for (unsigned rw = 0; rw < rows; rw++) {
        kh_buf line = {0};
        kh_buf_printf(&line, rw == 0 ? "%*scolumns: [" : "%*s- [", rw == 0 ? in + 2 : in + 4, "");
        for (unsigned c = 0; c < cols; c++) {
            if (c)
                kh_buf_puts(&line, ", ");
            put_quoted(&line, cell[(size_t)rw * cols + c] ? cell[(size_t)rw * cols + c] : "");
        }
        kh_buf_puts(&line, "]");
        size_t para1 = row_para[rw] ? row_para[rw] : para1_table;
        if (row_para[rw] && (r->e.doc->v[row_para[rw] - 1].flags & KH_PARA_UNSURE))
            unsure(r, para1, "a row whose cells the text ran together: its last cell is in the "
                             "last column, check the row",
                   "hàng có các ô bị văn bản gộp lại: ô cuối ở cột cuối, hãy kiểm tra hàng này",
                   kh_buf_str(&line) + strspn(kh_buf_str(&line), " -"));
        raw_line(&r->e, para1, "%s", kh_buf_str(&line));
        if (rw == 0)
            raw_line(&r->e, para1, "%*srows:", in + 2, "");
        kh_buf_free(&line);
    }
}

/* A deadline cell of a deadline table: `Chậm nhất ngày 30/11/2025 (Chủ
 * nhật) (105 ngày trước ngày bầu cử)`, `Trước ngày …`, `Ngày 15/3/2026`.
 * Fills the date, the form, whether a day off is named, and the count and
 * the event's words when given. False when no date is found. */
typedef struct tt_cell {
    int yy, mm, dd;
    bool by, before_form, day_off;
    long offset;
    bool has_offset;
    char event[160];
} tt_cell;

static bool tt_deadline(const char *c, tt_cell *o)
{
    memset(o, 0, sizeof *o);
    char *f = kh_utf8_lower(c);
    if (!f)
        return false;
    o->by = strstr(f, "chậm nhất") != NULL;
    o->before_form = !o->by && starts(f, "trước ngày");
    const char *ng = strstr(f, "ngày ");
    bool ok = false;
    if (ng) {
        kh_date d;
        int rest = 0;
        char *one = kh_strndup(ng + strlen("ngày "), strcspn(ng + strlen("ngày "), " ("));
        if (kh_date_parse_any(one, &d, &rest) == KH_DATE_OK && kh_date_is_full(d)) {
            o->yy = d.year, o->mm = d.month, o->dd = d.day;
            ok = true;
        }
        free(one);
    }
    for (const char *q = strchr(f, '('); ok && q; q = strchr(q + 1, '(')) {
        char *endp;
        long n = strtol(q + 1, &endp, 10);
        const char *words = endp;
        if (endp == q + 1) {
            /* `(chủ nhật)`, `(tết nguyên đán)`: a day off the table names,
             * when the day is one (not any remark in parentheses) */
            kh_date d = {o->yy, o->mm, o->dd};
            int wd = kh_date_weekday(d);
            if (wd == 0 || wd == 6 || kh_holiday_name(d))
                o->day_off = true;
            continue;
        }
        if (starts(words, " ngày trước ") || starts(words, " ngày sau ")) {
            bool before = starts(words, " ngày trước ");
            words += strlen(before ? " ngày trước " : " ngày sau ");
            size_t wl = strcspn(words, ")");
            /* the event's words, in lower case as they run in a sentence
             * (`105 ngày trước ngày bầu cử`); cut on a character */
            if (wl >= sizeof o->event)
                wl = sizeof o->event - 1;
            while (wl && ((unsigned char)words[wl] & 0xC0) == 0x80)
                wl--;
            memcpy(o->event, words, wl);
            o->event[wl] = '\0';
            o->offset = before ? -n : n;
            o->has_offset = n >= 0 && n <= 3650;
        }
    }
    free(f);
    return ok;
}

/* A table whose heading row is the profile's deadline table (TT, Nội dung
 * công việc, Cơ quan thực hiện, Thời hạn[, Ghi chú]) and whose deadline
 * cells all read: `timetable:`, its event day worked back from a row's
 * date and count. False (nothing written) otherwise. */
static bool emit_timetable(rec *r, char **cell, unsigned rows, unsigned cols,
                           const size_t *row_para, size_t para1_table, int in)
{
    if (!is_timetable_head(r, cell, cols))
        return false;
    tt_cell *v = kh_xcalloc(rows, sizeof *v);
    const char *event = NULL;
    kh_date event_day = {0, 0, 0};
    bool ok = true;
    for (unsigned rw = 1; rw < rows && ok; rw++) {
        const char *d = cell[rw * cols + 3];
        ok = d && tt_deadline(d, &v[rw]);
        if (ok && v[rw].has_offset && v[rw].event[0] && !event) {
            event = v[rw].event;
            kh_date at = {v[rw].yy, v[rw].mm, v[rw].dd};
            event_day = kh_date_from_days(kh_date_to_days(at) - v[rw].offset);
        }
    }
    if (!ok) {
        free(v);
        return false;
    }
    raw_line(&r->e, para1_table, "%*stimetable:", in, "");
    if (event) {
        kv(&r->e, in + 2, "event", event, para1_table, 0);
        raw_line(&r->e, para1_table, "%*sdate: %04d-%02d-%02d", in + 2, "", event_day.year,
                 event_day.month, event_day.day);
    }
    raw_line(&r->e, para1_table, "%*srows:", in + 2, "");
    for (unsigned rw = 1; rw < rows; rw++) {
        size_t para1 = row_para[rw] ? row_para[rw] : para1_table;
        const tt_cell *t = &v[rw];
        kv(&r->e, in + 4, "- task", cell[rw * cols + 1] ? cell[rw * cols + 1] : "", para1, 0);
        if (cell[rw * cols + 2])
            kv(&r->e, in + 6, "unit", cell[rw * cols + 2], para1, 0);
        /* the date as written and its count: R-TIMETABLE-ARITH checks them;
         * a date the count gives from the event day is not written twice */
        bool on_event = event && !t->has_offset && !t->by && !t->before_form &&
                        t->yy == event_day.year && t->mm == event_day.month &&
                        t->dd == event_day.day;
        bool counted = on_event;
        if (event && t->has_offset) {
            kh_date at = kh_date_from_days(kh_date_to_days(event_day) + t->offset);
            counted = at.year == t->yy && at.month == t->mm && at.day == t->dd;
        }
        if (!counted)
            raw_line(&r->e, para1, "%*sdeadline: %04d-%02d-%02d", in + 6, "", t->yy, t->mm,
                     t->dd);
        if (on_event) /* `Ngày 15/3/2026`: the event day itself */
            raw_line(&r->e, para1, "%*sbefore: 0", in + 6, "");
        else if (t->has_offset)
            raw_line(&r->e, para1, "%*s%s: %ld", in + 6, "", t->offset < 0 ? "before" : "after",
                     t->offset < 0 ? -t->offset : t->offset);
        if (t->before_form)
            raw_line(&r->e, para1, "%*sdue: before", in + 6, "");
        if (t->day_off)
            raw_line(&r->e, para1, "%*sday_off: true", in + 6, "");
        if (cols == 5 && cell[rw * cols + 4])
            kv(&r->e, in + 6, "remark", cell[rw * cols + 4], para1, 0);
    }
    free(v);
    return true;
}

static void open_section(rec *r, int level, const char *title, size_t para1, unsigned cp,
                         bool is_inline, const char *kind)
{
    open_section_at(r, level, title, NULL, para1, cp, is_inline, kind);
}

/* A numbered paragraph that is a point, not a heading: a sentence (it
 * ends with '.' or ';' and runs past 60 characters) not set in bold. */
static bool is_point(const kh_para *p, const char *rest)
{
    size_t n = strlen(rest);
    while (n && rest[n - 1] == ' ')
        n--;
    return !(p->flags & KH_PARA_BOLD) && !strstr(p->text, "**") && n &&
           (rest[n - 1] == '.' || rest[n - 1] == ';') && cps(rest, n) > 60;
}

/* The table Word lays Nơi nhận and the signature out in: not a table of
 * the body. */
static bool is_end_table(const kh_src *doc, size_t i)
{
    for (size_t j = i; j < doc->n && doc->v[j].table == doc->v[i].table; j++) {
        char *b = bare(doc->v[j].text);
        bool end = starts(b, "Nơi nhận") || starts(b, "Nơi gửi");
        free(b);
        if (end)
            return true;
    }
    return false;
}

/* `Phụ lục`, `Phụ lục II`, `PHỤ LỤC 2`: the label over an annex. */
static bool is_annex_label(const char *b)
{
    if (!starts(b, "Phụ lục") && !starts(b, "PHỤ LỤC"))
        return false;
    const char *q = b + strlen("Phụ lục");
    q += strspn(q, " ");
    size_t n = strspn(q, "0123456789IVXLC");
    return !q[n] || (q[n] == ':' && !q[n + 1]);
}

/* A numbered line of an annex that is an item of a list, not a heading:
 * one sentence ending with '!' or '.', not set in bold (a slogan, "1.
 * Nhiệt liệt kỷ niệm …!"). */
static bool list_sentence(const kh_para *p, int level)
{
    char *b = bare(p->text);
    const char *rest;
    char dl = 0;
    size_t n = heading_level(b, &rest, &dl) == level ? strlen(rest) : 0;
    bool yes = n && (rest[n - 1] == '!' || rest[n - 1] == '.') &&
               !(p->flags & KH_PARA_BOLD) && !strstr(p->text, "**");
    free(b);
    return yes;
}

/* Where the annex's list that starts at paragraph i ends (the index past
 * it), or i when those are headings: two or more numbered sentences of
 * one level (list_sentence), each right after the other with no text
 * under it, the last at the annex's end (the document's, or the next
 * Phụ lục label). *stop: where the look stopped; a look from a paragraph
 * before it would stop there too (the caller does not look again), so
 * each paragraph is looked at once. */
static size_t annex_list_end(const kh_src *doc, size_t i, int level, size_t *stop)
{
    size_t j = i, items = 0;
    for (; j < doc->n; j++) {
        const kh_para *p = &doc->v[j];
        char *first = kh_strndup(p->text, strcspn(p->text, "\n"));
        char *b = bare(first);
        bool empty = !*b, label = !p->table && is_annex_label(b);
        free(b);
        free(first);
        if (label)
            break;
        if (empty)
            continue;
        if (p->table || !list_sentence(p, level)) {
            *stop = j;
            return i;
        }
        items++;
    }
    *stop = j;
    return items >= 2 ? j : i;
}

static void open_annex(rec *r, const char *title, size_t para1)
{
    close_to(r, 0);
    /* The Nơi nhận lines are held until the end (their groups); the
     * `recipients:` key is open above, so they go before `annexes:`. */
    recip_emit(r);
    if (!r->annexes_open) {
        raw_line(&r->e, para1, "%s", "");
        raw_line(&r->e, para1, "annexes:");
        r->annexes_open = true;
    }
    kv(&r->e, 2, "- title", title, para1, 0);
    r->st[0] = (sec){0};
    r->depth = 1;
    r->in_annex = true;
}

/* A header name: as stored when Word showed it in capitals (w:caps); typed
 * in capitals, with a plausible case restored (name_case.c) and said. */
static void name_value(rec *r, const char *key, const char *name, bool caps, size_t para1)
{
    char *c = caps ? kh_strdup(name) : kh_import_name_case(name);
    if (strcmp(c, name))
        unsure(r, para1, "the name was in capitals: its case is restored, check it",
               "tên viết in hoa: đã khôi phục chữ hoa chữ thường, hãy soát lại", name);
    if (strchr(c, '\n')) { /* its lines, as the header breaks them */
        raw_line(&r->e, para1, "%s: |-", key);
        for (const char *ln = c; ln;) {
            const char *nl = strchr(ln, '\n');
            char *one = kh_strndup(ln, nl ? (size_t)(nl - ln) : strlen(ln));
            block_line(&r->e, 2, one, para1, 0);
            free(one);
            ln = nl ? nl + 1 : NULL;
        }
    } else
        kv(&r->e, 0, key, c, para1, 0);
    free(c);
}

enum state { ST_HEADER, ST_TITLE, ST_INTRO, ST_BODY, ST_CLOSING, ST_RECIP, ST_SIGN, ST_AFTER,
             ST_ANNEX };

static bool is_sign_prefix(const char *s, char *prefix, const char **rest)
{
    static const char *const pre[] = {"T/M ", "K/T ", "T/L ", "T/UQ ", "TM. ", "KT. ", "TL. ",
                                      "TUQ. ", "TM ", "KT "};
    for (size_t i = 0; i < sizeof pre / sizeof pre[0]; i++)
        if (starts(s, pre[i])) {
            size_t n = strlen(pre[i]) - 1;
            memcpy(prefix, pre[i], n);
            prefix[n] = '\0';
            *rest = s + n + 1;
            return true;
        }
    return false;
}

/* A closing that does not open "Trên đây": the paragraph with the end
 * mark, in the course of carrying the plan out, asks those who meet
 * difficulties to report them back ("Trong quá trình thực hiện, nếu có
 * khó khăn, vướng mắc, … phản ánh về Sở Nội vụ …./."): it ends the plan,
 * not the last unit's tasks. */
static bool asks_report_back(const char *b)
{
    static const char *const opens[] = {"Trong quá trình ", "Quá trình "};
    static const char *const asks[] = {"báo cáo", "phản ánh", "đề xuất", "kiến nghị",
                                       "trao đổi"};
    bool open = false, ask = false;
    for (size_t k = 0; k < sizeof opens / sizeof *opens; k++)
        open |= starts(b, opens[k]);
    for (size_t k = 0; open && k < sizeof asks / sizeof *asks; k++)
        ask |= strstr(b, asks[k]) != NULL;
    return ask;
}

/* The text ends with the end mark "./." (the state profile's; a party
 * plan's author may write it too). */
static bool ends_with_mark(const char *t)
{
    size_t n = strlen(t);
    while (n && (t[n - 1] == ' ' || t[n - 1] == '\n'))
        n--;
    return n >= 3 && !memcmp(t + n - 3, "./.", 3);
}

/* Past a unit's paragraph in the section of the units (Tổ chức thực hiện). */
static bool after_units(const rec *r)
{
    return r->depth >= 1 && r->st[0].impl && (r->unit.open || r->n_units);
}

/* `implements:` with the documents cited. */
static void emit_cites(em *e, const kh_import_cite *v, size_t n, size_t para1)
{
    raw_line(e, para1, "implements:");
    for (size_t k = 0; k < n; k++) {
        const kh_import_cite *c = &v[k];
        kv(e, 0, "  - type", c->type, para1, 0);
        kv(e, 0, "    number", c->number, para1, 0);
        if (c->yy)
            raw_line(e, para1, "    date: %04d-%02d-%02d", c->yy, c->mm, c->dd);
        if (c->issuer)
            kv(e, 0, "    issuer", c->issuer, para1, 0);
        if (c->subject)
            kv(e, 0, "    subject", c->subject, para1, 0);
    }
}

static void free_cites(kh_import_cite *v, size_t *n)
{
    for (size_t k = 0; k < *n; k++)
        kh_import_cite_free(&v[k]);
    *n = 0;
}

/* The DOCX's own data says the document numbered `number`, cited by a
 * căn cứ line, is one the plan implements (`<kh:implements in="basis">`,
 * docs/docx-metadata.md). */
static bool meta_in_basis(const kh_src *doc, const char *number)
{
    for (size_t i = 0; number && i < doc->meta.n_rec; i++) {
        const kh_meta_rec *m = &doc->meta.rec[i];
        bool in = false, num = false;
        for (size_t k = 0; m->kind == KH_META_IMPLEMENTS && k < m->n; k++) {
            in |= !strcmp(m->key[k], "in") && !strcmp(m->value[k], "basis");
            num |= !strcmp(m->key[k], "if-number") && !strcmp(m->value[k], number);
        }
        if (in && num)
            return true;
    }
    return false;
}

/* A căn cứ line (b bare, f flat, from its dash on when the profile
 * prints one): an item of `basis:`, the dash left out (the renderers
 * print it again). The line that cites a Kế hoạch (the last one) is
 * taken as the plan implemented when the intro cites none: plans carry
 * out plans (the chain of plans), while a Luật, Nghị quyết or Quyết định
 * cited is the legal basis only, unless the DOCX's data says the plan
 * implements it (meta_in_basis: those lines are all taken, in order). */
static void basis_line(rec *r, const char *b, char *f, size_t para1, bool implements_done,
                       kh_import_cite *cites, size_t *n_cites, size_t *cite_para)
{
    kh_import_cite c;
    bool said = false;
    if (!implements_done && kh_import_cite_parse(b + strlen("Căn cứ "), &c) &&
        ((said = meta_in_basis(r->e.doc, c.number)) ||
         (starts(c.type, "Kế hoạch") && c.yy && c.issuer))) {
        bool keep = said && *n_cites < KH_IMPORT_MAX_CITES;
        for (size_t k = 0; keep && k < *n_cites; k++)
            keep = meta_in_basis(r->e.doc, cites[k].number);
        if (!keep)
            free_cites(cites, n_cites);
        if (!keep || !*n_cites)
            *cite_para = para1;
        cites[(*n_cites)++] = c;
    } else
        kh_import_cite_free(&c);
    size_t d = basis_dash(f);
    unsigned cp = (unsigned)d;
    f += d;
    /* a state plan's căn cứ lines are italic by the profile: the
     * marks of a line set wholly in italics go */
    size_t fl = strlen(f);
    if (fl > 2 && f[0] == '*' && f[1] != '*' && strchr(f + 1, '*') == f + fl - 1) {
        f[fl - 1] = '\0';
        item(&r->e, f + 1, para1, cp + 1);
    } else
        item(&r->e, f, para1, cp);
}

int kh_recognise(const kh_src *doc, kh_buf *yaml, kh_import_map *map, kh_diags *d)
{
    rec r = {.e = {yaml, map, doc, d}};
    em *e = &r.e;
#define MAX_NAME_LINES 8 /* a PDF's header: each name wrapped on up to 4 lines */
    const char *superior[MAX_NAME_LINES] = {0};
    bool name_caps[MAX_NAME_LINES] = {0}; /* shown in capitals by w:caps, stored as written */
    size_t name_pi[MAX_NAME_LINES] = {0}; /* the paragraph of each name line */
    size_t n_names = 0, names_para = 0;
    char *number = NULL, *place = NULL, *date = NULL, *doc_type = NULL;
    size_t number_para = 0, date_para = 0, type_para = 0;
    bool state_profile = false, have_type = false;
    kh_buf title = {0};
    size_t title_para = 0, n_title_paras = 0;
    char delim = 0;
    char sign_prefix[8] = "", *sign_body = NULL, *sign_title = NULL, *sign_name = NULL;
    char head_prefix[8] = "", *head_title = NULL;
    size_t sign_para = 0;
    enum state stt = ST_HEADER;
    unsigned recip_nested = 0; /* the nested table of the last Nơi nhận group */
    /* Pass 1: the header lines, up to and including the type line. */
    size_t i = 0, line_in_type = 0;
    for (; i < doc->n && i < 40 && !have_type; i++) {
        const char *t = doc->v[i].text;
        bool caps = doc->v[i].flags & KH_PARA_CAPS;
        size_t li = 0;
        for (const char *ln = t; ln && *ln; li++) {
            const char *nl = strchr(ln, '\n');
            char *one = kh_strndup(ln, nl ? (size_t)(nl - ln) : strlen(ln));
            char *b = bare(one);
            free(one);
            ln = nl ? nl + 1 : NULL;
            if (!*b || strspn(b, "-_*=~ ") == strlen(b)) {
            } else if ((caps || is_upper_line(b)) && (lower_eq(b, "kế hoạch") || lower_eq(b, "hướng dẫn") ||
                                            lower_eq(b, "chương trình") ||
                                            lower_eq(b, "kế hoạch liên tịch"))) {
                have_type = true;
                doc_type = kh_strdup(b);
                type_para = i + 1;
                line_in_type = li + 1;
                free(b);
                break;
            } else if (!strcmp(b, "ĐẢNG CỘNG SẢN VIỆT NAM")) {
            } else if (starts(b, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") ||
                       starts(b, "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM")) {
                state_profile = true;
            } else if (starts(b, "Độc lập")) {
            } else if (starts(b, "Số") && (b[4] == ':' || b[4] == ' ')) {
                const char *v = b + 4;
                while (*v == ':' || *v == ' ')
                    v++;
                free(number);
                number = kh_strdup(v);
                number_para = i + 1;
            } else if (strstr(b, ", ngày ") && strstr(b, " năm ")) {
                const char *c = strstr(b, ", ngày ");
                free(place);
                free(date);
                place = kh_strndup(b, (size_t)(c - b));
                date = kh_strdup(c + 2);
                size_t dl = strlen(date);
                if (dl && date[dl - 1] == '.')
                    date[dl - 1] = '\0';
                date_para = i + 1;
            } else if ((caps || is_upper_line(b)) && n_names < MAX_NAME_LINES) {
                name_caps[n_names] = caps;
                name_pi[n_names] = i;
                superior[n_names++] = kh_strdup(b);
                names_para = i + 1;
            } else {
                unsure(&r, i + 1, "header line not recognised, left out",
                       "dòng tiêu đề không nhận ra, bỏ qua", b);
            }
            free(b);
        }
        if (have_type) {
            /* the rest of the type paragraph is the title */
            const char *rest = t;
            for (size_t k = 0; k < line_in_type && rest; k++) {
                rest = strchr(rest, '\n');
                rest = rest ? rest + 1 : NULL;
            }
            if (rest && *rest) {
                kh_buf_puts(&title, rest);
                title_para = i + 1;
                n_title_paras++;
            }
        }
    }
    if (!have_type) {
        i = 0; /* no type line: everything is body */
        kh_diag(d, doc->path, (kh_pos){0, 0}, KH_WARNING, "IMPORT-NO-TYPE",
                "no type line (KẾ HOẠCH) found in the first paragraphs: the header is not "
                "recognised",
                "không thấy dòng tên loại (KẾ HOẠCH) ở các đoạn đầu: không nhận ra phần đầu");
    }
    /* Header keys. */
    raw_line(e, 0, "# Imported by kehoach import from %s: check the lines marked", doc->path);
    raw_line(e, 0, "# 'kehoach import:' and run 'kehoach check' on this file.");
    raw_line(e, 0, "profile: %s", state_profile ? "state" : "party");
    r.profile = state_profile ? KH_PROFILE_STATE : KH_PROFILE_PARTY;
    /* The issuer is the last name line, the superior those before it; in a
     * DOCX whose names are paragraphs of their own (kehoach's: each name a
     * paragraph, its lines manual breaks), the issuer is the last name
     * paragraph, and a name's lines are kept as its lines. */
    size_t first_issuer = n_names ? n_names - 1 : 0;
    /* Text (a PDF's: names wrapped onto several lines, the two header
     * columns interleaved): the issuer opens at the last line that starts
     * with the head of an issuing body, or at the bare head before it
     * ("ĐẢNG ỦY" / "SỞ LAO ĐỘNG …"); lines of its place ("TỈNH THÁI
     * NGUYÊN" under "ỦY BAN NHÂN DÂN") go on with it. */
    if (doc->kind == KH_SRC_TEXT && n_names >= 2) {
        size_t k = n_names;
        bool bare = false, found = false;
        while (k-- > 0)
            if (kh_import_issuer_head(superior[k], &bare)) {
                found = true;
                break;
            }
        if (found) {
            bool before_bare = false;
            if (k > 0 && kh_import_issuer_head(superior[k - 1], &before_bare) && before_bare)
                k--;
            first_issuer = k;
        }
    }
    bool by_para = doc->kind == KH_SRC_DOCX && n_names >= 2 &&
                   name_pi[0] != name_pi[n_names - 1];
    if (by_para)
        while (first_issuer > 0 && name_pi[first_issuer - 1] == name_pi[n_names - 1])
            first_issuer--;
    for (int which = 0; which < 2 && n_names; which++) {
        size_t from = which ? first_issuer : 0, to = which ? n_names : first_issuer;
        if (from >= to)
            continue;
        kh_buf s = {0};
        bool all_caps = true;
        for (size_t k = from; k < to; k++) {
            kh_buf_printf(&s, "%s%s", k == from ? "" : by_para ? "\n" : " ", superior[k]);
            all_caps &= name_caps[k];
        }
        name_value(&r, which ? "issuer" : "superior", kh_buf_str(&s), all_caps, names_para);
        kh_buf_free(&s);
    }
    if (!n_names) {
        if (have_type)
            unsure(&r, type_para, "no issuer found above the type line: write it in 'issuer:'",
                   "không thấy cơ quan ban hành ở trên dòng tên loại: hãy ghi vào 'issuer:'",
                   "issuer");
        raw_line(e, type_para, "issuer: \"(chưa rõ cơ quan ban hành)\"");
    }
    for (size_t k = 0; k < n_names; k++)
        free((char *)superior[k]);
    if (number) {
        if (!strpbrk(number, "0123456789"))
            unsure(&r, number_para, "the number is blank: a draft (check --draft)",
                   "số văn bản để trống: bản dự thảo (check --draft)", number);
        kv(e, 0, "number", number, number_para, 0);
    }
    if (place)
        kv(e, 0, "place", place, date_para, 0);
    if (date) {
        char iso[24];
        if (vn_date(date, iso, sizeof iso))
            raw_line(e, date_para, "date: %s", iso);
        else {
            unsure(&r, date_para, "the date is incomplete (a blank day?): kept as written",
                   "ngày tháng chưa đủ (để trống ngày?): giữ như đã viết", date);
            kv(e, 0, "date", date, date_para, 0);
        }
    }
    if (doc_type && strcmp(doc_type, "KẾ HOẠCH"))
        kv(e, 0, "doc_type", doc_type, type_para, 0);
    /* Title: the paragraphs after the type line that read as one. */
    for (; have_type && i < doc->n && n_title_paras < 4; i++) {
        const kh_para *p = &doc->v[i];
        char *f = bare(p->text);
        const char *rest;
        char dl;
        /* The words that open an intro ("Thực hiện …") open many a trích
         * yếu too ("Thực hiện Nghị quyết số 57-NQ/TW …"): right after the
         * type line they stop the title only in a paragraph that reads as
         * an intro (not bold, long, or ending "như sau:"). */
        size_t fl = strlen(f);
        bool plain = !strstr(p->text, "**") && !(p->flags & KH_PARA_BOLD);
        bool intro_like = n_title_paras || (plain && (fl > 200 || (fl && f[fl - 1] == ':')));
        bool stop = heading_level(f, &rest, &dl) >= 0 || fl > 400 || starts(f, "Căn cứ") ||
                    basis_dash(f) ||
                    ((starts(f, "Thực hiện") || starts(f, "Nhằm") || starts(f, "Để ") ||
                      starts(f, "Theo ")) && intro_like) ||
                    (plain && n_title_paras && fl > 160);
        bool rule = *f && strspn(f, "-_*=~ ") == strlen(f);
        free(f);
        if (stop)
            break;
        if (rule)
            continue;
        if (title.len)
            kh_buf_putc(&title, '\n');
        kh_buf_puts(&title, p->text);
        if (!title_para)
            title_para = i + 1;
        n_title_paras++;
    }
    if (title.len) {
        raw_line(e, title_para, "title: |-");
        const char *t = kh_buf_str(&title);
        unsigned cp = 0;
        for (const char *ln = t; ln;) {
            const char *nl = strchr(ln, '\n');
            char *one = kh_strndup(ln, nl ? (size_t)(nl - ln) : strlen(ln));
            char *f = flat(one);
            if (*f)
                block_line(e, 2, f, title_para, cp);
            cp += cps(ln, nl ? (size_t)(nl - ln) + 1 : strlen(ln));
            free(f);
            free(one);
            ln = nl ? nl + 1 : NULL;
        }
    }
    kh_buf_free(&title);
    free(doc_type);
    stt = ST_INTRO;
    /* Pass 2: intro, body, closing, recipients, signature. */
    bool intro_open = false, basis_open = false, closing_open = false, recip_open = false;
    bool implements_done = false, in_brace = false;
    kh_import_cite basis_cite[KH_IMPORT_MAX_CITES]; /* the plans implemented: intro or căn cứ */
    size_t n_cites = 0, basis_cite_para = 0;
    bool annex_title_next = false, skip_annex = false;
    size_t annex_list_to = 0; /* paragraphs before it: an annex's list (annex_list_end) */
    size_t annex_looked = 0;  /* annex_list_end looked up to here */
    /* The profile's end mark (`./.`) that the renderers glue to the last
     * body paragraph, the one before Nơi nhận (last_body): left out (the
     * renderers add it again), so that the text reads as the plan wrote it. */
    const char *mark = kh_profile_get(r.profile)->end_mark;
    size_t end_para = doc->n, last_body = doc->n; /* none */
    for (size_t k = i; k + 1 < doc->n; k++)
        if (starts(doc->v[k + 1].text, "Nơi nhận")) {
            const char *t = doc->v[k].text;
            last_body = k;
            if (!mark || !*mark)
                break;
            size_t tl = strlen(t), ml = strlen(mark);
            if (tl > ml && !strcmp(t + tl - ml, mark) && ml > 1)
                end_para = k;
            break;
        }
    kh_para end_copy = {0};
    for (; i < doc->n; i++) {
        const kh_para *p = &doc->v[i];
        if (i == end_para) {
            end_copy = *p;
            size_t tl = strlen(p->text), ml = strlen(mark);
            /* "… năm 2025./." → "… năm 2025.": the mark's first character stays */
            end_copy.text = kh_strndup(p->text, tl - ml + 1);
            p = &end_copy;
        }
        size_t para1 = i + 1;
        char *f = flat(p->text);
        char *b = bare(p->text);
        const char *rest;
        char dl = 0;
        int level = heading_level(b, &rest, &dl);
        const char *lines = NULL;
        if (!p->table && (p->flags & KH_PARA_UNSURE)) {
            /* a `# kehoach import:` line would end an open block of text:
             * then the note alone, at the line */
            const sec *os = r.depth >= 1 ? &r.st[r.depth - 1] : NULL;
            bool in_block = intro_open || closing_open ||
                            (os && !r.unit.open && (os->body_open || os->note_open));
            const char *en = "a table the text did not give row by row, kept as text: "
                             "write it as the section's 'table:'";
            const char *vi = "bảng mà văn bản không cho theo từng hàng, giữ dạng văn bản: "
                             "hãy viết thành 'table:' của mục";
            if (!in_block)
                unsure(&r, para1, en, vi, p->text);
            else
                kh_diag(d, doc->path, (kh_pos){p->line, 1}, KH_NOTE, "IMPORT-UNSURE",
                        "%1$s%2$.0s", "%2$s%1$.0s", en, vi);
        }
        /* Phụ lục after the signature: a label line, the title, the
         * caption `(Kèm theo …)`, then the annex's text and table. The
         * checklist annex kehoach writes (DANH MỤC THỜI HẠN) is made from
         * the plan's deadlines: it is left out. */
        /* the label on the block's first line (bare() joins the lines) */
        char *first_raw = kh_strndup(p->text, strcspn(p->text, "\n"));
        char *first = bare(first_raw);
        free(first_raw);
        if (stt >= ST_RECIP && !p->table && is_annex_label(first)) {
            stt = ST_ANNEX;
            annex_title_next = true;
            skip_annex = false;
            free(first);
            const char *nl = strchr(p->text, '\n');
            if (!nl) {
                free(f);
                free(b);
                continue;
            }
            /* `Phụ lục I\nTITLE\n(Kèm theo …)` as one block of text */
            free(b);
            b = bare(nl + 1);
            free(f);
            f = flat(nl + 1);
            level = heading_level(b, &rest, &dl);
        } else
            free(first);
        if (stt == ST_ANNEX) {
            if (annex_title_next && !starts(b, "(Kèm theo") && *b) {
                annex_title_next = false;
                char *t1 = kh_strndup(b, strcspn(b, "("));
                size_t tl = strlen(t1);
                while (tl && t1[tl - 1] == ' ')
                    t1[--tl] = '\0';
                skip_annex = !strcmp(t1, "DANH MỤC THỜI HẠN");
                if (!skip_annex && is_upper_line(t1) && !(p->flags & KH_PARA_CAPS)) {
                    /* printed in capitals (a PDF's text): the renderers print
                     * it so again; a plausible case is written, and said */
                    char *c = kh_import_name_case(t1);
                    unsure(&r, para1, "the annex title was in capitals: its case is restored, check it",
                           "tên phụ lục viết hoa: đã khôi phục chữ thường, hãy kiểm tra", t1);
                    free(t1);
                    t1 = c;
                }
                if (!skip_annex)
                    open_annex(&r, t1, para1);
                free(t1);
            } else if (skip_annex || starts(b, "(Kèm theo") || !*b || !r.in_annex) {
            } else if (p->table) {
                i = import_table(&r, i) - 1;
            } else if (i < annex_list_to ||
                       (level >= 1 && i >= annex_looked &&
                        (annex_list_to = annex_list_end(doc, i, level, &annex_looked)) > i)) {
                /* numbered sentences with no text under them: the annex's
                 * body, a list, not its sections */
                body_para(&r, f, para1, 0);
            } else if (level >= 0) {
                /* a numbered heading of the annex: its sections from 1 */
                int lv = level == 0 ? 1 : level > MAX_LEVELS - 1 ? MAX_LEVELS - 1 : level;
                open_section(&r, lv, rest, para1, 0, false, NULL);
            } else {
                body_para(&r, f, para1, 0);
            }
            free(f);
            free(b);
            continue;
        }
        char *cap = stt == ST_BODY ? table_caption(&r, doc, i) : NULL;
        if (cap) { /* held for the table after it (import_table) */
            free(r.caption);
            r.caption = cap;
            r.caption_para = para1;
            free(f);
            free(b);
            continue;
        }
        if (stt == ST_BODY && p->table && r.depth >= 1 && !is_end_table(doc, i)) {
            i = import_table(&r, i) - 1;
            free(f);
            free(b);
            continue;
        }
        if (stt <= ST_CLOSING && (starts(b, "Nơi nhận") || starts(b, "Nơi gửi"))) {
            close_to(&r, 0);
            stt = ST_RECIP;
            raw_line(e, para1, "%s", "");
            raw_line(e, para1, "recipients:");
            recip_open = true;
            /* the lines after `Nơi nhận:` in the same paragraph */
            const char *nl = strchr(p->text, '\n');
            lines = nl ? nl + 1 : "";
        }
        if (stt == ST_RECIP && p->nested && p->nested != recip_nested) {
            /* a table in the Nơi nhận cell (kehoach's DOCX): a group opens */
            recip_nested = p->nested;
            r.group_start = r.n_rv;
        }
        if (stt == ST_RECIP || stt == ST_SIGN) {
            /* line by line */
            const char *src = lines ? lines : p->text;
            for (const char *ln = src; ln && *ln;) {
                const char *nl = strchr(ln, '\n');
                char *one = kh_strndup(ln, nl ? (size_t)(nl - ln) : strlen(ln));
                char *x = bare(one);
                free(one);
                ln = nl ? nl + 1 : NULL;
                char pre[8];
                const char *sr;
                if (!*x) {
                } else if (stt == ST_RECIP && p->nested && p->nested_cell && role_label(x)) {
                    recip_group(&r, role_label(x)); /* the group's role, beside its lines */
                } else if (stt == ST_RECIP && doc->kind == KH_SRC_TEXT && role_label(x) &&
                           r.n_rv) {
                    if (r.n_tl < sizeof r.tl / sizeof r.tl[0])
                        r.tl[r.n_tl].role = role_label(x), r.tl[r.n_tl++].at = r.recip_lines;
                } else if (stt == ST_RECIP && doc->kind == KH_SRC_TEXT && r.n_rv &&
                           r.rv[r.n_rv - 1].dash && !starts(x, "- ") && !starts(x, "+ ") &&
                           !starts(x, "Lưu") && !is_sign_prefix(x, pre, &sr)) {
                    /* a wrapped item: its next line goes on with it */
                    recip *last = &r.rv[r.n_rv - 1];
                    kh_buf j = {0};
                    kh_buf_printf(&j, "%s %s", last->text, x);
                    size_t lp = last->para;
                    unsigned lc = last->cp, ll = last->lines;
                    free(last->text);
                    r.n_rv--;
                    recip_add(&r, kh_buf_str(&j), lp, lc, false);
                    r.rv[r.n_rv - 1].dash = true;
                    r.rv[r.n_rv - 1].lines = ll + 1;
                    r.recip_lines++;
                    kh_buf_free(&j);
                } else if (stt == ST_RECIP && (starts(x, "- ") || starts(x, "+ "))) {
                    recip_add(&r, x + 2, para1, 2, false);
                    r.rv[r.n_rv - 1].dash = !starts(x + 2, "Lưu"); /* Lưu ends the list */
                    r.rv[r.n_rv - 1].lines = 1;
                    if (!starts(x + 2, "Lưu"))
                        r.recip_lines++;
                } else if (stt == ST_RECIP && starts(x, "Lưu")) {
                    recip_add(&r, x, para1, 0, false);
                } else if (stt == ST_RECIP && x[strlen(x) - 1] == ':' && !is_upper_line(x)) {
                    recip_add(&r, x, para1, 0, true);
                } else if (stt == ST_RECIP && (x[0] == '<' || in_brace)) {
                    in_brace = !strchr(x, '>');
                    if (x[0] != '<') {
                        free(x);
                        continue;
                    }
                    unsure(&r, para1, "a brace note of the Nơi nhận, left out: give the lines "
                                      "a 'group:' with its role",
                           "ghi chú ngoặc của Nơi nhận, bỏ qua: hãy đặt các dòng vào 'group:' "
                           "với vai trò",
                           x);
                } else if (is_sign_prefix(x, pre, &sr) ||
                           (stt == ST_RECIP && is_upper_line(x))) {
                    stt = ST_SIGN;
                    if (!sign_para)
                        sign_para = para1;
                    if (is_sign_prefix(x, pre, &sr)) {
                        if (!sign_prefix[0]) {
                            strcpy(sign_prefix, pre);
                            free(sign_body);
                            sign_body = kh_strdup(sr);
                        } else if (!head_prefix[0]) {
                            /* `KT. CHỦ TỊCH` under `TM. ỦY BAN NHÂN DÂN` */
                            strcpy(head_prefix, pre);
                            head_title = kh_strdup(sr);
                        } else {
                            unsure(&r, para1, "a third authority line of the signature, left out",
                                   "dòng thẩm quyền thứ ba của chữ ký, bỏ qua", x);
                        }
                    } else if (!sign_title) {
                        sign_title = kh_strdup(x);
                    }
                } else if (stt == ST_SIGN && is_upper_line(x) && !sign_title) {
                    sign_title = kh_strdup(x);
                } else if (stt == ST_SIGN && !sign_name) {
                    sign_name = kh_strdup(x);
                } else if (stt == ST_RECIP) {
                    recip_add(&r, x, para1, 0, false);
                } else {
                    unsure(&r, para1, "text after the signature, left out",
                           "đoạn sau chữ ký, bỏ qua", x);
                }
                free(x);
            }
            free(f);
            free(b);
            continue;
        }
        if (stt <= ST_BODY && (starts(b, "Trên đây là") || starts(b, "Trên đây") ||
                               (i == last_body && level < 0 && after_units(&r) &&
                                ends_with_mark(doc->v[i].text) && asks_report_back(b)))) {
            close_to(&r, 0);
            stt = ST_CLOSING;
        }
        if (stt == ST_CLOSING) {
            if (!closing_open) {
                raw_line(e, para1, "%s", "");
                raw_line(e, para1, "closing: |");
                closing_open = true;
            } else {
                raw_line(e, para1, "%s", "");
            }
            block_line(e, 2, f, para1, 0);
        } else if (level == 0 || (level > 0 && stt == ST_BODY)) {
            if (!delim)
                delim = dl;
            stt = ST_BODY;
            char *head = kh_strdup(rest);
            /* `**1. Title:** text`: the marks around the title go */
            size_t tl = inline_title(head);
            bool inl = tl && level > 0;
            char *ttl = inl ? kh_strndup(head, tl) : kh_strdup(head);
            bool in_b = rest >= b && rest <= b + strlen(b);
            char *body = inl && in_b ? marked_from(f, b, (size_t)(rest - b) + tl + 2) : NULL;
            if (inl && !body)
                body = kh_strdup(head + tl + 2);
            unsigned title_cp = cps(f, strlen(f)) - cps(head, strlen(head));
            bool in_impl = r.depth >= 1 && r.st[0].impl && level == 1;
            if (in_impl) {
                close_to(&r, 1);
                r.unit.open = true;
                r.unit.numbered = true;
                r.unit.is_inline = inl;
                r.unit.name = kh_strdup(ttl);
                r.unit.name_para = para1;
                if (body)
                    body_para(&r, body, para1, title_cp + cps(head, tl + 2));
            } else if (level > 0 && !inl && is_point(p, ttl)) {
                /* `2.1. Rà soát, số hóa …` in regular type, a sentence:
                 * a numbered point, no title. */
                open_section_at(&r, level, NULL, ttl, para1, title_cp, false, NULL);
            } else {
                open_section(&r, level, ttl, para1, title_cp,
                             inl, kind_of(ttl, level));
                if (body)
                    body_para(&r, body, para1, title_cp + cps(head, tl + 2));
            }
            free(head);
            free(ttl);
            free(body);
        } else if (stt == ST_BODY && r.depth >= 1 && r.st[0].impl && r.n_units + r.unit.open &&
                   !starts(b, "- ") && inline_title(b)) {
            /* `Đoàn thanh niên …: Chỉ đạo …` among numbered units */
            size_t tl = inline_title(b);
            close_to(&r, 1);
            r.unit = (unit_buf){.open = true, .is_inline = true, .numbered = false};
            r.unit.name = kh_strndup(b, tl);
            r.unit.name_para = para1;
            unsure(&r, para1, "an unnumbered paragraph 'Name: text' among the units, taken as "
                              "a unit (numbered: false)",
                   "đoạn không đánh số 'Tên: nội dung' giữa các đơn vị, coi là một đơn vị "
                   "(numbered: false)",
                   r.unit.name);
            body_para(&r, b + tl + 2, para1, cps(b, tl + 2));
        } else if (stt == ST_BODY && !r.unit.open && r.depth >= 1 &&
                   !r.st[r.depth - 1].subs_open && !r.st[r.depth - 1].units_open &&
                   !r.st[r.depth - 1].note_open && is_event_para(doc, i, f)) {
            event_para(&r, f, para1);
        } else if (stt == ST_BODY) {
            body_para(&r, f, para1, 0);
        } else if ((starts(b, "Căn cứ") || basis_dash(b)) && !intro_open) {
            if (!basis_open) {
                raw_line(e, para1, "%s", "");
                raw_line(e, para1, "basis:");
                basis_open = true;
            }
            basis_line(&r, b + basis_dash(b), f, para1, implements_done, basis_cite, &n_cites,
                       &basis_cite_para);
        } else {
            /* "Thực hiện Kế hoạch số …" opening the intro, or "…; thực
             * hiện Kế hoạch số …" inside it (002): the plan implemented */
            const char *th = starts(b, "Thực hiện ") ? b : NULL;
            if (!th && (th = strstr(b, "; thực hiện ")) != NULL)
                th += 2;
            if (!implements_done && th) {
                kh_import_cite c;
                const char *cs = th + strlen("Thực hiện ");
                if (kh_import_cite_parse(cs, &c) && (th == b || (c.yy && c.issuer))) {
                    free_cites(basis_cite, &n_cites);
                    basis_cite[0] = c; /* the intro's citations win */
                    n_cites = kh_import_cite_more(cs, basis_cite, KH_IMPORT_MAX_CITES);
                    basis_cite_para = para1;
                    implements_done = true;
                } else
                    kh_import_cite_free(&c);
            }
            if (!intro_open) {
                raw_line(e, para1, "%s", "");
                raw_line(e, para1, "intro: |");
                intro_open = true;
            } else {
                raw_line(e, para1, "%s", "");
            }
            block_line(e, 2, f, para1, 0);
        }
        free(f);
        free(b);
    }
    close_to(&r, 0);
    /* Text out of a PDF: the signer's name the columns gave before the
     * signature's head (beside the list's last line, or under it, a
     * little left of the signature's column), read as a last recipient:
     * a line in a person's name form after the list's end, when the
     * signature has its authority or title and no name, is the name. */
    if (doc->kind == KH_SRC_TEXT && !sign_name && (sign_prefix[0] || sign_title) && r.n_rv &&
        !r.rv[r.n_rv - 1].dash && !r.rv[r.n_rv - 1].label && !r.rv[r.n_rv - 1].role &&
        !r.rv[r.n_rv - 1].group && is_person_name(r.rv[r.n_rv - 1].text)) {
        sign_name = r.rv[r.n_rv - 1].text;
        r.n_rv--;
    }
    recip_emit(&r);
    if (delim == '-')
        raw_line(e, 0, "numbering: \"-\"");
    if (!recip_open)
        kh_diag(d, doc->path, (kh_pos){0, 0}, KH_NOTE, "IMPORT-UNSURE",
                "no 'Nơi nhận:' found: the plan has no recipients",
                "không thấy 'Nơi nhận:': kế hoạch không có nơi nhận");
    if (sign_prefix[0] || sign_title || sign_name) {
        raw_line(e, sign_para, "%s", "");
        raw_line(e, sign_para, "signature:");
        if (sign_prefix[0])
            kv(e, 2, "prefix", sign_prefix, sign_para, 0);
        if (sign_body)
            kv(e, 2, "body", sign_body, sign_para, 0);
        if (head_prefix[0] && head_title) {
            raw_line(e, sign_para, "  head:");
            kv(e, 4, "prefix", head_prefix, sign_para, 0);
            kv(e, 4, "title", head_title, sign_para, 0);
        }
        if (sign_title)
            kv(e, 2, "title", sign_title, sign_para, 0);
        if (sign_name)
            kv(e, 2, "name", sign_name, sign_para, 0);
    }
    if (basis_cite_para) { /* after the rest: a top-level key of its own */
        raw_line(e, basis_cite_para, "%s", "");
        emit_cites(e, basis_cite, n_cites, basis_cite_para);
    }
    free_cites(basis_cite, &n_cites);
    free(sign_body);
    free(head_title);
    free(sign_title);
    free(sign_name);
    free(number);
    free(place);
    free(date);
    free(end_copy.text);
    free(r.caption);
    return 0;
}
