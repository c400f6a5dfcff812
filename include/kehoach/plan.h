/* plan.h — the typed plan: every part of a kế hoạch as one tree of structs.
 * Every value the user wrote keeps its source position, so any pass can point
 * at it. Built only by the loader (src/load/load.c); freed by kh_plan_free
 * (src/model/plan.c). Nothing here knows YAML. See docs/plan-format.md. */
#ifndef KEHOACH_PLAN_H
#define KEHOACH_PLAN_H

#include <stdbool.h>
#include <stddef.h>

#include "kehoach/date.h"

/* A position in the plan file: 1-based line and column, columns counted in
 * code points (libyaml's unit). line == 0 means "no position". */
typedef struct kh_pos {
    unsigned line, col;
} kh_pos;

typedef enum kh_scalar_style {
    KH_STYLE_PLAIN,
    KH_STYLE_SINGLE_QUOTED,
    KH_STYLE_DOUBLE_QUOTED,
    KH_STYLE_LITERAL, /* |  : Markdown bodies */
    KH_STYLE_FOLDED,  /* >  */
} kh_scalar_style;

/* A string value as the user wrote it, NFC-normalised. s == NULL: absent. */
typedef struct kh_text {
    const char *s;
    kh_pos pos;   /* where the value starts (the `|` for block scalars) */
    kh_pos body;  /* first content character: for literal and folded blocks
                     the line after the indicator, at the block's indent */
    kh_scalar_style style;
} kh_text;

/* Source position of byte offset `off` inside t->s. Exact for literal
 * blocks and one-line scalars; the value's start for other multi-line
 * scalars (their line breaks were folded away by YAML). */
kh_pos kh_text_locate(const kh_text *t, size_t off);
bool kh_text_empty(const kh_text *t); /* absent, or only white space */

/* A date the user wrote: the raw text and what it means. */
typedef struct kh_date_value {
    kh_text raw;   /* raw.s == NULL: not given */
    kh_date date;  /* year == 0 when not given or not parseable */
    int rest_at;   /* byte offset in raw.s after the date (trailing text) */
} kh_date_value;

typedef enum kh_profile_id {
    KH_PROFILE_PARTY, /* HD 36-HD/VPTW and QĐ 66-QĐ/TW */
    KH_PROFILE_STATE, /* NĐ 30/2020/NĐ-CP */
} kh_profile_id;

/* A document cited as implemented (`implements:`). */
typedef struct kh_citation {
    kh_pos pos;
    kh_text type;    /* Kế hoạch, Nghị quyết, Hướng dẫn … */
    kh_text number;  /* 111-KH/TU */
    kh_date_value date;
    kh_text issuer;  /* Ban Thường vụ Tỉnh ủy */
    kh_text subject; /* về … */
    kh_text file;    /* optional path of the parent plan file (chain of plans) */
} kh_citation;

/* A dated event of the schedule (`events:` of a section). The text is
 * Markdown holding `{date}` where the date goes (rendered **dd/mm/yyyy**). */
typedef struct kh_event {
    kh_pos pos;
    kh_text text;
    kh_date_value date;
    kh_text what; /* short label for the checklist; default: text, stripped */
    kh_text who;  /* responsible unit (a unit id or a name), optional */
} kh_event;

/* How a task's deadline is worded (`due:`): the words are the profile's. */
typedef enum kh_deadline_form {
    KH_DEADLINE_BEFORE,  /* trước ngày 15/6/2025 (the default) */
    KH_DEADLINE_BY,      /* chậm nhất ngày 15/6/2025: the day itself included */
    KH_DEADLINE_MONTH,   /* trong tháng 6/2025: due the month's last day */
    KH_DEADLINE_QUARTER, /* trong quý II/2025: due the quarter's last day */
} kh_deadline_form;

/* A recurring duty (`every:`): the deadline is the first time it is due. */
typedef enum kh_recurrence {
    KH_EVERY_NONE,
    KH_EVERY_MONTH,     /* định kỳ hằng tháng */
    KH_EVERY_QUARTER,   /* định kỳ hằng quý */
    KH_EVERY_HALF_YEAR, /* định kỳ 6 tháng */
    KH_EVERY_YEAR,      /* định kỳ hằng năm */
} kh_recurrence;

