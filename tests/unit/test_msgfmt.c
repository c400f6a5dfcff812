/* test_msgfmt.c — every message's English and Vietnamese formats take the
 * same arguments (issue #7), checked on the source of every call, not only
 * on the calls a test happens to run.
 *
 * It reads every .c and .h file under src/, finds each call of kh_diag,
 * kh_report, kh_report_sev, kh_diag_note, kh_report_note and cli_say, and reads the call's two formats:
 * string literals (adjacent ones joined, comments between them skipped),
 * `cond ? "a" : "b"` alternatives (the same condition on both sides pairs
 * the branches), a variable made by kh_vi_fmt(template, …) in the same
 * function (its {P} becomes "%.0s"), and NULL for the Vietnamese one (the
 * English is used). For each pair it compares the arguments each format
 * consumes — their number and types, after resolving %n$ positions and
 * length modifiers — with each other and with the arguments the call
 * passes (none may take more than it passes; one of them must take all),
 * and reports every disagreement as file:line. A positional format
 * that skips an argument (%1$s … %3$s) is reported too: glibc aborts on it
 * under _FORTIFY_SOURCE ("invalid %N$ use detected"), as distributions
 * build; write %2$.0s to consume an argument a language does not show.
 * A call it cannot read, or one inside a macro, is reported rather than
 * passed over.
 *
 * The fixtures under tests/fixtures/msgfmt/ prove it can fail: bad.c holds
 * known faults, each of which must be found at its line; good.c holds the
 * tricky shapes the source uses, none of which may be reported.
 *
 * Run alone on files: build/asan/unit/test_msgfmt FILE… prints the
 * disagreements and exits 1 when there is one. */
#include <dirent.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "tap.h"

/* ---- reading C: tokens ---- */

typedef enum { T_IDENT, T_STRING, T_CHAR, T_NUMBER, T_PUNCT } tok_kind;

typedef struct tok {
    tok_kind kind;
    const char *s; /* T_STRING: the contents between the quotes, escapes as written */
    size_t len;
    int line;
    int depth;     /* brace depth before the token */
    size_t func;   /* index of the `{` that opens the enclosing function */
} tok;

typedef struct toks {
    tok *v;
    size_t n, cap;
    int hidden[16];  /* lines of preprocessor directives that call a target */
    int n_hidden;
} toks;

static bool names_target(const char *a, const char *e);

static void push(toks *t, tok_kind k, const char *s, size_t len, int line, int depth,
                 size_t func)
{
    if (t->n == t->cap) {
        t->cap = t->cap ? 2 * t->cap : 1024;
        t->v = realloc(t->v, t->cap * sizeof *t->v);
        if (!t->v)
            abort();
    }
    t->v[t->n++] = (tok){k, s, len, line, depth, func};
}

static bool ident_char(char c)
{
    return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* Comments and preprocessor lines are skipped (a line continued with a
 * backslash included); strings keep their escapes. Each token knows the
 * `{` that opens the function it is in ((size_t)-1 outside functions). */
static void lex(const char *src, toks *t)
{
    int line = 1, depth = 0;
    bool bol = true; /* only blanks since the start of the line */
    size_t func = (size_t)-1;
    for (const char *p = src; *p;) {
        char c = *p;
        if (c == '\n') {
            line++, p++, bol = true;
            continue;
        }
        if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
            p++;
            continue;
        }
        if (c == '#' && bol) { /* a call in a macro could not be checked: noted */
            const char *a = p;
            int at = line;
            for (p++; *p && !(*p == '\n' && p[-1] != '\\'); p++)
                if (*p == '\n')
                    line++;
            if (names_target(a, p) && t->n_hidden < 16)
                t->hidden[t->n_hidden++] = at;
            continue;
        }
        bol = false;
        if (c == '/' && p[1] == '*') {
            for (p += 2; *p && !(*p == '*' && p[1] == '/'); p++)
                if (*p == '\n')
                    line++;
            p += *p ? 2 : 0;
            continue;
        }
        if (c == '/' && p[1] == '/') {
            while (*p && *p != '\n')
                p++;
            continue;
        }
        if (c == '"' || c == '\'') {
            int at = line;
            const char *a = ++p;
            while (*p && *p != c) {
                if (*p == '\\' && p[1])
                    p++;
                if (*p == '\n')
                    line++;
                p++;
            }
            push(t, c == '"' ? T_STRING : T_CHAR, a, (size_t)(p - a), at, depth, func);
            p += *p ? 1 : 0;
            continue;
        }
        if (ident_char(c)) {
            const char *a = p;
            while (ident_char(*p))
                p++;
            push(t, c >= '0' && c <= '9' ? T_NUMBER : T_IDENT, a, (size_t)(p - a), line, depth,
                 func);
            continue;
        }
        /* punctuation: the two-character operators that matter here */
        size_t n = 1;
        static const char *const two[] = {"==", "!=", "<=", ">=", "->", "&&", "||", "++", "--",
                                          "<<", ">>", "+=", "-=", "*=", "/=", "|=", "&="};
        for (size_t i = 0; i < sizeof two / sizeof two[0]; i++)
            if (c == two[i][0] && p[1] == two[i][1])
                n = 2;
        if (c == '{' && depth == 0)
            func = t->n;
        push(t, T_PUNCT, p, n, line, depth, func);
        if (c == '{')
            depth++;
        else if (c == '}' && depth > 0 && --depth == 0)
            func = (size_t)-1;
        p += n;
    }
}

