/* catalogue.c — the rule table (ID, severity, profiles, summary, function)
 * and kh_check(), which runs it. A new rule is one function in the
 * rules_*.c file of its catalogue section plus one row here. */
#include <stdarg.h>
#include <string.h>

#include "kehoach/profile.h"
#include "kehoach/text.h"
#include "rule.h"
#include "scan.h"

#define PARTY (1u << KH_PROFILE_PARTY)
#define STATE (1u << KH_PROFILE_STATE)
#define BOTH (PARTY | STATE)

/* rules_numbering.c: a number across the plans of a run */
void rule_num_year(const kh_plan *p, kh_rule_ctx *cx);
void rule_num_term(const kh_plan *p, kh_rule_ctx *cx);
/* rules_basis.c: the căn cứ lines */
void rule_basis_punct(const kh_plan *p, kh_rule_ctx *cx);
/* rules_state.c: the state profile only (format-rules.md D) */
void rule_num_state(const kh_plan *p, kh_rule_ctx *cx);
/* rules_blank.c: a placeholder left from a template */
void rule_blank(const kh_plan *p, kh_rule_ctx *cx);
/* rules_weekday.c: the weekday of deadlines and events */
void rule_date_weekday(const kh_plan *p, kh_rule_ctx *cx);
/* rules_timetable.c: deadline tables counted from an event day */
void rule_timetable_arith(const kh_plan *p, kh_rule_ctx *cx);
void rule_timetable_day(const kh_plan *p, kh_rule_ctx *cx);
/* rules_table_arith.c: the figures of a typed table (`table:`) */
void rule_table_sum(const kh_plan *p, kh_rule_ctx *cx);
void rule_table_lead(const kh_plan *p, kh_rule_ctx *cx);
void rule_table_ordinal(const kh_plan *p, kh_rule_ctx *cx);
/* rules_canchi.c: the can-chi name of a lunar year beside its year */
void rule_canchi_year(const kh_plan *p, kh_rule_ctx *cx);
/* rules_typed.c: what the renderer prints, typed again; the issuer cut short */
void rule_num_so(const kh_plan *p, kh_rule_ctx *cx);
void rule_sec_number_typed(const kh_plan *p, kh_rule_ctx *cx);
void rule_title_type_repeat(const kh_plan *p, kh_rule_ctx *cx);
void rule_issuer_abbrev(const kh_plan *p, kh_rule_ctx *cx);
/* rules_signature_title.c: the chức vụ under each authority line */
void rule_sign_title_prefix(const kh_plan *p, kh_rule_ctx *cx);
/* rules_window.c: the campaign window and its peaks in order */
void rule_window_order(const kh_plan *p, kh_rule_ctx *cx);
/* rules_report_chain.c: a reporting chain inside the plan, in order */
void rule_report_order(const kh_plan *p, kh_rule_ctx *cx);
/* rules_anniv_body.c: the trích yếu's anniversary counted alike in the body */
void rule_anniv_body(const kh_plan *p, kh_rule_ctx *cx);
/* rules_chain.c: across the chain of plans (kehoach/chain.h) */
void rule_chain_citation(const kh_plan *p, kh_rule_ctx *cx);
void rule_chain_deadline(const kh_plan *p, kh_rule_ctx *cx);
void rule_chain_window(const kh_plan *p, kh_rule_ctx *cx);
void rule_chain_tasks(const kh_plan *p, kh_rule_ctx *cx);

/* Rule functions, by catalogue section (format-rules.md B). */
#define RULE(fn) void fn(const kh_plan *p, kh_rule_ctx *cx);
RULE(rule_hdr_party_title) RULE(rule_hdr_state_title) RULE(rule_issuer_present) RULE(rule_issuer_parent)
RULE(rule_num_format) RULE(rule_num_colon) RULE(rule_num_blank) RULE(rule_num_pad)
RULE(rule_num_type) RULE(rule_num_issuer_code)
RULE(rule_date_present) RULE(rule_date_valid) RULE(rule_date_zero_pad)
RULE(rule_date_line_punct) RULE(rule_date_future) RULE(rule_level_abolished)
RULE(rule_title_type) RULE(rule_title_summary) RULE(rule_title_quotes)
RULE(rule_intro_basis) RULE(rule_sec_purpose) RULE(rule_sec_implement) RULE(rule_body_table)
RULE(rule_enum_seq) RULE(rule_list_seq) RULE(rule_unit_numbered) RULE(rule_para_lower_start)
RULE(rule_paren_balance) RULE(rule_quote_balance) RULE(rule_end_mark) RULE(rule_xref_target)
RULE(rule_ref_format) RULE(rule_ref_date_valid) RULE(rule_ref_consistent)
RULE(rule_ref_before_issue) RULE(rule_ref_issuer_code) RULE(rule_ref_date_missing)
RULE(rule_ref_style)
/* rules_citations.c: the form of a number by its issuer; one document alike */
RULE(rule_ref_form) RULE(rule_ref_same_doc)
RULE(rule_deadline_after_issue) RULE(rule_deadline_unit) RULE(rule_deadline_typed) RULE(rule_event_after_issue)
RULE(rule_event_after_report) RULE(rule_event_order)
RULE(rule_unit_recipient) RULE(rule_count_list) RULE(rule_percent_rate) RULE(rule_title_anniv) RULE(rule_anniv_arith) RULE(rule_anniv_party)
RULE(rule_years_since) RULE(rule_day_named) RULE(rule_range_order) RULE(rule_range_spacing)
RULE(rule_congress_ordinal)
RULE(rule_recip_present) RULE(rule_recip_luu_last) RULE(rule_recip_luu_style)
RULE(rule_recip_punct) RULE(rule_recip_role) RULE(rule_recip_dup) RULE(rule_recip_subhead)
RULE(rule_recip_implemented)
RULE(rule_sign_prefix) RULE(rule_sign_collective) RULE(rule_sign_issuer_match)
RULE(rule_sign_title) RULE(rule_sign_name) RULE(rule_auth_type)
RULE(rule_unicode_nfc) RULE(rule_ortho_tone) RULE(rule_ortho_i_y) RULE(rule_ortho_typo)
RULE(rule_ortho_caps) RULE(rule_ws) RULE(rule_odd_phrase)
/* rules_syllable.c, rules_doubled.c: words of running text */
RULE(rule_ortho_syllable) RULE(rule_ortho_doubled) RULE(rule_ortho_compound)
RULE(rule_sec_title_repeat) RULE(rule_date_horizon)
/* rules_heading_case.c: the case of the headings of levels 1 and 2 */
RULE(rule_heading_case)
static void rule_rules_off(const kh_plan *p, kh_rule_ctx *cx);
#undef RULE