/* One task of a responsible unit. The text is Markdown; `{deadline}` in it
 * is rendered in bold with the words of its form (kh_compose_deadline):
 * **trước ngày dd/mm/yyyy**, **chậm nhất ngày …**, **trong tháng m/yyyy** … */
typedef struct kh_task {
    kh_pos pos;
    kh_text text;
    kh_date_value deadline; /* optional; for MONTH and QUARTER the day may
                               be left out (`2025-06`) */
    kh_deadline_form due;   /* `due:` */
    kh_text due_raw;        /* as written (s == NULL: not given) */
    kh_recurrence every;    /* `every:` */
    kh_text every_raw;
    kh_text report_to;      /* whom the unit reports to; default: the unit's */
    kh_text what;           /* checklist label; default: text, stripped */
    bool report;            /* a reporting duty (explicit `report: true`, or
                               inferred by the loader from report_to) */
} kh_task;

typedef enum kh_unit_layout {
    KH_LAYOUT_AUTO,   /* inline when the unit has one paragraph or one task */
    KH_LAYOUT_INLINE, /* `2. Các đoàn thể Sở: Tổ chức …` */
    KH_LAYOUT_BLOCK,  /* `1. Các chi bộ` then paragraphs and dash items */
} kh_unit_layout;

/* A responsible unit of the implementation section (one numbered paragraph). */
typedef struct kh_unit {
    kh_pos pos;
    kh_text id;        /* optional stable id; recipients may refer to it */
    kh_text name;      /* Các chi bộ */
    kh_text body;      /* Markdown, before the tasks */
    kh_task *tasks;
    size_t n_tasks;
    kh_text report_to; /* default for the tasks */
    kh_unit_layout layout;
    bool numbered;     /* false only to reproduce a published defect */
} kh_unit;

/* How a table column is aligned (`align:`); AUTO: centred when every cell
 * of the column is short and numeric (TT, a date, a count), else left. */
typedef enum kh_cell_align {
    KH_CELL_AUTO,
    KH_CELL_LEFT,
    KH_CELL_CENTER,
    KH_CELL_RIGHT,
} kh_cell_align;

/* A table in a section or an annex (`table:`): a heading row and rows of
 * cells, each cell inline Markdown. Every row has n_cols cells (the loader
 * refuses a ragged row); an empty cell has s == NULL. pos.line == 0: no
 * table. Widths are the renderers' (from the content). */
#define KH_TABLE_MAX_COLS 12
typedef struct kh_table {
    kh_pos pos;
    kh_text caption;      /* optional line above the table (bold, centred) */
    size_t n_cols, n_rows;
    kh_text *head;        /* n_cols heading cells (`columns:`) */
    kh_text *cells;       /* n_rows * n_cols, row-major (`rows:`) */
    kh_pos *row_pos;      /* n_rows: where each row starts */
    kh_cell_align *align; /* n_cols */
    kh_text note;         /* optional Markdown below the table (`note:`) */
} kh_table;

/* The alignment of column k once AUTO is resolved from the content. */
kh_cell_align kh_table_col_align(const kh_table *t, size_t k);

/* One row of a deadline table (`timetable:`): a task, the body that does
 * it, and its deadline, written as a date, as N days before or after the
 * table's event day, or both (then the two must agree: R-TIMETABLE-ARITH). */
typedef struct kh_timetable_row {
    kh_pos pos;
    kh_text task;          /* Markdown (inline): the work to do */
    kh_text unit;          /* who does it */
    kh_text remark;        /* Ghi chú, e.g. the article of law */
    kh_date_value deadline;/* `deadline:` as written, optional */
    long offset;           /* days from the event: -105 (`before: 105`), +10 (`after: 10`) */
    bool has_offset;
    kh_pos offset_pos;
    kh_deadline_form due;  /* `due:`; a timetable's default is `by` (chậm nhất) */
    bool day_off;          /* `day_off: true`: the row knows the day is a
                              Sunday or holiday (the law counts it so) */
    kh_date date;          /* resolved: the deadline, else event + offset;
                              year 0 when neither is known */
} kh_timetable_row;

/* A deadline table counted from an event day (`timetable:`), such as an
 * election timetable: rows of task, unit, deadline, remark, in the order
 * written. It renders as a table, and every dated row is a checklist item
 * (and so an ICS event). pos.line == 0: none. */
