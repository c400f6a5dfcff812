/* test_md_fidelity.c — the Markdown of each seed plan (plans/NNN-*.yaml)
 * must contain every sentence of the published seed (shared/seeds/NNN_*.txt),
 * in the seed's order, after the reviewed corrections of
 * tests/fidelity/NNN.corrections (`from|to` lines, `\\n` a line break, `#`
 * comments) are applied
 * to the seed. Both sides are NFC-normalised, stripped of Markdown markup
 * (`*`, heading marks, backslash escapes and hard breaks) and of repeated
 * white space. Prints the percentage per seed and every missing sentence;
 * fails below 98 %. Seeds are looked up in $KEHOACH_SEEDS, then the copies
 * in tests/fixtures/seeds (so a clean clone runs it), ../shared/seeds and
 * ../../shared/seeds (a worktree); absent: a visible skip. */
#define _DEFAULT_SOURCE
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "kehoach/load.h"
#include "kehoach/render.h"
#include "tap.h"

#define THRESHOLD 98.0

static bool is_dir(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

/* `\n` in a correction stands for a line break. */
static void unescape_newlines(char *s)
{
    char *w = s;
    for (const char *r = s; *r; r++) {
        if (r[0] == '\\' && r[1] == 'n') {
            *w++ = '\n';
            r++;
        } else {
            *w++ = *r;
        }
    }
    *w = '\0';
}

/* Apply `from|to` lines of the corrections file (if any) to text. */
static char *apply_corrections(char *text, const char *path, int *n_applied,
                               kh_buf *unused)
{
    char *list = kh_read_file(path, 1u << 20, NULL);
    if (!list)
        return text;
    for (char *line = strtok(list, "\n"); line; line = strtok(NULL, "\n")) {
        if (line[0] == '#' || !strchr(line, '|'))
            continue;
        char *bar = strchr(line, '|');
        *bar = '\0';
        unescape_newlines(line);
        unescape_newlines(bar + 1);
        const char *from = line, *to = bar + 1;
        if (!strstr(text, from)) {
            kh_buf_printf(unused, "%s; ", from);
            continue;
        }
        kh_buf out = {0};
        const char *s = text, *hit;
        while ((hit = strstr(s, from)) != NULL) {
            kh_buf_put(&out, s, (size_t)(hit - s));
            kh_buf_puts(&out, to);
            s = hit + strlen(from);
        }
        kh_buf_puts(&out, s);
        free(text);
        text = kh_buf_take(&out);
        if (!text)
            text = kh_strdup("");
        ++*n_applied;
    }
    free(list);
    return text;
}

/* Strip Markdown markup of one line and append it with a separating space:
 * heading marks, `*`, backslash escapes, a trailing hard-break backslash. */
static void put_stripped_line(kh_buf *out, const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && s[i] == '#')
        i++;
    if (i && i < n && s[i] == ' ')
        i++;
    else if (i && i < n)
        i = 0; /* `#foo` is text */
    for (; i < n; i++) {
        char c = s[i];
        if (c == '\\' && i + 1 < n && strchr("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", s[i + 1])) {
            kh_buf_putc(out, s[++i]);
            continue;
        }
        if (c == '\\' && i + 1 == n)
            continue; /* hard break */
        if (c == '*')
            continue;
        kh_buf_putc(out, c);
    }
    kh_buf_putc(out, ' ');
}

/* NFC, markup stripped, white space collapsed to single spaces, trimmed. */
static char *normalise(const char *text)
{
    kh_buf stripped = {0};
    for (const char *line = text; *line;) {
        const char *nl = strchr(line, '\n');
        size_t len = nl ? (size_t)(nl - line) : strlen(line);
        put_stripped_line(&stripped, line, len);
        line += len + (nl ? 1 : 0);
    }
    bool changed;
    char *nfc = kh_utf8_nfc(kh_buf_str(&stripped), stripped.len, &changed);
    kh_buf_free(&stripped);
    kh_buf out = {0};
    bool space = true;
    for (const char *c = nfc; *c; c++) {
        bool nbsp = (unsigned char)c[0] == 0xc2 && (unsigned char)c[1] == 0xa0;
        bool ws = *c == ' ' || *c == '\t' || *c == '\r' || *c == '\n' || nbsp;
        if (nbsp)
            c++;
        if (ws) {
            if (!space)
                kh_buf_putc(&out, ' ');
            space = true;
        } else {
            kh_buf_putc(&out, *c);
            space = false;
        }
    }
    free(nfc);
    while (out.len && out.s[out.len - 1] == ' ')
        out.s[--out.len] = '\0';
    char *r = kh_buf_take(&out);
    return r ? r : kh_strdup("");
}

static bool has_word(const char *s)
{
    for (; *s; s++)
        if ((unsigned char)*s >= 0x80 || (*s >= '0' && *s <= '9') ||
            ((*s | 32) >= 'a' && (*s | 32) <= 'z'))
            return true;
    return false;
}

/* True when s..dot is only a section number (`1.`, `2.1.`, `II.`): the
 * full stop ends the number, not a sentence. */
static bool is_label(const char *s, const char *dot)
{
    for (const char *c = s; c < dot; c++)
        if (!strchr("0123456789IVXLC.", *c))
            return false;
    return true;
}

