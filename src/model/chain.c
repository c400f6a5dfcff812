/* chain.c — finding and loading the plans a plan implements (its parents):
 * sets of plans read from directories, resolution of `implements[].file`
 * and of cited numbers, and kh_check_chained(), which feeds the R-CHAIN-*
 * rules. See kehoach/chain.h. */
#define _DEFAULT_SOURCE /* realpath */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "kehoach/chain.h"
#include "kehoach/load.h"
#include "kehoach/text.h"

#define CHAIN_MAX_DIR_DEPTH 8

char *kh_chain_norm(const char *s)
{
    char *low = kh_utf8_lower(s ? s : "");
    if (!low)
        return kh_strdup("");
    char *w = low;
    bool space = false;
    for (const char *r = low; *r; r++) {
        if (*r == ' ' || *r == '\t' || *r == '\n' || *r == '\r') {
            space = w != low;
            continue;
        }
        if (space)
            *w++ = ' ';
        space = false;
        *w++ = *r;
    }
    *w = '\0';
    return low;
}

static bool starts_with_words(const char *s, const char *prefix)
{
    size_t n = strlen(prefix);
    return n && strncmp(s, prefix, n) == 0 && (s[n] == '\0' || s[n] == ' ');
}

bool kh_chain_unit_addresses(const char *unit_name, const char *issuer)
{
    if (!unit_name || !issuer || !*unit_name || !*issuer)
        return false;
    char *u = kh_chain_norm(unit_name), *is = kh_chain_norm(issuer);
    bool hit = strcmp(u, is) == 0;
    /* split the unit name into parts at "," and " và " */
    for (char *part = u; !hit && part && *part;) {
        char *comma = strchr(part, ','), *va = strstr(part, " và ");
        char *end = comma && (!va || comma < va) ? comma : va;
        size_t skip = end == comma ? 1 : strlen(" và ");
        if (end)
            *end = '\0';
        while (*part == ' ')
            part++;
        if (strncmp(part, "các ", strlen("các ")) == 0)
            part += strlen("các ");
        size_t n = strlen(part);
        while (n && part[n - 1] == ' ')
            part[--n] = '\0';
        if (n >= 4 && starts_with_words(is, part))
            hit = true;
        part = end ? end + skip : NULL;
    }
    free(u);
    free(is);
    return hit;
}

/* ---- plan sets -------------------------------------------------------- */

static bool is_plan_name(const char *name)
{
    size_t n = strlen(name);
    return (n > 5 && !strcmp(name + n - 5, ".yaml")) ||
           (n > 4 && !strcmp(name + n - 4, ".yml"));
}

static const kh_plan_entry *find_real(const kh_plan_set *s, const char *real);

static void add_file(kh_plan_set *s, const char *path, kh_diags *diags)
{
    if (s->n >= KH_MAX_ITEMS)
        return;
    char *real = realpath(path, NULL);
    if (real && find_real(s, real)) { /* the same file named twice */
        free(real);
        return;
    }
    if (s->n == s->cap) {
        s->cap = s->cap ? 2 * s->cap : 16;
        s->v = kh_xrealloc(s->v, s->cap * sizeof *s->v);
    }
    kh_plan_entry *e = &s->v[s->n++];
    e->path = kh_strdup(path);
    e->real = real;
    kh_diags scratch = {0};
    e->plan = kh_load_file(e->path, diags ? diags : &scratch);
    kh_diags_free(&scratch);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int add_dir(kh_plan_set *s, const char *dir, int depth, kh_diags *diags)
{
    DIR *d = opendir(dir);
    if (!d)
        return -1;
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        if (de->d_name[0] == '.')
            continue;
        if (n == cap) {
            cap = cap ? 2 * cap : 32;
            names = kh_xrealloc(names, cap * sizeof *names);
        }
        names[n++] = kh_strdup(de->d_name);
    }
    closedir(d);
    if (n)
        qsort(names, n, sizeof *names, cmp_str); /* stable order across file systems */
    for (size_t i = 0; i < n; i++) {
        kh_buf p = {0};
        kh_buf_printf(&p, "%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/", names[i]);
        struct stat st;
        if (stat(kh_buf_str(&p), &st) == 0) {
            if (S_ISDIR(st.st_mode) && depth < CHAIN_MAX_DIR_DEPTH)
                add_dir(s, kh_buf_str(&p), depth + 1, diags);
            else if (S_ISREG(st.st_mode) && is_plan_name(names[i]))
                add_file(s, kh_buf_str(&p), diags);
        }
        kh_buf_free(&p);
        free(names[i]);
    }
    free(names);
    return 0;
}