static bool is(const tok *k, const char *punct)
{
    return k->kind == T_PUNCT && k->len == strlen(punct) && !memcmp(k->s, punct, k->len);
}

static bool is_ident(const tok *k, const char *name)
{
    return k->kind == T_IDENT && k->len == strlen(name) && !memcmp(k->s, name, k->len);
}

/* ---- formats: what arguments a printf format consumes ---- */

#define MAX_ARGS 32

typedef struct sig {
    int n;                       /* arguments consumed: positions 1..n */
    const char *type[MAX_ARGS];  /* by position */
    char err[160];               /* a format that cannot be used safely */
} sig;

static void take(sig *g, int pos, const char *type)
{
    if (pos < 1 || pos > MAX_ARGS) {
        snprintf(g->err, sizeof g->err, "argument %d out of range", pos);
        return;
    }
    if (g->type[pos - 1] && strcmp(g->type[pos - 1], type) && !g->err[0])
        snprintf(g->err, sizeof g->err, "argument %d read both as %s and as %s", pos,
                 g->type[pos - 1], type);
    g->type[pos - 1] = type;
    if (pos > g->n)
        g->n = pos;
}

/* `n$` at *p: its number (and *p moves past it), else 0. */
static int dollar(const char **p)
{
    const char *q = *p;
    int v = 0;
    while (*q >= '0' && *q <= '9')
        v = v * 10 + (*q++ - '0');
    if (q == *p || *q != '$')
        return 0;
    *p = q + 1;
    return v;
}

static const char *type_of(const char *len, char conv)
{
    bool ll = !strcmp(len, "ll"), l = !strcmp(len, "l");
    switch (conv) {
    case 'd': case 'i':
        return ll ? "long long" : l ? "long" : !strcmp(len, "z") ? "ssize_t"
               : !strcmp(len, "j") ? "intmax_t" : !strcmp(len, "t") ? "ptrdiff_t" : "int";
    case 'u': case 'o': case 'x': case 'X':
        return ll ? "unsigned long long" : l ? "unsigned long" : !strcmp(len, "z") ? "size_t"
               : !strcmp(len, "j") ? "uintmax_t" : !strcmp(len, "t") ? "ptrdiff_t"
               : len[0] == 'h' ? "int" : "unsigned";
    case 'f': case 'F': case 'e': case 'E': case 'g': case 'G': case 'a': case 'A':
        return !strcmp(len, "L") ? "long double" : "double";
    case 'c':
        return l ? "wint_t" : "int";
    case 's':
        return l ? "wchar_t *" : "char *";
    case 'p':
        return "void *";
    case 'n':
        return "int *";
    }
    return NULL;
}

