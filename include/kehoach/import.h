/* import.h — Word and text documents in: the readers (src/import/docx_read.c,
 * text_read.c) turn a file into a list of paragraphs with their source
 * places; the recogniser (src/import/recognise.c) maps them onto the plan
 * structure and writes plan YAML the loader accepts, with a map from each
 * YAML line back to the paragraph it came from, so `check draft.docx`
 * reports at the paragraph (DOCX) or line (text) of the input. */
#ifndef KEHOACH_IMPORT_H
#define KEHOACH_IMPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "kehoach/diag.h"
#include "kehoach/text.h"

/* Bounds on hostile input, each reported with its own diagnostic ID. */
#define KH_IMPORT_MAX_BYTES      (16u << 20) /* the input file (IMPORT-TOO-BIG) */
#define KH_DOCX_MAX_ENTRIES      1000        /* zip entries (DOCX-ENTRIES) */
#define KH_DOCX_MAX_XML_BYTES    (8u << 20)  /* word/document.xml unpacked (DOCX-SIZE) */
#define KH_DOCX_MAX_RATIO        100         /* unpacked / packed (DOCX-RATIO) */
#define KH_DOCX_MAX_DEPTH        64          /* XML element depth (DOCX-DEPTH) */
#define KH_IMPORT_MAX_PARAS      20000       /* paragraphs (IMPORT-PARAS) */
#define KH_IMPORT_MAX_PARA_BYTES (64u << 10) /* one paragraph (IMPORT-PARA-SIZE) */
/* kehoach's own data in a DOCX (docs/docx-metadata.md; DOCX-META): */
#define KH_DOCX_META_MAX_BYTES   (1u << 20)  /* one customXml/itemN.xml unpacked */
#define KH_DOCX_META_MAX_PARTS   16          /* customXml items looked at */
#define KH_DOCX_META_MAX_RECORDS 20000       /* records, bookmarks */
#define KH_IMPORT_MAX_CITES      8           /* documents one sentence cites, apart by ';' */
#define KH_DOCX_META_MAX_VALUE   2048        /* one value, bytes */

typedef enum kh_src_kind { KH_SRC_TEXT, KH_SRC_DOCX } kh_src_kind;

enum { /* kh_para.flags */
    KH_PARA_BOLD = 1,    /* every run bold */
    KH_PARA_ITALIC = 2,  /* every run italic */
    KH_PARA_TABLE = 4,   /* inside a table cell */
    KH_PARA_HEADING = 8, /* a Heading style */
    KH_PARA_CENTER = 16,
    KH_PARA_CAPS = 32,   /* every run shown in capitals (<w:caps/>), stored in its own case */
    KH_PARA_UNSURE = 64, /* text (text_read.c): in a table, the first cell of a row whose
                          * cells it could not all tell apart; outside one, the first
                          * paragraph of a table it could not read, kept as text. Said
                          * in the YAML */
};

/* One paragraph of the input. text: UTF-8 (NFC), bold and italic runs as
 * Markdown `**` / `*`; line breaks inside it (text: the block's lines,
 * DOCX: manual breaks) as '\n'. */
typedef struct kh_para {
    char *text;
    unsigned line;  /* text: line of the first character; DOCX: paragraph number */
    unsigned flags;
    /* DOCX, a paragraph in a table cell: the table's ordinal among the
     * document's outer tables (1, 2, …; 0: not in a table), the row and the
     * cell within the row (0-based). A nested table's text counts as its
     * outer cell's. An empty cell has no paragraph: its place is a gap. */
    unsigned table, row, cell;
    /* DOCX, a paragraph in a table inside a table cell (the Nơi nhận
     * groups kehoach writes: the lines in the first cell, the role in the
     * second): the nested table's ordinal in the document (1, 2, …; 0: not
     * in one) and its cell within the row (0-based). */
    unsigned nested, nested_cell;
} kh_para;

/* What a DOCX written by kehoach carries beside its text (the unprinted
 * data of docs/docx-metadata.md): records, each naming the hidden
 * bookmark `_khN` of the paragraph that prints its element (at: "" for a
 * plan-wide record), and the bookmarks found, with their paragraph. The
 * reader is src/import/docx_meta.c; src/import/meta_apply.c fills the
 * recognised plan from it and frees it. */
typedef enum kh_meta_kind {
    KH_META_UNIT, KH_META_TASK, KH_META_EVENT, KH_META_SECTION, KH_META_ROW,
    KH_META_RECIPIENT, KH_META_SCHEDULE, KH_META_PEAK, KH_META_IMPLEMENTS,
    KH_META_CLOSING, KH_META_RULE_OFF,
} kh_meta_kind;

#define KH_META_MAX_FIELDS 5
typedef struct kh_meta_rec {
    kh_meta_kind kind;
    char at[16];
    size_t n;
    const char *key[KH_META_MAX_FIELDS]; /* static names: "id", "if-before" … */
    char *value[KH_META_MAX_FIELDS];
} kh_meta_rec;

typedef struct kh_meta_mark {
    char name[16];
    size_t para; /* index in kh_src.v */
} kh_meta_mark;

typedef struct kh_docx_meta {
    kh_meta_rec *rec;
    size_t n_rec, cap_rec;
    kh_meta_mark *marks;
    size_t n_marks, cap_marks;
} kh_docx_meta;

typedef struct kh_src {
    const char *path; /* as given, for diagnostics */
    kh_src_kind kind;
    kh_para *v;
    size_t n, cap;
    kh_docx_meta meta; /* DOCX: kehoach's records, if any */
} kh_src;