void kh_plan_set_adopt(kh_plan_set *s, const char *path, kh_plan *plan)
{
    if (s->n == s->cap) {
        s->cap = s->cap ? 2 * s->cap : 16;
        s->v = kh_xrealloc(s->v, s->cap * sizeof *s->v);
    }
    kh_plan_entry *e = &s->v[s->n++];
    e->path = kh_strdup(path);
    e->real = strcmp(path, "-") ? realpath(path, NULL) : NULL;
    e->plan = plan;
}

int kh_plan_set_add(kh_plan_set *s, const char *path, kh_diags *diags)
{
    struct stat st;
    if (stat(path, &st) != 0 || (S_ISDIR(st.st_mode) && add_dir(s, path, 0, diags) != 0)) {
        if (diags)
            kh_diag(diags, path, (kh_pos){0, 0}, KH_ERROR, "IO", "cannot read: %s",
                    "không đọc được: %s", strerror(errno));
        return -1;
    }
    if (!S_ISDIR(st.st_mode))
        add_file(s, path, diags);
    return 0;
}

/* Plan numbers compared without spaces: `220 -KH/QU` is `220-KH/QU`. */
bool kh_chain_same_number(const char *a, const char *b)
{
    if (!a || !b)
        return false;
    for (;;) {
        while (*a == ' ')
            a++;
        while (*b == ' ')
            b++;
        if (*a != *b)
            return false;
        if (!*a)
            return true;
        a++;
        b++;
    }
}

const kh_plan_entry *kh_plan_set_find(const kh_plan_set *s, const char *number,
                                      const kh_plan *self)
{
    for (size_t i = 0; s && i < s->n; i++)
        if (s->v[i].plan && s->v[i].plan != self &&
            kh_chain_same_number(s->v[i].plan->number.s, number))
            return &s->v[i];
    return NULL;
}

void kh_plan_set_free(kh_plan_set *s)
{
    for (size_t i = 0; i < s->n; i++) {
        kh_plan_free(s->v[i].plan);
        free(s->v[i].path);
        free(s->v[i].real);
    }
    free(s->v);
    *s = (kh_plan_set){0};
}

/* ---- resolution ------------------------------------------------------- */

/* Drop `.` segments and fold `dir/..` pairs, lexically: `a/b/../../c` →
 * `c`, `../x` stays. Paths in messages then read as a person would type
 * them. */
static char *tidy_path(const char *path)
{
    char *copy = kh_strdup(path);
    const char *seg[256];
    size_t n = 0;
    bool abs = path[0] == '/';
    for (char *t = strtok(copy, "/"); t; t = strtok(NULL, "/")) {
        if (!strcmp(t, "."))
            continue;
        if (!strcmp(t, "..") && n && strcmp(seg[n - 1], ".."))
            n--;
        else if (n < sizeof seg / sizeof seg[0])
            seg[n++] = t;
    }
    kh_buf b = {0};
    if (abs)
        kh_buf_putc(&b, '/');
    for (size_t i = 0; i < n; i++)
        kh_buf_printf(&b, "%s%s", i ? "/" : "", seg[i]);
    if (!b.len)
        kh_buf_putc(&b, '.');
    free(copy);
    return kh_buf_take(&b);
}

/* dirname(child)/file, or file itself when absolute; tidied. */
static char *relative_to(const char *child, const char *file)
{
    if (file[0] == '/')
        return tidy_path(file);
    const char *slash = strrchr(child, '/');
    kh_buf b = {0};
    if (slash)
        kh_buf_put(&b, child, (size_t)(slash - child + 1));
    kh_buf_puts(&b, file);
    char *t = tidy_path(kh_buf_str(&b));
    kh_buf_free(&b);
    return t;
}

