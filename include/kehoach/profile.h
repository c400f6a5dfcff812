/* profile.h — the one table per profile of every value the format rules fix
 * (sizes, margins, fixed texts, punctuation). Each value in
 * src/model/profile.c is tagged with how sure it is ([S], [S2], [3P], [U],
 * [SEED]; see docs/format-values.md), so a văn phòng corrects it in one
 * place. No other file may hard-code these values. */
#ifndef KEHOACH_PROFILE_H
#define KEHOACH_PROFILE_H

#include <stdbool.h>

#include "kehoach/plan.h"

/* A kind of issuing body and how it signs (state, NĐ 30): a collective
 * (`body` set: it signs `TM. ỦY BAN NHÂN DÂN`), or an agency run by its head
 * (`body` NULL: the head signs `GIÁM ĐỐC`, a deputy `KT. GIÁM ĐỐC`). */
typedef struct kh_issuer_kind {
    const char *start;        /* the issuer's name starts with these words */
    const char *body;         /* "ỦY BAN NHÂN DÂN" after the collective prefix, or NULL */
    const char *head_title;   /* "CHỦ TỊCH" */
    const char *deputy_title; /* "PHÓ CHỦ TỊCH" */
} kh_issuer_kind;

/* The titles that may sign under a collective body (`T/M BAN THƯỜNG VỤ`
 * → BÍ THƯ, PHÓ BÍ THƯ …), NULL-ended. */
typedef struct kh_sign_body_titles {
    const char *body;
    const char *titles[4];
} kh_sign_body_titles;

/* An abbreviation of a body's words and the words in full (`BTV` → `Ban
 * Thường vụ`). */
typedef struct kh_abbrev {
    const char *abbr, *full;
} kh_abbrev;

/* An issuer that cannot issue a Kế hoạch under the profile, and why (the
 * reason is the end of R-AUTH-TYPE's message, in both languages). */
typedef struct kh_auth_bar {
    const char *start;        /* the issuer's name starts with these words */
    const char *why_en, *why_vi;
} kh_auth_bar;