/* The signature of format f (C escapes as written: a %% stays two bytes). */
static sig parse_format(const char *f)
{
    sig g;
    memset(&g, 0, sizeof g);
    int next = 1, positional = -1; /* -1 unknown, 0 sequential, 1 %n$ */
    for (const char *p = f; *p && !g.err[0]; p++) {
        if (*p != '%')
            continue;
        if (*++p == '%')
            continue;
        int pos = dollar(&p);
        int mode = pos > 0;
        if (positional >= 0 && mode != positional) {
            snprintf(g.err, sizeof g.err, "mixes %%n$ and plain conversions");
            break;
        }
        positional = mode;
        while (*p && strchr("-+ #0'", *p))
            p++;
        if (*p == '*') { /* width from an argument */
            p++;
            int w = dollar(&p);
            if ((w > 0) != mode) {
                snprintf(g.err, sizeof g.err, "mixes %%n$ and plain conversions");
                break;
            }
            take(&g, w ? w : next++, "int");
        } else {
            while (*p >= '0' && *p <= '9')
                p++;
        }
        if (*p == '.') {
            p++;
            if (*p == '*') {
                p++;
                int w = dollar(&p);
                if ((w > 0) != mode) {
                    snprintf(g.err, sizeof g.err, "mixes %%n$ and plain conversions");
                    break;
                }
                take(&g, w ? w : next++, "int");
            } else {
                while (*p >= '0' && *p <= '9')
                    p++;
            }
        }
        char len[3] = "";
        if ((p[0] == 'h' && p[1] == 'h') || (p[0] == 'l' && p[1] == 'l'))
            len[0] = p[0], len[1] = p[1], p += 2;
        else if (*p && strchr("hljztL", *p))
            len[0] = *p++;
        const char *type = *p ? type_of(len, *p) : NULL;
        if (!type) {
            snprintf(g.err, sizeof g.err, "unknown conversion '%%%s%c'", len, *p ? *p : ' ');
            break;
        }
        take(&g, pos ? pos : next++, type);
    }
    for (int i = 0; i < g.n && !g.err[0]; i++)
        if (!g.type[i])
            snprintf(g.err, sizeof g.err,
                     "skips argument %d (glibc aborts on it under _FORTIFY_SOURCE; "
                     "consume it with %%%d$.0s or the like)", i + 1, i + 1);
    return g;
}

/* ---- reading a call's formats ---- */

/* A format argument: a literal, or a choice between two on a condition. */
typedef struct fmt {
    bool choice;
    char *text;          /* !choice: the format, literals joined */
    char *cond;          /* choice: the condition as written */
    struct fmt *yes, *no;
    bool same_as_en;     /* NULL for the Vietnamese format */
} fmt;

static void fmt_free(fmt *f)
{
    if (!f)
        return;
    free(f->text);
    free(f->cond);
    fmt_free(f->yes);
    fmt_free(f->no);
    free(f);
}

typedef struct reader {
    const char *path;
    toks *t;
    char why[200]; /* why a format could not be read */
} reader;

static char *span_text(const toks *t, size_t a, size_t b)
{
    size_t n = 0;
    for (size_t i = a; i < b; i++)
        n += t->v[i].len + 1;
    char *s = malloc(n + 1), *w = s;
    for (size_t i = a; i < b; i++) {
        memcpy(w, t->v[i].s, t->v[i].len);
        w += t->v[i].len;
        *w++ = ' ';
    }
    *w = '\0';
    return s;
}

/* {P} of a kh_vi_fmt template: "%.0s" (the English profile name). */
static char *vi_template(const char *s)
{
    size_t n = strlen(s);
    char *out = malloc(2 * n + 1), *w = out;
    for (const char *p = s; *p;)
        if (!strncmp(p, "{P}", 3)) {
            memcpy(w, "%.0s", 4);
            w += 4;
            p += 3;
        } else {
            *w++ = *p++;
        }
    *w = '\0';
    return out;
}

static fmt *read_fmt(reader *r, size_t a, size_t b, bool template);

/* The value assigned to variable `name` before token `at` in its function:
 * `name = kh_vi_fmt(TEMPLATE, …)` or `name = FORMAT`. */