static const kh_rule catalogue[] = {
    /* Chain of plans: only with the implemented plan's file at hand. */
    {"R-CHAIN-CITATION", KH_ERROR, BOTH,
     "the citation of the implemented plan matches that plan's number, date, issuer and type",
     "trích dẫn kế hoạch cấp trên khớp số, ngày, cơ quan ban hành và loại văn bản của kế hoạch đó",
     rule_chain_citation},
    {"R-CHAIN-DEADLINE", KH_ERROR, BOTH,
     "reporting deadlines fall before the implemented plan's deadline for the same report",
     "hạn báo cáo sớm hơn hạn của kế hoạch cấp trên cho cùng báo cáo",
     rule_chain_deadline},
    {"R-CHAIN-WINDOW", KH_WARNING, BOTH,
     "the campaign window (schedule from/to) lies inside the implemented plan's",
     "thời gian thực hiện (schedule from/to) nằm trong thời gian của kế hoạch cấp trên",
     rule_chain_window},
    {"R-CHAIN-TASKS", KH_WARNING, BOTH,
     "what the implemented plan assigns to this plan's issuer appears in this plan",
     "nhiệm vụ kế hoạch cấp trên giao cho cơ quan ban hành có trong kế hoạch này",
     rule_chain_tasks},
    /* Blanks left from a template (kehoach new) */
    {"R-BLANK", KH_ERROR, BOTH, "no '…' placeholder left from a template (a note under --draft)",
     "không còn chỗ trống '…' của mẫu (chỉ lưu ý khi --draft)", rule_blank},
    /* B.1 Header and identity */
    {"R-HDR-PARTY-TITLE", KH_ERROR, PARTY,
     "the Party header only: no Quốc hiệu or Tiêu ngữ typed in",
     "chỉ tiêu đề Đảng: không ghi Quốc hiệu, Tiêu ngữ", rule_hdr_party_title},
    {"R-HDR-STATE-TITLE", KH_ERROR, STATE,
     "the state header only: neither the Party header nor the Quốc hiệu typed in",
     "chỉ Quốc hiệu, Tiêu ngữ do phần mềm in: không ghi tiêu đề Đảng hay gõ lại Quốc hiệu", rule_hdr_state_title},
    {"R-ISSUER-PRESENT", KH_ERROR, BOTH, "the issuer is named",
     "có tên cơ quan ban hành", rule_issuer_present},
    {"R-ISSUER-ABBREV", KH_WARNING, BOTH, "the issuer is named in full, without abbreviations",
     "tên cơ quan ban hành ghi đầy đủ, không viết tắt", rule_issuer_abbrev},
    {"R-ISSUER-PARENT", KH_WARNING, BOTH, "below the central level, the superior body is named, one level up (state: a Sở's governing body)",
     "dưới cấp Trung ương, có tên cơ quan cấp trên, là cấp trên trực tiếp", rule_issuer_parent},
    {"R-NUM-FORMAT", KH_ERROR, PARTY, "the number is N-XX/YYY: no spaces, one hyphen, one slash",
     "số ký hiệu dạng N-XX/YYY: không dấu cách, một gạch nối, một gạch chéo", rule_num_format},
    {"R-NUM-STATE", KH_ERROR, STATE, "the number is N/KH-XXX: number, slash, KH, then the issuer's code (NĐ 30)",
     "số ký hiệu dạng N/KH-XXX: số, gạch chéo, KH, rồi chữ viết tắt cơ quan ban hành (NĐ 30)", rule_num_state},
    {"R-NUM-YEAR", KH_ERROR, STATE, "one issuer gives a number once a calendar year (plans checked together, --plans-dir)",
     "một cơ quan chỉ cấp mỗi số một lần trong năm dương lịch (các kế hoạch kiểm tra cùng nhau, --plans-dir)", rule_num_year},
    {"R-NUM-COLON", KH_ERROR, BOTH, "'Số' as the profile writes it: party 'Số 12-KH/ĐU', state 'Số: 12/KH-UBND'",
     "'Số' đúng thể thức: Đảng 'Số 12-KH/ĐU', nhà nước 'Số: 12/KH-UBND'", rule_num_colon},
    {"R-NUM-SO", KH_ERROR, BOTH, "the number is typed without 'Số' (the renderer adds it)",
     "số ký hiệu ghi không kèm chữ 'Số' (phần mềm tự thêm)", rule_num_so},
    {"R-NUM-BLANK", KH_ERROR, BOTH, "the number is filled in (a note under --draft)",
     "số văn bản đã được điền (chỉ lưu ý khi --draft)", rule_num_blank},
    {"R-NUM-PAD", KH_WARNING, BOTH, "numbers below 10 are written 01–09",
     "số nhỏ hơn 10 viết 01–09", rule_num_pad},
    {"R-NUM-TYPE", KH_ERROR, BOTH, "the type code of a Kế hoạch is KH",
     "tên loại viết tắt của Kế hoạch là KH", rule_num_type},
    {"R-NUM-ISSUER-CODE", KH_WARNING, BOTH, "the issuer code fits the issuer (HU for a Huyện ủy …)",
     "ký hiệu cơ quan khớp với cơ quan ban hành (HU với Huyện ủy …)", rule_num_issuer_code},
    {"R-NUM-TERM", KH_NOTE, PARTY, "one cấp ủy gives a number once a term (plans checked together less than 5 years apart)",
     "một cấp ủy chỉ cấp mỗi số một lần trong nhiệm kỳ (các kế hoạch kiểm tra cùng nhau, cách nhau dưới 5 năm)", rule_num_term},
    /* B.2 Place and date */
    {"R-DATE-PRESENT", KH_ERROR, BOTH, "the place and the full issue date are given (blank day: a note under --draft)",
     "có địa danh và đủ ngày tháng năm ban hành (để trống ngày: lưu ý khi --draft)", rule_date_present},
    {"R-DATE-VALID", KH_ERROR, BOTH, "every dd/mm/yyyy in the text is a real date",
     "mọi ngày dd/mm/yyyy trong văn bản là ngày có thật", rule_date_valid},
    {"R-DATE-ZERO-PAD", KH_WARNING, BOTH, "the date line pads days 1–9 and months 1–2 with a zero",
     "dòng ngày tháng: thêm số 0 trước ngày 1–9 và tháng 1–2", rule_date_zero_pad},
    {"R-DATE-LINE-PUNCT", KH_WARNING, BOTH, "no punctuation at the end of the date line",
     "không có dấu câu ở cuối dòng ngày tháng", rule_date_line_punct},
    {"R-DATE-FUTURE", KH_WARNING, BOTH, "the issue date is not far after --today",
     "ngày ban hành không quá xa sau --today", rule_date_future},
    {"R-LEVEL-ABOLISHED", KH_WARNING, BOTH, "no district-level issuer after 01/7/2025 (unconfirmed)",
     "không có cơ quan cấp huyện ban hành sau 01/7/2025 (chưa xác minh)", rule_level_abolished},
    /* B.3 Title */
    {"R-TITLE-TYPE", KH_ERROR, BOTH, "the tên loại is KẾ HOẠCH",
     "tên loại là KẾ HOẠCH", rule_title_type},
    {"R-TITLE-SUMMARY", KH_ERROR, BOTH, "the trích yếu is present (warning beyond 4 lines)",
     "có trích yếu nội dung (cảnh báo khi dài quá 4 dòng)", rule_title_summary},
    {"R-TITLE-TYPE-REPEAT", KH_WARNING, BOTH, "the trích yếu does not start with the document type",
     "trích yếu không bắt đầu bằng tên loại văn bản", rule_title_type_repeat},
    {"R-TITLE-QUOTES", KH_WARNING, BOTH, "balanced quotes and parentheses in the trích yếu",
     "ngoặc kép, ngoặc đơn trong trích yếu được đóng mở đủ", rule_title_quotes},
    {"R-COUNT-LIST", KH_WARNING, BOTH, "a count announcing an enumeration (ba nhóm nội dung: (1) … (3)) agrees with its items",
     "số lượng nêu trước phần liệt kê (ba nhóm nội dung: (1) … (3)) khớp với số mục", rule_count_list},
    {"R-PERCENT-RATE", KH_WARNING, BOTH, "a rate (tỷ lệ) is a percentage between 0 and 100",
     "tỷ lệ phần trăm nằm trong khoảng 0 đến 100", rule_percent_rate},
    {"R-TITLE-ANNIV", KH_ERROR, BOTH, "an anniversary in the trích yếu matches its years",
     "số năm kỷ niệm trong trích yếu khớp với khoảng năm", rule_title_anniv},
    /* B.4 Structure of the body */
    {"R-INTRO-BASIS", KH_WARNING, BOTH, "the opening names the document implemented and ends 'như sau:'",
     "đoạn mở đầu nêu văn bản được triển khai và kết thúc 'như sau:'", rule_intro_basis},
    {"R-BASIS-PUNCT", KH_WARNING, BOTH, "căn cứ lines end ';', the last as the profile says (party ',', state '.'); party lines typed without '- '",
     "các dòng căn cứ kết thúc bằng ';', dòng cuối đúng thể thức (Đảng ',', nhà nước '.'); dòng căn cứ văn bản Đảng không gõ '- '", rule_basis_punct},
    {"R-SEC-PURPOSE", KH_WARNING, BOTH, "section I is MỤC ĐÍCH, YÊU CẦU with Mục đích and Yêu cầu",
     "mục I là MỤC ĐÍCH, YÊU CẦU, gồm Mục đích và Yêu cầu", rule_sec_purpose},
    {"R-SEC-TITLE-REPEAT", KH_WARNING, BOTH, "no two sections under one heading have the same title",
     "không có hai mục cùng cấp trùng tên", rule_sec_title_repeat},
    {"R-SEC-NUMBER-TYPED", KH_ERROR, BOTH, "a section heading is typed without its number (the renderer numbers)",
     "tiêu đề mục ghi không kèm số thứ tự (phần mềm tự đánh số)", rule_sec_number_typed},
    {"R-SEC-IMPLEMENT", KH_ERROR, BOTH, "TỔ CHỨC THỰC HIỆN exists and is the last section",
     "có mục TỔ CHỨC THỰC HIỆN và là mục cuối", rule_sec_implement},
    {"R-TIMETABLE-ARITH", KH_ERROR, BOTH, "a deadline table's date agrees with its 'N days before/after' the event",
     "ngày trong bảng thời hạn khớp với 'N ngày trước/sau' sự kiện", rule_timetable_arith},
    {"R-TIMETABLE-DAY", KH_WARNING, BOTH, "a deadline table's day is not a Sunday or holiday unless the row says so",
     "ngày trong bảng thời hạn không rơi vào Chủ nhật, ngày lễ, trừ khi hàng đó ghi rõ", rule_timetable_day},
    {"R-TABLE-SUM", KH_WARNING, BOTH, "a table's total row (Tổng cộng, Cộng …) is the sum of the rows above it",
     "hàng tổng của bảng (Tổng cộng, Cộng …) bằng tổng các hàng bên trên", rule_table_sum},
    {"R-TABLE-LEAD", KH_WARNING, BOTH, "the figure of the paragraph leading into a table is the table's total",
     "con số của đoạn dẫn vào bảng khớp với dòng tổng của bảng", rule_table_lead},
    {"R-TABLE-ORDINAL", KH_WARNING, BOTH, "a table's ordinal column (TT, STT) counts 1, 2, 3 … without a skip or a repeat",
     "cột số thứ tự của bảng (TT, STT) đánh 1, 2, 3 … không nhảy số, không lặp số", rule_table_ordinal},
    {"R-BODY-TABLE", KH_WARNING, BOTH, "no Markdown pipe table in a body (it prints as text); tables are 'table:'",
     "không có bảng Markdown trong nội dung (sẽ in ra như văn bản); bảng viết bằng 'table:'", rule_body_table},
    {"R-ENUM-SEQ", KH_WARNING, BOTH, "inline enumerations (1) (2) (3) are consecutive",
     "liệt kê (1) (2) (3) trong đoạn văn liên tiếp nhau", rule_enum_seq},
    {"R-LIST-SEQ", KH_WARNING, BOTH, "the items of a list typed in a body (1. 2. 3., a) b) c)) count on without a skip or a repeat",
     "các mục đánh số trong đoạn văn (1. 2. 3., a) b) c)) liên tiếp, không nhảy hay lặp số", rule_list_seq},
    {"R-UNIT-NUMBERED", KH_WARNING, BOTH, "every unit paragraph of TỔ CHỨC THỰC HIỆN is numbered",
     "mọi đoạn đơn vị trong TỔ CHỨC THỰC HIỆN được đánh số", rule_unit_numbered},
    {"R-PARA-LOWER-START", KH_WARNING, BOTH, "no paragraph broken in two (lower-case start, no end punctuation)",
     "không có đoạn văn bị ngắt đôi (bắt đầu chữ thường, thiếu dấu câu cuối đoạn)", rule_para_lower_start},
    {"R-PAREN-BALANCE", KH_ERROR, BOTH, "balanced parentheses in every paragraph",
     "ngoặc đơn được đóng mở đủ trong mỗi đoạn", rule_paren_balance},
    {"R-QUOTE-BALANCE", KH_WARNING, BOTH, "balanced quotation marks in every paragraph",
     "ngoặc kép được đóng mở đủ trong mỗi đoạn", rule_quote_balance},
    {"R-END-MARK", KH_NOTE, PARTY, "the end mark ./. matches the profile (unconfirmed)",
     "dấu kết thúc ./. theo đúng thể thức (chưa xác minh)", rule_end_mark},
    {"R-XREF-TARGET", KH_WARNING, BOTH, "a reference to a part of the plan (Mục III, Mục II.2, Phụ lục II) names a part it has",
     "dẫn chiếu tới một phần của kế hoạch (Mục III, Mục II.2, Phụ lục II) đúng phần kế hoạch có", rule_xref_target},
    /* B.5 Citations of other documents */
    {"R-REF-FORMAT", KH_WARNING, BOTH, "a cited document is '<Type> số N-XX/YYY ngày d/m/yyyy của <body>'",
     "văn bản được dẫn viết '<Tên loại> số N-XX/YYY ngày d/m/yyyy của <cơ quan>'", rule_ref_format},
    {"R-REF-DATE-VALID", KH_ERROR, BOTH, "the date of a citation is a real date",
     "ngày của văn bản được dẫn là ngày có thật", rule_ref_date_valid},
    {"R-REF-CONSISTENT", KH_ERROR, BOTH, "one document number is cited with one date",
     "một số văn bản chỉ được dẫn với một ngày", rule_ref_consistent},
    {"R-REF-BEFORE-ISSUE", KH_ERROR, BOTH, "cited documents are dated on or before the issue date",
     "văn bản được dẫn có ngày không sau ngày ban hành", rule_ref_before_issue},
    {"R-REF-ISSUER-CODE", KH_WARNING, BOTH, "the code in a cited number fits the body named with it",
     "ký hiệu trong số văn bản được dẫn khớp với cơ quan được nêu", rule_ref_issuer_code},
    {"R-REF-DATE-MISSING", KH_WARNING, BOTH, "the first citation of a document gives its date",
     "lần dẫn đầu tiên một văn bản có ghi ngày", rule_ref_date_missing},
    {"R-REF-STYLE", KH_NOTE, BOTH, "citations are written in one style",
     "các văn bản được dẫn viết theo một cách", rule_ref_style},
    {"R-REF-FORM", KH_WARNING, BOTH, "a Party body's number is in the Party form, a state body's in the state form",
     "số văn bản của cơ quan Đảng viết theo thể thức của Đảng, của cơ quan nhà nước theo thể thức nhà nước", rule_ref_form},
    {"R-REF-SAME-DOC", KH_WARNING, BOTH, "one document is cited with one number and one issuer",
     "một văn bản được dẫn với một số ký hiệu và một cơ quan ban hành", rule_ref_same_doc},
    /* B.6 Dates, deadlines and arithmetic */
    {"R-DATE-HORIZON", KH_WARNING, BOTH, "no deadline or event more than six years after the issue date (a year typed wrong)",
     "không có thời hạn, sự kiện nào sau ngày ban hành quá sáu năm (gõ nhầm năm)", rule_date_horizon},
    {"R-DEADLINE-AFTER-ISSUE", KH_ERROR, BOTH, "every deadline falls after the issue date",
     "mọi thời hạn đều sau ngày ban hành", rule_deadline_after_issue},
    {"R-DEADLINE-TYPED", KH_NOTE, BOTH, "a task's deadline is given as 'deadline:', not typed in its text only",
     "thời hạn của nhiệm vụ ghi bằng 'deadline:', không chỉ gõ trong nội dung", rule_deadline_typed},
    {"R-DEADLINE-UNIT", KH_WARNING, BOTH, "each reporting duty has a deadline (or says 'theo quy định': a note)",
     "mỗi nhiệm vụ báo cáo có thời hạn (hoặc ghi 'theo quy định': lưu ý)", rule_deadline_unit},
    {"R-EVENT-AFTER-ISSUE", KH_WARNING, BOTH, "scheduled events fall on or after the issue date; a missing date is bounded (note)",
     "sự kiện diễn ra từ ngày ban hành trở đi; thiếu ngày ban hành thì nêu khoảng có thể (lưu ý)", rule_event_after_issue},
    {"R-EVENT-AFTER-REPORT", KH_WARNING, BOTH, "no dated event falls after the plan's last (final) reporting deadline",
     "không có sự kiện nào diễn ra sau thời hạn báo cáo cuối cùng của kế hoạch", rule_event_after_report},
    {"R-EVENT-ORDER", KH_WARNING, BOTH, "the dated events of one schedule list run forwards in time",
     "các sự kiện có ngày trong một danh sách lịch trình theo thứ tự thời gian", rule_event_order},
    {"R-WINDOW-ORDER", KH_ERROR, BOTH, "the campaign window ends after it begins; each peak lies inside it",
     "thời gian thực hiện kết thúc sau khi bắt đầu; mỗi đợt cao điểm nằm trong đó", rule_window_order},
    {"R-REPORT-ORDER", KH_WARNING, BOTH, "a unit reports to another unit of the plan on or before that unit's own deadline upward",
     "đơn vị báo cáo đơn vị khác trong kế hoạch không muộn hơn hạn báo cáo cấp trên của đơn vị đó", rule_report_order},
    {"R-DATE-WEEKDAY", KH_WARNING, BOTH, "a weekday named after a deadline or event date is its own; a day off is a note unless named",
     "thứ ghi sau thời hạn, ngày sự kiện đúng với ngày đó; ngày nghỉ là lưu ý nếu không ghi rõ", rule_date_weekday},
    {"R-UNIT-RECIPIENT", KH_WARNING, BOTH, "every unit given tasks appears in Nơi nhận",
     "mọi đơn vị được giao nhiệm vụ đều có trong Nơi nhận", rule_unit_recipient},
    {"R-ANNIV-ARITH", KH_ERROR, BOTH, "'N năm … (Y1 - Y2)' has Y2 − Y1 = N",
     "'N năm … (Y1 - Y2)' có Y2 − Y1 = N", rule_anniv_arith},
    {"R-ANNIV-PARTY", KH_WARNING, BOTH, "years of the Party (1930), the nation (1945) and đổi mới (1986) add up",
     "số năm tính từ ngày thành lập Đảng (1930), thành lập nước (1945), đổi mới (1986) đúng", rule_anniv_party},
    {"R-CANCHI-YEAR", KH_WARNING, BOTH, "the can-chi name of a lunar year beside a year names that year",
     "tên can chi của năm âm lịch ghi cạnh số năm đúng với năm đó", rule_canchi_year},
    {"R-ANNIV-BODY", KH_WARNING, BOTH, "the body counts the trích yếu's anniversary with the same number of years",
     "số năm kỷ niệm trong nội dung khớp với trích yếu", rule_anniv_body},
    {"R-YEARS-SINCE", KH_NOTE, BOTH, "'sau N năm thực hiện <document>' matches the document's year",
     "'sau N năm thực hiện <văn bản>' khớp với năm của văn bản", rule_years_since},
    {"R-DAY-NAMED", KH_WARNING, BOTH, "a named day of the calendar (Quốc khánh, Ngày Pháp luật …) has its own date beside it",
     "ngày kỷ niệm, ngày lễ được gọi tên (Quốc khánh, Ngày Pháp luật …) ghi đúng ngày của nó", rule_day_named},
    {"R-RANGE-ORDER", KH_ERROR, BOTH, "ranges run forwards; a term (nhiệm kỳ) spans 5 years",
     "khoảng thời gian theo thứ tự tăng; nhiệm kỳ là 5 năm", rule_range_order},
    {"R-RANGE-SPACING", KH_NOTE, BOTH, "ranges space the dash one way",
     "các khoảng thời gian thống nhất dấu cách quanh gạch nối", rule_range_spacing},
    {"R-CONGRESS-ORDINAL", KH_WARNING, BOTH, "congress ordinals of one body are N and N+1",
     "số thứ tự đại hội của một đảng bộ là N và N+1", rule_congress_ordinal},
    /* B.7 Nơi nhận */
    {"R-RECIP-PRESENT", KH_ERROR, BOTH, "at least one recipient and a Lưu line",
     "có ít nhất một nơi nhận và dòng Lưu", rule_recip_present},
    {"R-RECIP-LUU-LAST", KH_ERROR, BOTH, "the Lưu line comes last",
     "dòng Lưu ở cuối cùng", rule_recip_luu_last},
    {"R-RECIP-LUU-STYLE", KH_WARNING, BOTH, "the Lưu line in the profile's style (party 'Lưu Văn phòng', state 'Lưu: VT, …')",
     "dòng Lưu đúng thể thức (Đảng 'Lưu Văn phòng', nhà nước 'Lưu: VT, …')", rule_recip_luu_style},
    {"R-RECIP-PUNCT", KH_WARNING, BOTH, "each recipient line ends as the profile says (party ',', state ';'), the last '.'",
     "mỗi dòng nơi nhận kết thúc đúng thể thức (Đảng ',', nhà nước ';'), dòng cuối bằng '.'", rule_recip_punct},
    {"R-RECIP-ROLE", KH_NOTE, BOTH, "higher bodies receive the plan '(báo cáo)'",
     "cơ quan cấp trên nhận kế hoạch '(báo cáo)'", rule_recip_role},
    {"R-RECIP-DUP", KH_WARNING, BOTH, "no recipient twice",
     "không trùng nơi nhận", rule_recip_dup},
    {"R-RECIP-SUBHEAD", KH_NOTE, BOTH, "sub-labels of Nơi nhận are written as labels",
     "tiêu đề phụ trong Nơi nhận được ghi dạng label", rule_recip_subhead},
    {"R-RECIP-IMPLEMENTED", KH_NOTE, PARTY, "the body whose document the plan implements receives it",
     "cơ quan ban hành văn bản được triển khai có trong Nơi nhận", rule_recip_implemented},
    /* B.8 Signature and authority */
    {"R-SIGN-PREFIX", KH_ERROR, BOTH, "the authority prefix is the profile's (party T/M, K/T, T/L; state TM., KT., TL., TUQ., Q.)",
     "quyền hạn ký đúng thể thức (Đảng T/M, K/T, T/L; nhà nước TM., KT., TL., TUQ., Q.)", rule_sign_prefix},
    {"R-SIGN-COLLECTIVE", KH_ERROR, BOTH, "a collective issuer signs on its behalf (party 'T/M <BODY>', no K/T under it; state 'TM. ỦY BAN NHÂN DÂN', a deputy under 'KT. CHỦ TỊCH'); a head-run agency never signs TM.",
     "tập thể ban hành ký thay mặt tập thể (Đảng 'T/M <TẬP THỂ>', không có K/T dưới đó; nhà nước 'TM. ỦY BAN NHÂN DÂN', cấp phó ký dưới 'KT. CHỦ TỊCH'); cơ quan theo chế độ thủ trưởng không ký TM.", rule_sign_collective},
    {"R-SIGN-ISSUER-MATCH", KH_WARNING, BOTH, "the signing body is the issuer's (party: the body the text says acts; state: TM. + the issuer's kind, KT. + its head)",
     "tập thể/chức vụ trong chữ ký khớp với cơ quan ban hành (Đảng: cơ quan nội dung nêu là ban hành; nhà nước: TM. + loại cơ quan, KT. + cấp trưởng của cơ quan)", rule_sign_issuer_match},
    {"R-SIGN-TITLE", KH_WARNING, BOTH, "the chức vụ is a known one of the profile, without the body's name; the state head line names a head",
     "chức vụ đúng danh mục của thể thức, không kèm tên cơ quan; dòng 'head' (nhà nước) ghi chức vụ cấp trưởng", rule_sign_title},
    {"R-SIGN-TITLE-PREFIX", KH_WARNING, BOTH, "the chức vụ fits the authority line (T/M a collective: its head or deputy; K/T X: X's deputy)",
     "chức vụ hợp với dòng quyền hạn (T/M tập thể: người đứng đầu hoặc cấp phó; K/T X: cấp phó của X)", rule_sign_title_prefix},
    {"R-SIGN-NAME", KH_ERROR, BOTH, "the signer's name is given, with no titles",
     "có họ tên người ký, không kèm học hàm, học vị", rule_sign_name},
    {"R-AUTH-TYPE", KH_ERROR, BOTH, "the issuer is a body that may issue a Kế hoạch of the profile",
     "cơ quan ban hành có thẩm quyền ban hành Kế hoạch theo thể thức này", rule_auth_type},
    /* B.9 Orthography and text hygiene */
    {"R-UNICODE-NFC", KH_ERROR, BOTH, "Unicode text (TCVN 6909:2001), no legacy TCVN3/VNI bytes",
     "văn bản Unicode (TCVN 6909:2001), không có mã TCVN3/VNI", rule_unicode_nfc},
    {"R-ORTHO-TONE", KH_WARNING, BOTH, "one tone-mark placement per document (ủy/uỷ, hóa/hoá)",
     "thống nhất cách đặt dấu thanh (ủy/uỷ, hóa/hoá)", rule_ortho_tone},
    {"R-ORTHO-I-Y", KH_WARNING, BOTH, "one i/y spelling per document (lý/lí)",
     "thống nhất cách viết i/y (lý/lí)", rule_ortho_i_y},
    {"R-ORTHO-SYLLABLE", KH_WARNING, BOTH, "each lower-case word is a well-formed Vietnamese syllable (onset, rhyme, one tone; k/gh/ngh before i, y, e, ê; c, ch, p, t endings with sắc or nặng)",
     "mỗi tiếng viết thường đúng cấu tạo âm tiết tiếng Việt (âm đầu, vần, một dấu thanh; k/gh/ngh trước i, y, e, ê; vần tận cùng c, ch, p, t mang thanh sắc hoặc nặng)", rule_ortho_syllable},
    {"R-ORTHO-DOUBLED", KH_WARNING, BOTH, "no function word typed twice (của của), no word doubled across a line break",
     "không lặp hư từ (của của), không lặp từ khi xuống dòng", rule_ortho_doubled},
    {"R-ORTHO-COMPOUND", KH_WARNING, BOTH, "no frequent two-syllable word with a tone mark dropped, hỏi/ngã or two letters swapped (thực hiên, nắm vửng, quốc gai)",
     "từ ghép thường gặp không bị mất dấu thanh, nhầm hỏi/ngã hay đảo chữ (thực hiên, nắm vửng, quốc gai)", rule_ortho_compound},
    {"R-ORTHO-TYPO", KH_WARNING, BOTH, "no known misspelling",
     "không có lỗi chính tả đã biết", rule_ortho_typo},
    {"R-ORTHO-CAPS", KH_WARNING, BOTH, "fixed casings (Tổng Bí thư, xã hội chủ nghĩa)",
     "viết hoa đúng quy ước (Tổng Bí thư, xã hội chủ nghĩa)", rule_ortho_caps},
    {"R-HEADING-CASE", KH_NOTE, BOTH, "a level-1 (Roman) heading in capitals, a level-2 heading in ordinary case",
     "đề mục cấp 1 (số La Mã) in hoa, đề mục cấp 2 in thường", rule_heading_case},
    {"R-WS", KH_WARNING, BOTH, "no stray spaces (inside numbers, before punctuation, doubled)",
     "không có dấu cách thừa (trong số ký hiệu, trước dấu câu, hai dấu cách)", rule_ws},
    {"R-ODD-PHRASE", KH_NOTE, BOTH, "no known odd phrasing",
     "không có cách diễn đạt bất thường đã biết", rule_odd_phrase},
    /* Control */
    {"R-RULES-OFF", KH_WARNING, BOTH, "rules switched off in the plan exist",
     "các quy tắc được tắt trong tệp kế hoạch có tồn tại", rule_rules_off},
    {NULL, KH_NOTE, 0, NULL, NULL, NULL}, /* sentinel; rows go above it */
};