typedef struct kh_profile {
    kh_profile_id id;
    const char *name;          /* "party" / "state" */
    const char *name_vi;       /* "Đảng" / "nhà nước": the name in Vietnamese messages */
    const char *regulation;    /* "HD 36-HD/VPTW (2018)" */
    const char *doc_lang;      /* the document's language, BCP 47 (PDF /Lang, XMP) */

    /* Page, in millimetres. */
    double page_w, page_h;
    double margin_top, margin_bottom, margin_left, margin_right;
    double page_number_from_top; /* baseline distance from the top edge */
    double left_column_share;    /* share of the text width for the left header column */

    /* The typeface, as Word names it (the PDF embeds its metric twin,
     * Liberation Serif, unless --font-dir gives the licensed files). */
    const char *font_name;     /* "Times New Roman" */

    /* Type sizes, in points. */
    double size_header_title;  /* ĐẢNG CỘNG SẢN VIỆT NAM / Quốc hiệu */
    double size_motto;         /* Tiêu ngữ (state) */
    double size_superior;
    double size_issuer;
    double size_number;
    double size_date_line;
    double size_doc_type;      /* KẾ HOẠCH */
    double size_title;         /* trích yếu */
    double size_body;
    double size_recipients_label;
    double size_recipients;
    double size_signature;
    double size_page_number;

    /* Body layout. */
    double line_height;        /* points, baseline to baseline */
    double paragraph_space;    /* points before each paragraph */
    double first_line_indent;  /* millimetres */
    double rule_width;         /* points, stroke of header rules */
    int signature_blank_lines; /* empty lines left for seal and signature */

    /* PDF page composition (points unless noted). */
    double title_rule_length;  /* millimetres: the short rule under the trích yếu */
    double header_leading;     /* baseline to baseline in the header columns */
    double doc_type_space;     /* before the tên loại (KẾ HOẠCH) */
    double body_space;         /* between the title block and the body */
    double end_block_space;    /* before Nơi nhận and the signature */
    double recipients_leading; /* baseline to baseline in Nơi nhận */
    double size_checklist;     /* the due-date checklist appendix table */
    double size_table;         /* tables in the body and the annexes (`table:`) */

    /* Fixed texts and punctuation. */
    const char *header_title;  /* ĐẢNG CỘNG SẢN VIỆT NAM */
    const char *motto;         /* NULL for the party profile */
    const char *issuer_mark;   /* "*" under the issuer (party); NULL: a rule */
    const char *number_prefix; /* "Số " (party) / "Số: " (state) */
    const char *recipients_label;   /* "Nơi nhận:" */
    /* How the label is set: party underlined [U]; state bold italic [3P]. */
    bool recipients_label_bold, recipients_label_italic, recipients_label_underline;
    const char *recipient_line_end; /* "," (party) / ";" (state) */
    const char *recipient_last_end; /* "." */
    const char *archive_prefix;     /* "Lưu " (party) / "Lưu: " (state) */
    const char *sign_prefixes[6];   /* allowed authority prefixes, NULL-ended */
    const char *role_report;        /* "(báo cáo)" */
    const char *group_report;       /* "để báo cáo" */
    const char *group_implement;    /* "để thực hiện" */
    const char *group_inform;       /* "để biết" */
    const char *role_implement;     /* "(thực hiện)": marker of one line */
    const char *role_inform;        /* "(để biết)" */
    /* The words before a task's deadline, per form (`due:`), and of a
     * recurring duty (`every:`), indexed by kh_deadline_form and
     * kh_recurrence. */
    const char *deadline_words[4];  /* "trước ngày ", "chậm nhất ngày ", "trong tháng ", "trong quý " */
    const char *every_words[5];     /* NULL, "định kỳ hằng tháng", … */
    const char *every_first;        /* ", lần đầu ": before the first deadline */
    const char *event_date_prefix;  /* "ngày " before an event's date */
    const char *end_mark;           /* "./." or NULL [U] */
    /* Phụ lục (`annexes:`, and the checklist as an annex): the label over
     * each, numbered when there are several (Roman or Arabic), and the words
     * of the caption `(Kèm theo Kế hoạch số … ngày … của …)`. */
    const char *annex_label;        /* "Phụ lục" */
    bool annex_roman;               /* Phụ lục I, II (state) / Phụ lục 1, 2 (party) */
    const char *annex_with;         /* "Kèm theo " */
    const char *annex_number;       /* " số " */
    const char *annex_date;         /* " ngày " */
    const char *annex_of;           /* " của " */
    /* A deadline table (`timetable:`): its column headings (TT, task, unit,
     * deadline, remark) and the words of a day counted from the event. */
    const char *timetable_heads[5];
    const char *days_before;        /* "ngày trước" (105 ngày trước ngày bầu cử) */
    const char *days_after;         /* "ngày sau" */

    /* Values the rules judge against (src/rules/). */
    const char *sign_collective;    /* "T/M": on behalf of a collective body */
    const char *sign_deputy;        /* "K/T": a deputy signs for the head */
    const char *sign_bodies[10];    /* bodies after sign_collective, NULL-ended */
    const char *sign_titles[24];    /* known chức vụ, NULL-ended */
    const char *type_code;          /* "KH": the type code in the number */
    /* Prefixes of the second authority line (`signature.head`, `KT. CHỦ
     * TỊCH` under `TM. ỦY BAN NHÂN DÂN`), NULL-ended; none: the profile
     * signs with one authority line. */
    const char *sign_head_prefixes[4];
    kh_issuer_kind issuer_kinds[12]; /* how each kind of issuer signs; start NULL ends */
    kh_auth_bar auth_bars[16];       /* who cannot issue a Kế hoạch; start NULL ends */
    /* The form of a document number of this profile's bodies (R-REF-FORM):
     * its pattern for messages ("N-XX/YYY"), words that name such a body
     * (folded: lower case, `ủy`), and codes that end such a number's
     * symbol (judged when no body is named), NULL-ended. */
    const char *number_form;
    const char *body_words[16];
    const char *body_codes[8];
    /* Who signs under each collective body (R-SIGN-TITLE-PREFIX); start
     * NULL ends. The deputy under `K/T X` is `PHÓ X`, or the issuer kind's
     * deputy_title. */
    kh_sign_body_titles sign_body_titles[10];
    /* Abbreviations the issuer line may not carry (R-ISSUER-ABBREV): the
     * issuing body is named in full; abbr NULL ends. */
    kh_abbrev issuer_abbrevs[20];

    /* Căn cứ lines (`basis:`), before the opening paragraph. */
    const char *basis_dash;         /* "- " before each line (party), or NULL */
    bool basis_italic;              /* state: italic */
    const char *basis_line_end;     /* ";" */
    const char *basis_last_end;     /* "," (party: the operative sentence follows) / "." (state) */
    const char *basis_start;        /* "Căn cứ": the word each line starts with */

    /* Header composition. */
    double issuer_rule_share;       /* the rule under the issuer (state): its length
                                       as a share of the name's widest line */
    bool header_balanced_wrap;      /* wrap the issuer and superior lines to even
                                       widths (else first-fit) */
} kh_profile;

const kh_profile *kh_profile_get(kh_profile_id id);
/* "party" / "dang" / "state" / "nha-nuoc" … → id; returns -1 when unknown. */
int kh_profile_parse(const char *name);

#endif