static fmt *read_variable(reader *r, size_t at)
{
    const toks *t = r->t;
    size_t func = t->v[at].func;
    for (size_t i = at; func != (size_t)-1 && i-- > func;) {
        if (!(t->v[i].kind == T_IDENT && t->v[i].len == t->v[at].len &&
              !memcmp(t->v[i].s, t->v[at].s, t->v[at].len) && i + 1 < t->n &&
              is(&t->v[i + 1], "=")))
            continue;
        size_t e = i + 2; /* the end of the assigned expression */
        int depth = 0;
        for (; e < t->n; e++) {
            if (is(&t->v[e], "(") || is(&t->v[e], "["))
                depth++;
            else if (is(&t->v[e], ")") || is(&t->v[e], "]"))
                depth--;
            else if (depth == 0 && (is(&t->v[e], ";") || is(&t->v[e], ",")))
                break;
        }
        if (is_ident(&t->v[i + 2], "kh_vi_fmt") && is(&t->v[i + 3], "(")) {
            size_t c = i + 4; /* its first argument ends at a comma at depth 0 */
            for (depth = 0; c < e; c++) {
                if (is(&t->v[c], "(") || is(&t->v[c], "["))
                    depth++;
                else if (is(&t->v[c], ")") || is(&t->v[c], "]"))
                    depth--;
                else if (depth == 0 && is(&t->v[c], ","))
                    break;
            }
            return read_fmt(r, i + 4, c, true);
        }
        return read_fmt(r, i + 2, e, false);
    }
    snprintf(r->why, sizeof r->why, "no assignment of '%.*s' found before line %d",
             (int)t->v[at].len, t->v[at].s, t->v[at].line);
    return NULL;
}

static fmt *read_fmt(reader *r, size_t a, size_t b, bool template)
{
    const toks *t = r->t;
    while (b > a + 1 && is(&t->v[a], "(") && is(&t->v[b - 1], ")")) {
        int depth = 0; /* strip parentheses around the whole expression only */
        size_t i;
        for (i = a; i < b; i++) {
            depth += is(&t->v[i], "(") - is(&t->v[i], ")");
            if (depth == 0)
                break;
        }
        if (i != b - 1)
            break;
        a++, b--;
    }
    if (a >= b) {
        snprintf(r->why, sizeof r->why, "an empty argument");
        return NULL;
    }
    int depth = 0;
    for (size_t q = a; q < b; q++) { /* cond ? yes : no, at depth 0 */
        if (is(&t->v[q], "(") || is(&t->v[q], "["))
            depth++;
        else if (is(&t->v[q], ")") || is(&t->v[q], "]"))
            depth--;
        else if (depth == 0 && is(&t->v[q], "?")) {
            int nest = 0;
            size_t c;
            for (c = q + 1; c < b; c++) {
                if (is(&t->v[c], "(") || is(&t->v[c], "["))
                    depth++;
                else if (is(&t->v[c], ")") || is(&t->v[c], "]"))
                    depth--;
                else if (depth == 0 && is(&t->v[c], "?"))
                    nest++;
                else if (depth == 0 && is(&t->v[c], ":") && nest-- == 0)
                    break;
            }
            if (c >= b) {
                snprintf(r->why, sizeof r->why, "a '?' without its ':'");
                return NULL;
            }
            fmt *f = calloc(1, sizeof *f);
            f->choice = true;
            f->cond = span_text(t, a, q);
            f->yes = read_fmt(r, q + 1, c, template);
            f->no = f->yes ? read_fmt(r, c + 1, b, template) : NULL;
            if (!f->yes || !f->no) {
                fmt_free(f);
                return NULL;
            }
            return f;
        }
    }
    if (b == a + 1 && is_ident(&t->v[a], "NULL")) {
        fmt *f = calloc(1, sizeof *f);
        f->same_as_en = true;
        return f;
    }
    if (b == a + 1 && t->v[a].kind == T_IDENT && !template)
        return read_variable(r, a);
    size_t n = 0;
    for (size_t i = a; i < b; i++) {
        if (t->v[i].kind != T_STRING) {
            snprintf(r->why, sizeof r->why, "'%.*s' is not a string literal",
                     (int)t->v[i].len, t->v[i].s);
            return NULL;
        }
        n += t->v[i].len;
    }
    fmt *f = calloc(1, sizeof *f);
    f->text = malloc(n + 1);
    char *w = f->text;
    for (size_t i = a; i < b; i++) {
        memcpy(w, t->v[i].s, t->v[i].len);
        w += t->v[i].len;
    }
    *w = '\0';
    if (template) {
        char *v = vi_template(f->text);
        free(f->text);
        f->text = v;
    }
    return f;
}

/* ---- comparing ---- */

typedef struct problems {
    char **v;
    size_t n;
} problems;

static void problem(problems *p, const char *path, int line, const char *fn, const char *what)
{
    char buf[600];
    snprintf(buf, sizeof buf, "%s:%d: %s: %s", path, line, fn, what);
    p->v = realloc(p->v, (p->n + 1) * sizeof *p->v);
    p->v[p->n++] = strdup(buf);
}