typedef struct kh_timetable {
    kh_pos pos;
    kh_text event;          /* the day counted from, in words: `ngày bầu cử` */
    kh_date_value event_date;
    kh_timetable_row *rows;
    size_t n_rows;
} kh_timetable;

typedef enum kh_section_kind {
    KH_SEC_GENERIC,
    KH_SEC_AIMS,           /* MỤC ĐÍCH, YÊU CẦU */
    KH_SEC_PURPOSE,        /* Mục đích */
    KH_SEC_REQUIREMENTS,   /* Yêu cầu */
    KH_SEC_CONTENT,        /* NỘI DUNG … */
    KH_SEC_AUDIENCE,       /* Đối tượng */
    KH_SEC_FORM,           /* Hình thức */
    KH_SEC_SCHEDULE,       /* Thời gian */
    KH_SEC_MATERIALS,      /* Tài liệu */
    KH_SEC_IMPLEMENTATION, /* TỔ CHỨC THỰC HIỆN */
} kh_section_kind;

/* A numbered section. Numbers are never typed: the renderers number the
 * tree (I., 1., 1.1. or I-, 1-, 1.1-). Reading order inside a section:
 * title, body, table, timetable, events, subsections, units. A section with a body
 * and no title is a numbered point: `1. Tổ chức quán triệt …` as one
 * paragraph, the number leading its first line. */
typedef struct kh_section {
    kh_pos pos;
    kh_section_kind kind;
    kh_text kind_raw;
    kh_text title;
    bool inline_body;  /* `1. Đối tượng: Toàn thể …`: title and first
                          paragraph of the body on one line */
    kh_text body;      /* Markdown */
    kh_table table;    /* `table:`, after the body */
    kh_timetable timetable; /* `timetable:`, after the table */
    kh_event *events;
    size_t n_events;
    struct kh_section *sections;
    size_t n_sections;
    kh_unit *units;
    size_t n_units;
} kh_section;

typedef enum kh_role {
    KH_ROLE_NONE,
    KH_ROLE_REPORT,    /* để báo cáo */
    KH_ROLE_IMPLEMENT, /* để thực hiện */
    KH_ROLE_INFORM,    /* để biết */
} kh_role;

typedef enum kh_recipient_kind {
    KH_RECIP_LINE,    /* - Ban Tuyên giáo Tỉnh ủy, */
    KH_RECIP_LABEL,   /* a sub-label such as `Gửi bản điện tử:` */
    KH_RECIP_ARCHIVE, /* - Lưu Văn phòng Huyện ủy. (a line starting `Lưu`) */
} kh_recipient_kind;

/* One line of `Nơi nhận`, in order. Lines of one `group:` share group > 0. */
typedef struct kh_recipient {
    kh_pos pos;
    kh_recipient_kind kind;
    kh_text text;  /* as typed, without the leading `- ` */
    kh_role role;
    kh_text unit;  /* optional id of the unit this line addresses */
    int group;     /* 0: not grouped; else 1, 2, … */
} kh_recipient;

/* The second authority line of a state signature (NĐ 30/2020/NĐ-CP): the
 * head for whom a deputy signs under a collective, `KT. CHỦ TỊCH` between
 * `TM. ỦY BAN NHÂN DÂN` and `PHÓ CHỦ TỊCH`. pos.line == 0: absent. */
typedef struct kh_sign_head {
    kh_pos pos;
    kh_text prefix; /* KT. */
    kh_text title;  /* CHỦ TỊCH: the head's title */
} kh_sign_head;

typedef struct kh_signature {
    kh_pos pos;
    kh_text prefix; /* T/M, K/T, T/L, T/UQ (party); TM., KT., TL. (state) */
    kh_text body;   /* BAN THƯỜNG VỤ */
    kh_text title;  /* PHÓ BÍ THƯ */
    kh_text name;   /* Nguyễn Thanh Hà */
    kh_sign_head head; /* `signature.head`: optional second authority line */
} kh_signature;

/* The campaign window, as metadata (the body text says it in words). */
typedef struct kh_period {
    kh_pos pos;
    kh_date_value from, to;
    kh_text label; /* cao điểm tháng 8 và tháng 9 */
} kh_period;

typedef struct kh_schedule {
    kh_pos pos;
    kh_period window;     /* from/to of the whole campaign */
    kh_period *peaks;
    size_t n_peaks;
    kh_text recurring;    /* hằng tháng … */
} kh_schedule;

