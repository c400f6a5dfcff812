/* diag_format.c — diagnostics as machine-readable documents for CI and
 * editors: kehoach's own JSON (versioned, tests/schemas/diagnostics.schema.json)
 * and SARIF 2.1.0 (GitHub code scanning and other annotators). One document
 * per run, written to stdout by `kehoach check --format=json|sarif`. */
#include <stdint.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "kehoach/check.h"

static const char *severity_word(kh_severity s)
{
    return s == KH_ERROR ? "error" : s == KH_WARNING ? "warning" : "note";
}

void cli_diags_json(kh_buf *b, const kh_diags *d, kh_lang lang, size_t n_files)
{
    kh_buf_printf(b, "{\"version\":1,\"tool\":{\"name\":\"kehoach\",\"version\":\"%s\"},",
                  KH_VERSION);
    kh_buf_printf(b, "\"language\":\"%s\",\"diagnostics\":[", lang == KH_LANG_VI ? "vi" : "en");
    for (size_t i = 0; i < d->n; i++) {
        const kh_diagnostic *x = &d->v[i];
        kh_buf_puts(b, i ? ",\n" : "\n");
        kh_buf_puts(b, "{\"file\":");
        cli_json_str(b, x->file ? x->file : "");
        kh_buf_printf(b, ",\"line\":%u,\"column\":%u,\"severity\":\"%s\",\"id\":",
                      x->pos.line, x->pos.line ? (x->pos.col ? x->pos.col : 1) : 0,
                      severity_word(x->sev));
        cli_json_str(b, x->id);
        kh_buf_puts(b, ",\"message\":");
        cli_json_str(b, lang == KH_LANG_VI ? x->msg_vi : x->msg_en);
        kh_buf_puts(b, ",\"message_en\":");
        cli_json_str(b, x->msg_en);
        kh_buf_puts(b, ",\"message_vi\":");
        cli_json_str(b, x->msg_vi);
        for (size_t k = 0; k < x->n_rel; k++) {
            const kh_related *r = &x->rel[k];
            kh_buf_puts(b, k ? ",{\"file\":" : ",\"related\":[{\"file\":");
            cli_json_str(b, r->file ? r->file : "");
            kh_buf_printf(b, ",\"line\":%u,\"column\":%u,\"message\":", r->pos.line,
                          r->pos.line ? (r->pos.col ? r->pos.col : 1) : 0);
            cli_json_str(b, lang == KH_LANG_VI ? r->msg_vi : r->msg_en);
            kh_buf_puts(b, ",\"message_en\":");
            cli_json_str(b, r->msg_en);
            kh_buf_puts(b, ",\"message_vi\":");
            cli_json_str(b, r->msg_vi);
            kh_buf_puts(b, k + 1 == x->n_rel ? "}]" : "}");
        }
        kh_buf_puts(b, "}");
    }
    kh_buf_printf(b, "\n],\"summary\":{\"files\":%zu,\"errors\":%zu,\"warnings\":%zu,"
                     "\"notes\":%zu,\"not_shown\":%zu}}\n",
                  n_files, d->count[KH_ERROR], d->count[KH_WARNING], d->count[KH_NOTE],
                  d->dropped);
}

/* A path as a relative URI reference: unreserved bytes and '/' kept, the
 * rest percent-encoded (Vietnamese file names, spaces). */
static void put_uri(kh_buf *b, const char *path)
{
    static const char hex[] = "0123456789ABCDEF";
    kh_buf u = {0};
    for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
        if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
            strchr("-._~/", *p))
            kh_buf_putc(&u, (char)*p);
        else {
            kh_buf_putc(&u, '%');
            kh_buf_putc(&u, hex[*p >> 4]);
            kh_buf_putc(&u, hex[*p & 15]);
        }
    }
    cli_json_str(b, kh_buf_str(&u));
    kh_buf_free(&u);
}