/* Read `len` bytes named `path` as DOCX (a zip) or text, by content. An old
 * binary .doc, an encrypted file, another zip, a legacy Vietnamese encoding
 * (TCVN3, VNI) are refused with a located error. Returns 0, or -1 when
 * nothing could be read (diagnostics say why). */
int kh_import_read(const char *path, const char *data, size_t len, kh_src *doc,
                   kh_diags *d);
int kh_read_docx(const char *path, const char *data, size_t len, kh_src *doc,
                 kh_diags *d);
int kh_read_text(const char *path, const char *data, size_t len, kh_src *doc,
                 kh_diags *d);
/* Append a paragraph (copied); false past KH_IMPORT_MAX_PARAS. */
bool kh_src_add(kh_src *doc, const char *text, size_t n, unsigned line, unsigned flags);
void kh_src_free(kh_src *doc);

/* Where each line of the written YAML came from: para[i] is 1 + the index
 * of the paragraph of YAML line i + 1 (0: none), cp[i] the code point of
 * that paragraph where the line's value starts, col[i] the YAML column of
 * that value. */
typedef struct kh_import_map {
    unsigned *para, *cp, *col;
    size_t n, cap;
} kh_import_map;
void kh_import_map_free(kh_import_map *m);

/* Paragraphs → plan YAML in `yaml`. What it is unsure of is a `# kehoach
 * import:` comment in the YAML and a located note in `d`. Returns 0. */
int kh_recognise(const kh_src *doc, kh_buf *yaml, kh_import_map *map, kh_diags *d);

/* A bookmark name kehoach writes: `_kh` and 1 to 9 digits. */
bool kh_meta_name_ok(const char *name);
/* The bookmark `name` in paragraph `para` (ignored past the bound). */
void kh_meta_add_mark(kh_docx_meta *m, const char *name, size_t para);
/* Read one customXml item: 0 when it is not kehoach's or was read, -1
 * when it is kehoach's but unusable (a warning says why; nothing kept).
 * (src/import/docx_meta.c, in the Word module) */
int kh_docx_meta_parse(const char *path, const char *part, const char *xml, size_t len,
                       kh_docx_meta *m, kh_diags *d);
/* Fill the recognised YAML (and its map) from doc->meta: each record whose
 * bookmark is in the paragraph of an element of its kind adds the values
 * that element does not have yet; the others are ignored with a note.
 * (src/import/meta_apply.c) */
void kh_meta_apply(const kh_src *doc, kh_buf *yaml, kh_import_map *map, kh_diags *d);
void kh_docx_meta_free(kh_docx_meta *m);

/* Move the diagnostics of the YAML `yaml_path` (loaded from kh_recognise's
 * output) onto the input: file, paragraph or line, column, and a short
 * quote of the text added to each message. */
void kh_import_relocate(kh_diags *d, const char *yaml_path, const kh_src *doc,
                        const kh_import_map *map);

/* Whole pipeline for `check` and `import`: read, recognise. Returns the
 * YAML (caller frees) or NULL. */
char *kh_import_file(const char *path, kh_src *doc, kh_import_map *map, size_t *len,
                     kh_diags *d);

/* TCVN3 (ABC) bytes → UTF-8 (iconv's TCVN5712-1); NULL when iconv fails.
 * Caller frees. (src/import/doc.c) */
char *kh_tcvn3_decode(const char *data, size_t len, size_t *out_len);

/* A plausible case for a header name (superior, issuer) that came in
 * capitals: "ĐẢNG ỦY XÃ TÂN LẬP" → "Đảng ủy xã Tân Lập" (src/import/
 * name_case.c, which holds the table of level words). Caller frees. */
char *kh_import_name_case(const char *upper);

/* Whether a header line opens the issuer's name: it starts with the head
 * of an issuing body (Đảng ủy, Huyện ủy, Ban, Ủy ban nhân dân, Sở …, not
 * Đảng bộ, the superior's). *bare: the line is the head alone ("ĐẢNG
 * ỦY", "ỦY BAN NHÂN DÂN"), so the next line goes on with the name
 * (src/import/name_case.c). */
bool kh_import_issuer_head(const char *line, bool *bare);

/* A document cited in a sentence (src/import/cite.c): "<Type> số <number>
 * ngày <date> của <issuer> [về <subject>]". Values malloc'd, NULL when
 * absent; yy 0 when no date; len: the bytes of the sentence the citation
 * takes (its trailing punctuation left). */
typedef struct kh_import_cite {
    char *type, *number, *issuer, *subject;
    int yy, mm, dd;
    size_t len;
} kh_import_cite;
/* Reads the citation that opens s; false (nothing held) when s does not
 * open with "<Type> số <number>". kh_import_cite_free in either case. */
bool kh_import_cite_parse(const char *s, kh_import_cite *c);
/* The citations after the first (held in v[0], its len set), apart by
 * "; " in the same sentence ("Chỉ thị số …; Kết luận số …; Hướng dẫn số
 * …"), each with its date and issuer, into v[1..max-1]; the count in v,
 * v[0] included. Each kh_import_cite_free. */
size_t kh_import_cite_more(const char *s, kh_import_cite *v, size_t max);
void kh_import_cite_free(kh_import_cite *c);

/* A name the importers take by its extension: .docx, .txt. */
bool kh_import_wants(const char *path);

#endif