/* A rule switched off in the plan file itself, with the reason. */
typedef struct kh_rule_off {
    kh_pos pos;
    kh_text id;
    kh_text reason;
} kh_rule_off;

typedef struct kh_plan {
    const char *path;   /* the file name as given, for diagnostics */
    kh_profile_id profile;
    kh_text profile_raw;
    kh_text superior;     /* ĐẢNG BỘ TỈNH …; rendered in capitals */
    kh_text issuer;       /* HUYỆN ỦY BẠCH THÔNG; rendered in capitals */
    kh_text issuer_code;  /* HU; default: the code after `/` in number */
    /* The header's own line breaks, where the user wrote the name on
     * several lines (`superior: |` …): the lines joined by '\n', each
     * trimmed. NULL: one line, wrapped by the renderer. superior.s and
     * issuer.s always hold the name on one line, single-spaced. */
    const char *superior_lines;
    const char *issuer_lines;
    kh_text number;       /* 398-KH/ĐU as typed; `-KH/HU` in a draft */
    kh_text place;
    kh_date_value date;   /* issue date */
    kh_text doc_type;     /* KẾ HOẠCH (default) */
    kh_text title;        /* trích yếu; inline Markdown; line breaks kept */
    char delim;           /* '.' or '-' after section numbers */
    kh_citation *implements;
    size_t n_implements;
    kh_text intro;        /* Markdown: the opening paragraph(s) */
    kh_section *sections;
    size_t n_sections;
    kh_text closing;      /* Markdown: `Trên đây là Kế hoạch …` */
    /* Phụ lục (`annexes:`), after the signature, each on a new page under
     * the profile's caption (`Kèm theo Kế hoạch số … ngày …`). An annex is
     * a section tree of titles, bodies and tables; its subsections number
     * from 1. */
    kh_section *annexes;
    size_t n_annexes;
    kh_recipient *recipients;
    size_t n_recipients;
    kh_signature signature;
    kh_schedule schedule;
    kh_rule_off *rules_off;
    size_t n_rules_off;
    kh_text *basis;       /* căn cứ lines (`basis:`), as typed with their
                             punctuation: `Căn cứ Luật … ;` */
    size_t n_basis;
    struct kh_arena *arena; /* owns every string and array above */
} kh_plan;

void kh_plan_free(kh_plan *p); /* frees everything; p itself too */

/* The arena behind a plan: bump allocation, freed at once. */
struct kh_arena;
struct kh_arena *kh_arena_new(void);
void *kh_arena_alloc(struct kh_arena *a, size_t n);   /* zeroed */
char *kh_arena_strndup(struct kh_arena *a, const char *s, size_t n);
void kh_arena_free(struct kh_arena *a);

/* Walk every section depth-first in reading order. `number` is the
 * rendered number without delimiter ("II", "2", "2.1"); depth starts at 0. */
typedef void (*kh_section_visit)(const kh_section *s, int depth,
                                 const char *number, void *ctx);
void kh_plan_walk_sections(const kh_plan *p, kh_section_visit fn, void *ctx);

/* The day a task is due: its deadline, or for a month or quarter deadline
 * that period's last day. year 0 when the task has no (usable) deadline. */
kh_date kh_task_due_date(const kh_task *t);

/* Section numbering: "II" for depth 0, "2" for depth 1, "2.1" for depth 2 … .
 * path[i] is the 1-based index at each depth. buf >= 64 bytes. */
const char *kh_section_number(const int *path, int depth, char *buf);
/* The same with the plan's delimiter: "II." / "II-", "2.1." / "2.1-". */
const char *kh_section_label(const int *path, int depth, char delim, char *buf);
const char *kh_roman(int n, char *buf); /* 1..3999, upper case; buf >= 16 */

const char *kh_section_kind_name(kh_section_kind k); /* "implementation" … */
const char *kh_role_name(kh_role r);                 /* "report" … */
/* `due:` and `every:` as written in a plan file, one spelling for the
 * loader, the JSON export and the importer: NULL-ended, in the order of
 * kh_deadline_form and of kh_recurrence from KH_EVERY_MONTH. */
extern const char *const kh_deadline_form_names[];
extern const char *const kh_recurrence_names[];
const char *kh_deadline_form_name(kh_deadline_form f); /* "before" … */
const char *kh_recurrence_name(kh_recurrence r);       /* "quarter"; "" for none */

#endif