static void sig_text(const sig *g, char *buf, size_t n)
{
    size_t k = (size_t)snprintf(buf, n, "(");
    for (int i = 0; i < g->n && k < n; i++)
        k += (size_t)snprintf(buf + k, n - k, "%s%s", i ? ", " : "", g->type[i]);
    if (k < n)
        snprintf(buf + k, n - k, ")");
}

typedef struct call {
    const char *path, *fn;
    int line;
    int passed; /* arguments after the two formats */
    int most;   /* the most any alternative of the formats takes */
    problems *out;
} call;

static void compare_leaves(call *c, const char *en, const char *vi)
{
    sig e = parse_format(en), v = parse_format(vi);
    char what[500], a[200], b[200];
    if (e.err[0]) {
        snprintf(what, sizeof what, "the English format %s", e.err);
        problem(c->out, c->path, c->line, c->fn, what);
    }
    if (v.err[0]) {
        snprintf(what, sizeof what, "the Vietnamese format %s", v.err);
        problem(c->out, c->path, c->line, c->fn, what);
    }
    if (e.err[0] || v.err[0])
        return;
    sig_text(&e, a, sizeof a);
    sig_text(&v, b, sizeof b);
    if (strcmp(a, b)) {
        snprintf(what, sizeof what,
                 "the English format takes %s but the Vietnamese one %s", a, b);
        problem(c->out, c->path, c->line, c->fn, what);
    }
    if (e.n > c->passed) {
        snprintf(what, sizeof what, "the formats take %d argument(s) %s but the call passes %d",
                 e.n, a, c->passed);
        problem(c->out, c->path, c->line, c->fn, what);
    }
    if (e.n > c->most)
        c->most = e.n;
}

static void compare(call *c, const fmt *en, const fmt *vi)
{
    if (vi->same_as_en) {
        compare(c, en, en);
    } else if (en->choice && vi->choice && !strcmp(en->cond, vi->cond)) {
        compare(c, en->yes, vi->yes); /* the same condition picks both */
        compare(c, en->no, vi->no);
    } else if (en->choice) {
        compare(c, en->yes, vi);
        compare(c, en->no, vi);
    } else if (vi->choice) {
        compare(c, en, vi->yes);
        compare(c, en, vi->no);
    } else {
        compare_leaves(c, en->text, vi->text);
    }
}

/* ---- the calls ---- */

static const struct target {
    const char *name;
    int en; /* index of the English format among the arguments */
} targets[] = {
    {"kh_diag", 5},
    {"kh_report", 2},
    {"kh_report_sev", 3},
    {"cli_say", 2},
    {"kh_diag_note", 3},
    {"kh_report_note", 3},
};

/* Whether s[a, e) calls one of the targets. */
static bool names_target(const char *a, const char *e)
{
    for (size_t k = 0; k < sizeof targets / sizeof targets[0]; k++) {
        size_t n = strlen(targets[k].name);
        for (const char *p = a; p + n < e; p++)
            if (!memcmp(p, targets[k].name, n) && p[n] == '(' && (p == a || !ident_char(p[-1])))
                return true;
    }
    return false;
}

/* Macros of the file whose body is a list of n > 1 values (`#define IN_PLAN
 * "the plan", "kế hoạch"`): an argument written with one of them is n. */
typedef struct list_macro {
    char name[64];
    int n;
} list_macro;

static int list_macros(const char *src, list_macro *m, int max)
{
    int k = 0;
    for (const char *p = src; (p = strstr(p, "#define ")) && k < max; p++) {
        const char *a = p + strlen("#define "), *e = a;
        while (ident_char(*e))
            e++;
        if (*e != ' ' || e == a || (size_t)(e - a) >= sizeof m[k].name)
            continue;
        int commas = 0;
        bool str = false;
        for (const char *q = e; *q && !(*q == '\n' && q[-1] != '\\'); q++) {
            if (*q == '"' && q[-1] != '\\')
                str = !str;
            else if (*q == ',' && !str)
                commas++;
            else if (*q == '(' && !str)
                break; /* a function-like body: not a list */
        }
        if (commas) {
            snprintf(m[k].name, sizeof m[k].name, "%.*s", (int)(e - a), a);
            m[k++].n = commas + 1;
        }
    }
    return k;
}