const kh_rule *kh_rules(size_t *n)
{
    *n = sizeof catalogue / sizeof catalogue[0] - 1;
    return catalogue;
}

const kh_rule *kh_rule_find(const char *id)
{
    size_t n;
    const kh_rule *r = kh_rules(&n);
    for (size_t i = 0; i < n; i++)
        if (strcmp(r[i].id, id) == 0)
            return &r[i];
    return NULL;
}

static void vreport(kh_rule_ctx *cx, kh_severity sev, kh_pos pos,
                    const char *en, const char *vi, va_list ap)
{
    kh_buf e = {0}, v = {0};
    va_list ap2;
    va_copy(ap2, ap);
    kh_buf_vprintf(&e, en, ap);
    kh_buf_vprintf(&v, vi ? vi : en, ap2);
    va_end(ap2);
    if (cx->opts && cx->opts->strict && sev == KH_WARNING)
        sev = KH_ERROR;
    kh_diag_text(cx->out, cx->plan->path, pos, sev, cx->rule->id, kh_buf_str(&e),
                 kh_buf_str(&v));
    kh_buf_free(&e);
    kh_buf_free(&v);
}

char *kh_vi_fmt(const char *tmpl, const kh_profile *pf)
{
    kh_buf b = {0};
    for (const char *q = tmpl; *q;) {
        if (!strncmp(q, "{P}", 3)) {
            kh_buf_puts(&b, "%.0s");
            for (const char *n = pf->name_vi; *n; n++) {
                if (*n == '%')
                    kh_buf_putc(&b, '%');
                kh_buf_putc(&b, *n);
            }
            q += 3;
        } else {
            kh_buf_putc(&b, *q++);
        }
    }
    return kh_buf_take(&b);
}