/* FNV-1a of s, every run of digits counted as one '0': a message that
 * quotes a line number ("first at line 12") keeps its fingerprint when
 * lines move. */
static uint64_t fnv1a(uint64_t h, const char *s)
{
    for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++) {
        if (*p >= '0' && *p <= '9') {
            while (p[1] >= '0' && p[1] <= '9')
                p++;
            h ^= '0';
        } else
            h ^= *p;
        h *= 0x100000001b3ull;
    }
    h ^= 0xff; /* field separator */
    h *= 0x100000001b3ull;
    return h;
}

/* Rule IDs that are not in the catalogue (loader and I/O diagnostics) still
 * need a rules[] entry; they follow the catalogue, in order of appearance. */
typedef struct rule_list {
    const char **ids;
    size_t n;
} rule_list;

static size_t rule_index(rule_list *r, const char *id)
{
    for (size_t i = 0; i < r->n; i++)
        if (!strcmp(r->ids[i], id))
            return i;
    r->ids[r->n] = id;
    return r->n++;
}

/* A rule's name for people and tools (SARIF reportingDescriptor.name): the
 * words of its ID after the "R-" prefix, abbreviations spelled out, in
 * PascalCase: R-NUM-FORMAT → NumberFormat, LOAD-DUP-KEY →
 * LoadDuplicateKey. */
static void put_rule_name(kh_buf *b, const char *id)
{
    static const char *const words[][2] = {
        {"NUM", "Number"},     {"HDR", "Header"},        {"REF", "Reference"},
        {"SEC", "Section"},    {"PARA", "Paragraph"},    {"ENUM", "Enumeration"},
        {"RECIP", "Recipient"}, {"SIGN", "Signature"},   {"DUP", "Duplicate"},
        {"ORTHO", "Orthography"}, {"ANNIV", "Anniversary"}, {"PUNCT", "Punctuation"},
        {"WS", "Whitespace"},  {"AUTH", "Authority"},    {"ARITH", "Arithmetic"},
        {"PAREN", "Parenthesis"}, {"SEQ", "Sequence"},   {"LUU", "Archive"},
        {"IO", "InputOutput"},
        {"UTF8", "Utf8"},      {"NFC", "Nfc"},           {"MULTIDOC", "MultipleDocuments"},
        {"SUBHEAD", "Subheading"},
    };
    kh_buf n = {0};
    const char *p = !strncmp(id, "R-", 2) ? id + 2 : id;
    while (*p) {
        size_t len = strcspn(p, "-");
        const char *word = NULL;
        for (size_t i = 0; i < sizeof words / sizeof words[0] && !word; i++)
            if (strlen(words[i][0]) == len && !strncmp(words[i][0], p, len))
                word = words[i][1];
        if (word)
            kh_buf_puts(&n, word);
        else
            for (size_t i = 0; i < len; i++) {
                char c = p[i];
                if (i && c >= 'A' && c <= 'Z')
                    c = (char)(c - 'A' + 'a');
                kh_buf_putc(&n, c);
            }
        p += len;
        if (*p == '-')
            p++;
    }
    cli_json_str(b, kh_buf_str(&n));
    kh_buf_free(&n);
}

/* The short description of a rule that is not in the catalogue: the
 * loader's rules (LOAD-*) and I/O. */
static const char *builtin_summary(const char *id, kh_lang lang)
{
    if (!strcmp(id, "IO"))
        return lang == KH_LANG_VI ? "Không đọc hoặc không ghi được tệp"
                                  : "A file cannot be read or written";
    return lang == KH_LANG_VI ? "Tệp kế hoạch không đúng định dạng (docs/plan-format.md)"
                              : "The plan file does not follow the plan format "
                                "(docs/plan-format.md)";
}

/* help (text and Markdown), helpUri and the descriptions of one rule, all
 * in the run's language. GitHub code scanning wants `help` on every rule. */