/* Check every call in one file; returns the number of calls read. */
static size_t check_source(const char *path, const char *src, problems *out)
{
    toks t = {0};
    lex(src, &t);
    list_macro macros[64];
    int n_macros = list_macros(src, macros, 64);
    size_t calls = 0;
    for (int h = 0; h < t.n_hidden; h++)
        problem(out, path, t.hidden[h], "#define",
                "a message call inside a macro cannot be checked; write a function");
    for (size_t i = 0; i + 1 < t.n; i++) {
        const struct target *tg = NULL;
        for (size_t k = 0; k < sizeof targets / sizeof targets[0]; k++)
            if (is_ident(&t.v[i], targets[k].name) && is(&t.v[i + 1], "("))
                tg = &targets[k];
        if (!tg)
            continue;
        /* A declaration or definition names a type before the function. */
        if (i && t.v[i - 1].kind == T_IDENT && !is_ident(&t.v[i - 1], "return") &&
            !is_ident(&t.v[i - 1], "else"))
            continue;
        size_t arg[64], n_arg = 0, depth = 0, j;
        arg[n_arg++] = i + 2;
        for (j = i + 2; j < t.n; j++) {
            if (is(&t.v[j], "(") || is(&t.v[j], "[") || is(&t.v[j], "{"))
                depth++;
            else if (is(&t.v[j], ")") || is(&t.v[j], "]") || is(&t.v[j], "}")) {
                if (depth-- == 0)
                    break;
            } else if (depth == 0 && is(&t.v[j], ",") && n_arg < 63) {
                arg[n_arg++] = j + 1;
            }
        }
        arg[n_arg] = j + 1; /* arg k is tokens [arg[k], arg[k+1] - 1) */
        calls++;
        reader r = {path, &t, ""};
        if ((int)n_arg < tg->en + 2) {
            problem(out, path, t.v[i].line, tg->name, "fewer arguments than the two formats");
            continue;
        }
        int passed = (int)n_arg - tg->en - 2;
        for (size_t k = (size_t)tg->en + 2; k < n_arg; k++) /* list macros count as many */
            if (arg[k + 1] - 1 == arg[k] + 1 && t.v[arg[k]].kind == T_IDENT)
                for (int m = 0; m < n_macros; m++)
                    if (is_ident(&t.v[arg[k]], macros[m].name))
                        passed += macros[m].n - 1;
        fmt *en = read_fmt(&r, arg[tg->en], arg[tg->en + 1] - 1, false);
        fmt *vi = en ? read_fmt(&r, arg[tg->en + 1], arg[tg->en + 2] - 1, false) : NULL;
        if (!en || !vi || en->same_as_en) {
            char what[300];
            snprintf(what, sizeof what, "cannot read its formats (%s); write them as literals",
                     r.why[0] ? r.why : "NULL English format");
            problem(out, path, t.v[i].line, tg->name, what);
        } else {
            call c = {path, tg->name, t.v[i].line, passed, 0, out};
            size_t before = out->n;
            compare(&c, en, vi);
            /* More arguments than a branch takes is how a choice of
             * messages is written; more than any takes is an argument no
             * message shows. */
            if (out->n == before && c.most < passed) {
                char what[200];
                snprintf(what, sizeof what,
                         "the call passes %d argument(s) but no format takes more than %d",
                         passed, c.most);
                problem(out, path, t.v[i].line, tg->name, what);
            }
        }
        fmt_free(en);
        fmt_free(vi);
    }
    free(t.v);
    return calls;
}

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *s = malloc((size_t)n + 1);
    size_t got = fread(s, 1, (size_t)n, f);
    s[got] = '\0';
    fclose(f);
    return s;
}

static size_t check_file(const char *path, problems *out)
{
    char *src = slurp(path);
    if (!src) {
        problem(out, path, 0, "read", "cannot read the file");
        return 0;
    }
    size_t n = check_source(path, src, out);
    free(src);
    return n;
}

/* Every .c and .h under dir, in name order. */
static void list_sources(const char *dir, char ***v, size_t *n)
{
    struct dirent **ents;
    int k = scandir(dir, &ents, NULL, alphasort);
    for (int i = 0; i < k; i++) {
        const char *name = ents[i]->d_name;
        char path[1024];
        snprintf(path, sizeof path, "%s/%s", dir, name);
        size_t len = strlen(name);
        struct stat st;
        if (name[0] != '.' && !stat(path, &st) && S_ISDIR(st.st_mode))
            list_sources(path, v, n);
        else if (len > 2 && (!strcmp(name + len - 2, ".c") || !strcmp(name + len - 2, ".h"))) {
            *v = realloc(*v, (*n + 1) * sizeof **v);
            (*v)[(*n)++] = strdup(path);
        }
        free(ents[i]);
    }
    free(ents);
}