static const kh_plan_entry *find_real(const kh_plan_set *s, const char *real)
{
    for (size_t i = 0; real && s && i < s->n; i++)
        if (s->v[i].real && !strcmp(s->v[i].real, real))
            return &s->v[i];
    return NULL;
}

void kh_chain_resolve(const kh_plan *p, const kh_plan_set *set, kh_chain *out,
                      kh_diags *diags)
{
    *out = (kh_chain){0};
    if (!p->n_implements)
        return;
    out->v = kh_xcalloc(p->n_implements, sizeof *out->v);
    char *self_real = p->path ? realpath(p->path, NULL) : NULL;
    for (size_t i = 0; i < p->n_implements; i++) {
        const kh_citation *c = &p->implements[i];
        const kh_plan_entry *e = NULL;
        bool by_file = false;
        if (c->file.s && *c->file.s) {
            char *path = relative_to(p->path ? p->path : "", c->file.s);
            char *real = realpath(path, NULL);
            by_file = true;
            if (!real) {
                if (diags) kh_diag(diags, p->path, c->file.pos, KH_WARNING, "CHAIN-FILE",
                        "cannot read the implemented plan %s: %s",
                        "không đọc được kế hoạch cấp trên %s: %s", path, strerror(errno));
            } else if (self_real && !strcmp(real, self_real)) {
                if (diags) kh_diag(diags, p->path, c->file.pos, KH_ERROR, "CHAIN-FILE",
                        "the implemented plan %s is this plan itself",
                        "kế hoạch cấp trên %s chính là kế hoạch này", path);
            } else if (!(e = find_real(set, real)) && !(e = find_real(&out->owned, real))) {
                kh_diags pd = {0};
                add_file(&out->owned, path, &pd);
                e = &out->owned.v[out->owned.n - 1];
                if (diags && (!e->plan || pd.count[KH_ERROR])) {
                    if (diags) kh_diag(diags, p->path, c->file.pos, e->plan ? KH_WARNING : KH_ERROR,
                            "CHAIN-FILE",
                            "the implemented plan %s has %zu error(s); run 'kehoach check %s'",
                            "kế hoạch cấp trên %s có %zu lỗi; hãy chạy 'kehoach check %s'",
                            path, pd.count[KH_ERROR], path);
                }
                kh_diags_free(&pd);
            }
            free(real);
            free(path);
        } else if (c->number.s) {
            e = kh_plan_set_find(set, c->number.s, p);
        }
        if (e && e->plan)
            out->v[out->n++] = (kh_chain_link){i, e->plan, e->path, by_file};
    }
    free(self_real);
}

int kh_plan_set_add_tree(kh_plan_set *s, const char *path, kh_diags *diags)
{
    size_t first = s->n;
    if (kh_plan_set_add(s, path, diags) != 0)
        return -1;
    /* Follow `file:` upwards from every plan added (the set grows as we go;
     * duplicates are skipped by realpath, so cycles end). */
    for (size_t i = first; i < s->n; i++) {
        const kh_plan *p = s->v[i].plan;
        for (size_t k = 0; p && k < p->n_implements; k++) {
            const kh_text *f = &p->implements[k].file;
            if (!f->s || !*f->s)
                continue;
            char *parent = relative_to(s->v[i].path, f->s);
            struct stat st;
            if (stat(parent, &st) == 0 && S_ISREG(st.st_mode))
                add_file(s, parent, diags);
            free(parent);
            p = s->v[i].plan; /* s->v may have moved */
        }
    }
    return 0;
}

void kh_chain_free(kh_chain *c)
{
    free(c->v);
    kh_plan_set_free(&c->owned);
    *c = (kh_chain){0};
}

void kh_check_chained(const kh_plan *p, const kh_check_opts *opts,
                      const kh_plan_set *set, kh_diags *out)
{
    kh_check_opts o = opts ? *opts : (kh_check_opts){0};
    kh_chain ch;
    kh_chain_resolve(p, set, &ch, out);
    o.chain = &ch;
    if (!o.library)
        o.library = set;
    kh_check(p, &o, out);
    kh_chain_free(&ch);
}