static void put_rule_help(kh_buf *b, const kh_rule *r, const char *id, kh_lang lang,
                          const char *rules_url)
{
    bool vi = lang == KH_LANG_VI;
    const char *summary = r ? (vi ? r->summary_vi : r->summary_en) : builtin_summary(id, lang);
    const char *source = r ? kh_rule_source(id) : NULL;
    kh_buf uri = {0}, text = {0}, md = {0}, full = {0};
    if (r) {
        kh_buf_printf(&uri, "%s#", rules_url);
        for (const char *p = id; *p; p++) /* Markdown heading anchors are lower case */
            kh_buf_putc(&uri, (char)(*p >= 'A' && *p <= 'Z' ? *p - 'A' + 'a' : *p));
    } else { /* the plan format's general rules, beside docs/rules.md */
        const char *slash = strrchr(rules_url, '/');
        size_t keep = slash ? (size_t)(slash - rules_url) + 1 : 0;
        kh_buf_printf(&uri, "%.*s%s", (int)keep, rules_url, "plan-format.md#general-rules");
    }
    kh_buf_printf(&full, "%s.", summary);
    if (source)
        kh_buf_printf(&full, vi ? " Nguồn: %s." : " Source: %s.", source);
    kh_buf_printf(&text, "%s\n\n%s %s", kh_buf_str(&full),
                  vi ? "Mô tả, ví dụ sai và đúng, cách sửa:" : "Description, failing and passing "
                                                             "examples, the fix:",
                  kh_buf_str(&uri));
    kh_buf_printf(&md, "**%s**: %s\n\n", id, kh_buf_str(&full));
    kh_buf_printf(&md, vi ? "[Mô tả, ví dụ sai và đúng, cách sửa](%s)"
                          : "[Description, failing and passing examples, the fix](%s)",
                  kh_buf_str(&uri));
    kh_buf_puts(b, ",\"shortDescription\":{\"text\":");
    cli_json_str(b, summary);
    kh_buf_puts(b, "},\"fullDescription\":{\"text\":");
    cli_json_str(b, kh_buf_str(&full));
    kh_buf_puts(b, "},\"help\":{\"text\":");
    cli_json_str(b, kh_buf_str(&text));
    kh_buf_puts(b, ",\"markdown\":");
    cli_json_str(b, kh_buf_str(&md));
    kh_buf_puts(b, "},\"helpUri\":");
    cli_json_str(b, kh_buf_str(&uri));
    kh_buf_free(&uri);
    kh_buf_free(&text);
    kh_buf_free(&md);
    kh_buf_free(&full);
}

/* {"physicalLocation":{…}} of a file and position. */
static void put_location(kh_buf *b, const char *file, kh_pos pos)
{
    kh_buf_puts(b, "\"physicalLocation\":{\"artifactLocation\":{\"uri\":");
    put_uri(b, file ? file : "");
    if (file && file[0] != '/')
        kh_buf_puts(b, ",\"uriBaseId\":\"%SRCROOT%\"");
    kh_buf_puts(b, "}");
    if (pos.line)
        kh_buf_printf(b, ",\"region\":{\"startLine\":%u,\"startColumn\":%u}", pos.line,
                      pos.col ? pos.col : 1);
    kh_buf_puts(b, "}");
}