/* Render plan with kh_render_md, without the checklist. */
static char *render(const char *plan_path)
{
    kh_diags d = {0};
    kh_plan *p = kh_load_file(plan_path, &d);
    char *md = NULL;
    if (p && d.count[KH_ERROR] == 0) {
        kh_render_opts o = {.checklist = false, .epoch = -1, .lang = KH_LANG_EN};
        kh_buf out = {0};
        if (kh_render_md(p, &o, &out, &d) == 0)
            md = kh_buf_take(&out);
        kh_buf_free(&out);
    }
    kh_diags_free(&d);
    kh_plan_free(p);
    return md;
}

static void fidelity(const char *seed_path, const char *plan_path,
                     const char *corr_path, const char *id)
{
    char *seed = kh_read_file(seed_path, 1u << 20, NULL);
    char *md = render(plan_path);
    CHECK(seed && md, "%s: seed read and plan %s rendered", id, plan_path);
    if (!seed || !md) {
        free(seed);
        free(md);
        return;
    }
    int applied = 0;
    kh_buf unused = {0};
    seed = apply_corrections(seed, corr_path, &applied, &unused);
    CHECK(unused.len == 0, "%s: every correction in %s applies to the seed", id, corr_path);
    if (unused.len)
        printf("#   not found in the seed: %s\n", kh_buf_str(&unused));
    kh_buf_free(&unused);

    char *out = normalise(md);
    size_t total = 0, found = 0, cursor = 0;
    kh_buf missing = {0};
    /* Units: each line of the seed, cut after sentence-ending punctuation. */
    for (char *line = strtok(seed, "\n"); line; line = strtok(NULL, "\n")) {
        char *norm = normalise(line);
        char *s = norm;
        while (*s) {
            char *end = s;
            while (*end && !((end[0] == '.' || end[0] == '?' || end[0] == '!') &&
                             end[1] == ' ' && !is_label(s, end)))
                end++;
            if (*end)
                end++; /* keep the punctuation */
            char save = *end;
            *end = '\0';
            if (has_word(s)) {
                total++;
                char *hit = strstr(out + cursor, s);
                if (hit) {
                    found++;
                    cursor = (size_t)(hit - out) + strlen(s);
                } else {
                    kh_buf_printf(&missing, "#   missing: %s\n", s);
                }
            }
            *end = save;
            s = end;
            while (*s == ' ')
                s++;
        }
        free(norm);
    }
    double pct = total ? 100.0 * (double)found / (double)total : 0;
    printf("# %s: %.1f%% of the seed's sentences in the Markdown, in order "
           "(%zu/%zu, %d corrections)\n", id, pct, found, total, applied);
    fputs(kh_buf_str(&missing), stdout);
    CHECK(total > 20 && pct >= THRESHOLD, "%s: fidelity %.1f%% >= %.0f%%", id, pct,
          THRESHOLD);
    kh_buf_free(&missing);
    free(out);
    free(md);
    free(seed);
}

static int by_name(const struct dirent **a, const struct dirent **b)
{
    return strcmp((*a)->d_name, (*b)->d_name);
}

int main(void)
{
    const char *env = getenv("KEHOACH_SEEDS");
    const char *dirs[] = {env && *env ? env : NULL, "tests/fixtures/seeds",
                          "../shared/seeds", "../../shared/seeds"};
    const char *seeds = NULL;
    for (size_t i = 0; i < sizeof dirs / sizeof dirs[0]; i++)
        if (dirs[i] && is_dir(dirs[i])) {
            seeds = dirs[i];
            break;
        }
    if (!seeds) {
        printf("ok 1 # skip no seed directory (tests/fixtures/seeds, ../shared/seeds)\n");
        printf("1..1\n");
        return 0;
    }
    struct dirent **ents;
    int n = scandir(seeds, &ents, NULL, by_name);
    int tested = 0;
    for (int i = 0; i < n; i++) {
        const char *name = ents[i]->d_name;
        size_t len = strlen(name);
        if (len > 8 && name[3] == '_' && !strcmp(name + len - 4, ".txt")) {
            char id[4] = {name[0], name[1], name[2], '\0'};
            /* plans/NNN-*.yaml */
            struct dirent **plans;
            int np = scandir("plans", &plans, NULL, by_name);
            char plan[512] = "";
            for (int k = 0; k < np; k++) {
                const char *pn = plans[k]->d_name;
                if (!strncmp(pn, id, 3) && pn[3] == '-' && strstr(pn, ".yaml"))
                    snprintf(plan, sizeof plan, "plans/%s", pn);
                free(plans[k]);
            }
            if (np > 0)
                free(plans);
            char seed[1024], corr[64];
            snprintf(seed, sizeof seed, "%s/%s", seeds, name);
            snprintf(corr, sizeof corr, "tests/fidelity/%s.corrections", id);
            CHECK(plan[0], "%s: a plan plans/%s-*.yaml for seed %s", id, id, name);
            if (plan[0]) {
                fidelity(seed, plan, corr, id);
                tested++;
            }
        }
        free(ents[i]);
    }
    if (n > 0)
        free(ents);
    CHECK(tested > 0, "at least one seed tested (%d)", tested);
    return TAP_DONE();
}