static bool reported(const problems *p, const char *where, const char *what)
{
    for (size_t i = 0; i < p->n; i++)
        if (strstr(p->v[i], where) && strstr(p->v[i], what))
            return true;
    return false;
}

static void problems_free(problems *p)
{
    for (size_t i = 0; i < p->n; i++)
        free(p->v[i]);
    free(p->v);
    p->v = NULL;
    p->n = 0;
}

int main(int argc, char **argv)
{
    if (argc > 1) { /* the tool: the files named */
        problems p = {0};
        for (int i = 1; i < argc; i++)
            check_file(argv[i], &p);
        for (size_t i = 0; i < p.n; i++)
            fprintf(stderr, "%s\n", p.v[i]);
        int bad = p.n > 0;
        problems_free(&p);
        return bad;
    }

    /* Every call in src/. */
    char **files = NULL;
    size_t n_files = 0, calls = 0;
    list_sources("src", &files, &n_files);
    for (size_t f = 0; f < n_files; f++) {
        problems p = {0};
        size_t n = check_file(files[f], &p);
        calls += n;
        if (!p.n && n)
            CHECK(true, "%s: the two formats of its %zu message call(s) agree", files[f], n);
        for (size_t i = 0; i < p.n; i++)
            CHECK(false, "%s", p.v[i]);
        problems_free(&p);
        free(files[f]);
    }
    free(files);
    CHECK(calls >= 200, "%zu message calls read in src/ (the checker finds them)", calls);

    /* It can fail: each planted fault is found at its line. */
    problems bad = {0};
    size_t n = check_file("tests/fixtures/msgfmt/bad.c", &bad);
    CHECK_INT(n, 9, "bad.c: its 9 calls read");
    CHECK(reported(&bad, "bad.c:13:", "English format takes (char *, int) but the Vietnamese one (int, char *)"),
          "bad.c:13: a Vietnamese format with its arguments swapped");
    CHECK(reported(&bad, "bad.c:16:", "take 2 argument(s) (char *, int) but the call passes 1"),
          "bad.c:16: a missing argument");
    CHECK(reported(&bad, "bad.c:20:", "Vietnamese format skips argument 2"),
          "bad.c:20: a positional format that skips an argument");
    CHECK(reported(&bad, "bad.c:24:", "takes (char *, char *) but the Vietnamese one (char *, char *, char *)"),
          "bad.c:24: a kh_vi_fmt template with one conversion too many");
    CHECK(reported(&bad, "bad.c:27:", "takes (int) but the Vietnamese one (unsigned)"),
          "bad.c:27: one branch of a paired choice differs in type");
    CHECK(reported(&bad, "bad.c:32:", "English format mixes %n$ and plain conversions"),
          "bad.c:32: %%n$ mixed with plain conversions");
    CHECK(reported(&bad, "bad.c:35:", "cannot read its formats"),
          "bad.c:35: a format it cannot read is reported, not passed over");
    CHECK(reported(&bad, "bad.c:38:", "takes (size_t) but the Vietnamese one (int)"),
          "bad.c:38: a length modifier differs (%%zu against %%d)");
    CHECK(reported(&bad, "bad.c:44:", "passes 2 argument(s) but no format takes more than 1"),
          "bad.c:44: an argument that no format takes");
    CHECK(reported(&bad, "bad.c:48:", "inside a macro cannot be checked"),
          "bad.c:48: a call inside a macro is reported, not passed over");
    CHECK_INT(bad.n, 10, "bad.c: nothing else reported");
    for (size_t i = 0; i < bad.n; i++)
        printf("#   %s\n", bad.v[i]);
    problems_free(&bad);

    problems good = {0};
    n = check_file("tests/fixtures/msgfmt/good.c", &good);
    CHECK(n >= 8 && good.n == 0, "good.c: %zu calls of the shapes src/ uses, none reported", n);
    for (size_t i = 0; i < good.n; i++)
        printf("#   %s\n", good.v[i]);
    problems_free(&good);
    return TAP_DONE();
}