void cli_diags_sarif(kh_buf *b, const kh_diags *d, kh_lang lang, const char *rules_url)
{
    size_t n_cat;
    const kh_rule *cat = kh_rules(&n_cat);
    rule_list rules = {kh_xcalloc(n_cat + d->n + 1, sizeof(char *)), 0};
    for (size_t i = 0; i < n_cat; i++)
        rule_index(&rules, cat[i].id);
    for (size_t i = 0; i < d->n; i++)
        rule_index(&rules, d->v[i].id);

    kh_buf_puts(b, "{\"$schema\":\"https://json.schemastore.org/sarif-2.1.0.json\","
                   "\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{"
                   "\"name\":\"kehoach\",");
    kh_buf_printf(b, "\"version\":\"%s\",\"semanticVersion\":\"%s\",\"informationUri\":",
                  KH_VERSION, KH_VERSION);
    cli_json_str(b, rules_url);
    kh_buf_puts(b, ",\"rules\":[");
    for (size_t i = 0; i < rules.n; i++) {
        const kh_rule *r = kh_rule_find(rules.ids[i]);
        kh_buf_puts(b, i ? ",\n" : "\n");
        kh_buf_puts(b, "{\"id\":");
        cli_json_str(b, rules.ids[i]);
        kh_buf_puts(b, ",\"name\":");
        put_rule_name(b, rules.ids[i]);
        put_rule_help(b, r, rules.ids[i], lang, rules_url);
        kh_buf_printf(b, ",\"defaultConfiguration\":{\"level\":\"%s\"}}",
                      severity_word(r ? r->severity : KH_ERROR));
    }
    kh_buf_printf(b, "\n]}},\"language\":\"%s\",\"columnKind\":\"unicodeCodePoints\",",
                  lang == KH_LANG_VI ? "vi-VN" : "en-US");
    kh_buf_printf(b, "\"originalUriBaseIds\":{\"%%SRCROOT%%\":{\"description\":{\"text\":"
                     "\"%s\"}}},\"results\":[",
                  lang == KH_LANG_VI ? "Thư mục nơi chạy kehoach" : "The directory kehoach ran in");
    /* Fingerprints, stable across unrelated edits: rule, file, message
     * (numbers blurred), and how many alike came before; no line number. */
    uint64_t *hashes = kh_xcalloc(d->n + 1, sizeof *hashes);
    for (size_t i = 0; i < d->n; i++)
        hashes[i] = fnv1a(fnv1a(fnv1a(0xcbf29ce484222325ull, d->v[i].id), d->v[i].file),
                          d->v[i].msg_en);
    for (size_t i = 0; i < d->n; i++) {
        const kh_diagnostic *x = &d->v[i];
        uint64_t h = hashes[i];
        unsigned dup = 0;
        for (size_t j = 0; j < i; j++)
            dup += hashes[j] == h;
        kh_buf_puts(b, i ? ",\n" : "\n");
        kh_buf_puts(b, "{\"ruleId\":");
        cli_json_str(b, x->id);
        kh_buf_printf(b, ",\"ruleIndex\":%zu,\"level\":\"%s\",\"message\":{\"text\":",
                      rule_index(&rules, x->id), severity_word(x->sev));
        cli_json_str(b, lang == KH_LANG_VI ? x->msg_vi : x->msg_en);
        kh_buf_puts(b, "},\"locations\":[{");
        put_location(b, x->file, x->pos);
        kh_buf_puts(b, "}]");
        for (size_t k = 0; k < x->n_rel; k++) {
            const kh_related *r = &x->rel[k];
            kh_buf_printf(b, "%s{\"id\":%zu,", k ? "," : ",\"relatedLocations\":[", k + 1);
            put_location(b, r->file, r->pos);
            kh_buf_puts(b, ",\"message\":{\"text\":");
            cli_json_str(b, lang == KH_LANG_VI ? r->msg_vi : r->msg_en);
            kh_buf_puts(b, k + 1 == x->n_rel ? "}}]" : "}}");
        }
        kh_buf_printf(b, ",\"partialFingerprints\":{\"kehoachDiagnostic/v1\":\"%016llx:%u\"}",
                      (unsigned long long)h, dup);
        kh_buf_puts(b, ",\"properties\":{\"message_en\":");
        cli_json_str(b, x->msg_en);
        kh_buf_puts(b, ",\"message_vi\":");
        cli_json_str(b, x->msg_vi);
        kh_buf_puts(b, "}}");
    }
    kh_buf_puts(b, "\n]}]}\n");
    free(hashes);
    free(rules.ids);
}