void kh_report_text(kh_rule_ctx *cx, kh_severity sev, kh_pos pos, const char *en,
                    const char *vi)
{
    kh_report_sev(cx, sev, pos, "%1$s%2$.0s", "%2$s%1$.0s", en, vi);
}

void kh_report(kh_rule_ctx *cx, kh_pos pos, const char *en, const char *vi, ...)
{
    va_list ap;
    va_start(ap, vi);
    vreport(cx, cx->rule->severity, pos, en, vi, ap);
    va_end(ap);
}

void kh_report_sev(kh_rule_ctx *cx, kh_severity sev, kh_pos pos,
                   const char *en, const char *vi, ...)
{
    va_list ap;
    va_start(ap, vi);
    vreport(cx, sev, pos, en, vi, ap);
    va_end(ap);
}

void kh_report_note(kh_rule_ctx *cx, const char *file, kh_pos pos, const char *en,
                    const char *vi, ...)
{
    kh_buf e = {0}, v = {0};
    va_list ap, ap2;
    va_start(ap, vi);
    va_copy(ap2, ap);
    kh_buf_vprintf(&e, en, ap);
    kh_buf_vprintf(&v, vi ? vi : en, ap2);
    va_end(ap2);
    va_end(ap);
    kh_diag_note(cx->out, file ? file : cx->plan->path, pos, "%1$s%2$.0s", "%2$s%1$.0s",
                 kh_buf_str(&e), kh_buf_str(&v));
    kh_buf_free(&e);
    kh_buf_free(&v);
}

const char *kh_rule_suggest(const char *id)
{
    size_t n, best = 99;
    const kh_rule *r = kh_rules(&n);
    const char *out = NULL;
    for (size_t i = 0; i < n; i++) {
        size_t d = kh_edit_distance(id, r[i].id);
        if (d < best) {
            best = d;
            out = r[i].id;
        }
    }
    return best <= 4 ? out : NULL;
}

static void rule_rules_off(const kh_plan *p, kh_rule_ctx *cx)
{
    for (size_t i = 0; i < p->n_rules_off; i++) {
        const kh_text *id = &p->rules_off[i].id;
        if (!id->s || kh_rule_find(id->s))
            continue;
        const char *near = kh_rule_suggest(id->s);
        if (near)
            kh_report(cx, id->pos, "no rule '%s' to switch off; did you mean '%s'? (see 'kehoach rules')",
                      "không có quy tắc '%s' để tắt; có phải '%s'? (xem 'kehoach rules')", id->s, near);
        else
            kh_report(cx, id->pos, "no rule '%s' to switch off (see 'kehoach rules')",
                      "không có quy tắc '%s' để tắt (xem 'kehoach rules')", id->s);
    }
}

static bool switched_off(const kh_plan *p, const kh_check_opts *o, const char *id)
{
    for (size_t i = 0; o && i < o->n_off; i++)
        if (strcmp(o->off[i], id) == 0)
            return true;
    for (size_t i = 0; i < p->n_rules_off; i++)
        if (p->rules_off[i].id.s && strcmp(p->rules_off[i].id.s, id) == 0)
            return true;
    return false;
}

void kh_check(const kh_plan *p, const kh_check_opts *opts, kh_diags *out)
{
    size_t n;
    const kh_rule *rules = kh_rules(&n);
    kh_check_shared shared = {NULL, NULL, NULL, NULL}; /* built by the first rule that needs it */
    for (size_t i = 0; i < n; i++) {
        const kh_rule *r = &rules[i];
        if (!(r->profiles & (1u << p->profile)) || switched_off(p, opts, r->id))
            continue;
        kh_rule_ctx cx = {p, r, opts, out, &shared};
        r->fn(p, &cx);
    }
    kh_para_index_free(shared.paras);
    kh_cites_free(shared.cites);
    kh_text_hits_free(shared.words);
    kh_word_scan_free(shared.wordscan);
}
