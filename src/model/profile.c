/* profile.c — THE table of format values, one entry per profile. Every
 * number and fixed text the renderers and rules use comes from here, tagged
 * with its source in ../docs/format-values.md terms:
 *   [S]  confirmed from a source quoting the regulation
 *   [S2] secondary summary   [3P] third-party code or notes only
 *   [SEED] seen in the seed plans   [U] unconfirmed: a person holding the
 *   regulation must check it.
 * A văn phòng that learns the true value corrects it here, and only here. */
#include <string.h>

#include "kehoach/profile.h"

static const kh_profile profiles[] = {
    [KH_PROFILE_PARTY] = {
        .id = KH_PROFILE_PARTY,
        .name = "party",
        .name_vi = "Đảng",
        .regulation = "HD 36-HD/VPTW (03/4/2018), QĐ 66-QĐ/TW (06/02/2017)",
        .doc_lang = "vi-VN",
        .page_w = 210, .page_h = 297,                 /* A4 [S] */
        .margin_top = 20, .margin_bottom = 20,        /* [3P][U] */
        .margin_left = 30, .margin_right = 15,        /* [3P][U] */
        .page_number_from_top = 10,                   /* [3P][S2][U] */
        .left_column_share = 0.45,                    /* design choice */
        .font_name = "Times New Roman",               /* [S] HD 36 */
        .size_header_title = 15,                      /* [S] Phụ lục 3 */
        .size_motto = 0,
        .size_superior = 14,                          /* [S] */
        .size_issuer = 14,                            /* [S] */
        .size_number = 14,                            /* [S] */
        .size_date_line = 14,                         /* [S] */
        .size_doc_type = 16,                          /* [S] 15–16 */
        .size_title = 14,                             /* [S] 14–15 */
        .size_body = 14,                              /* [S] 14–15 */
        .size_recipients_label = 14,                  /* [3P][U] */
        .size_recipients = 12,                        /* [3P][U] */
        .size_signature = 14,                         /* [3P][U] */
        .size_page_number = 14,                       /* [3P][U] */
        .line_height = 18,                            /* [3P] exactly 18 pt */
        .paragraph_space = 6,                         /* [3P] */
        .first_line_indent = 10,                      /* [3P][U] 1 cm */
        .rule_width = 0.6,                            /* [U] 0.5–0.75 */
        .signature_blank_lines = 4,                   /* [3P] 4–5 lines */
        .title_rule_length = 30,                      /* [3P][U] `-----` / short rule */
        .header_leading = 17,                         /* [U] single spacing, 14 pt */
        .doc_type_space = 24,                         /* [U] 1–2 blank lines */
        .body_space = 18,                             /* [U] */
        .end_block_space = 12,                        /* [U] */
        .recipients_leading = 14,                     /* [U] single spacing, 12 pt */
        .size_checklist = 12,                         /* design choice (appendix) */
        .size_table = 13,                             /* [U] tables of plans set 12–13 */
        .header_title = "ĐẢNG CỘNG SẢN VIỆT NAM",     /* [S] */
        .motto = NULL,
        .issuer_mark = "*",                           /* [S] */
        .number_prefix = "Số ",                       /* [S] no colon */
        .recipients_label = "Nơi nhận:",              /* [SEED] */
        .recipients_label_underline = true,           /* [3P][U] underlined, upright */
        .recipient_line_end = ",",                    /* [SEED] 002, 004 */
        .recipient_last_end = ".",                    /* [SEED] */
        .archive_prefix = "Lưu ",                     /* [SEED][U] no colon */
        .sign_prefixes = {"T/M", "K/T", "T/L", "T/UQ", NULL}, /* [S] T/M; [U] rest */
        .role_report = "(báo cáo)",                   /* [SEED] 001 */
        .group_report = "để báo cáo",                 /* [SEED] 002 */
        .group_implement = "để thực hiện",            /* [SEED] 002 */
        .group_inform = "để biết",                    /* [U] */
        .role_implement = "(thực hiện)",              /* [U] */
        .role_inform = "(để biết)",                   /* [U] */
        .deadline_words = {"trước ngày ",              /* [SEED] 001 */
                           "chậm nhất ngày ",          /* [3P] Luật Bầu cử 2015 timetables */
                           "trong tháng ",             /* [3P] plans of the seeds' kind */
                           "trong quý "},              /* [3P] */
        .every_words = {NULL, "định kỳ hằng tháng",    /* [3P] report duties */
                        "định kỳ hằng quý", "định kỳ 6 tháng", "định kỳ hằng năm"},
        .every_first = ", lần đầu ",                   /* [U] design: the first due day */
        .event_date_prefix = "ngày ",                 /* [SEED] 002 */
        .end_mark = NULL,                             /* [U] `./.` not prescribed */
        .annex_label = "Phụ lục",                     /* [U] HD 36 itself names its annexes so */
        .annex_roman = false,                          /* [U] Phụ lục 1, 2 as HD 36's own */
        .annex_with = "Kèm theo ",                    /* [U] common practice */
        .annex_number = " số ",                       /* [U] */
        .annex_date = " ngày ",                       /* [U] */
        .annex_of = " của ",                          /* [U] */
        .timetable_heads = {"TT", "Nội dung công việc", "Cơ quan thực hiện",
                            "Thời hạn", "Ghi chú"},   /* [3P] election timetables (Luật Bầu cử 2015) */
        .days_before = "ngày trước",                  /* [3P] */
        .days_after = "ngày sau",                     /* [3P] */
        .sign_collective = "T/M",                     /* [S] S-KY */
        .sign_deputy = "K/T",                         /* [S] S-KY */
        .sign_bodies = {"BAN CHẤP HÀNH", "BAN THƯỜNG VỤ", "ĐẢNG ỦY", "ĐẢNG ỦY KHỐI",
                        "CHI BỘ", "ỦY BAN KIỂM TRA", "THƯỜNG TRỰC", NULL}, /* [S] S-KY; [SEED] */
        .sign_titles = {"BÍ THƯ", "PHÓ BÍ THƯ", "PHÓ BÍ THƯ THƯỜNG TRỰC",
                        "TRƯỞNG BAN", "PHÓ TRƯỞNG BAN", "CHÁNH VĂN PHÒNG",
                        "PHÓ CHÁNH VĂN PHÒNG", "CHỦ NHIỆM", "PHÓ CHỦ NHIỆM",
                        "ỦY VIÊN", NULL},             /* [3P][SEED] */
        .type_code = "KH",                            /* [S] HD 36 Phụ lục */
        .sign_head_prefixes = {NULL},                 /* [3P] no K/T under T/M (S-KY consistent) */
        .issuer_kinds = {{NULL, NULL, NULL, NULL}},   /* party: by issuer code (src/rules/tables.c) */
        .auth_bars = {
            {"Đảng bộ", "a Đảng bộ acts through its cấp ủy: the issuer is the Đảng ủy / Huyện ủy / Tỉnh ủy …",
             "đảng bộ hoạt động thông qua cấp ủy: cơ quan ban hành là Đảng ủy / Huyện ủy / Tỉnh ủy …"},
            {"Đại hội", "a congress adopts resolutions, not plans: the issuer is the cấp ủy it elected",
             "đại hội thông qua nghị quyết, không ban hành kế hoạch: cơ quan ban hành là cấp ủy"},
            {"Hội nghị", "a conference does not issue a Kế hoạch: the issuer is the body that convened it",
             "hội nghị không ban hành kế hoạch: cơ quan ban hành là cơ quan triệu tập hội nghị"},
            {"Ủy ban nhân dân", "a state body issues state plans (NĐ 30/2020/NĐ-CP): write 'profile: state'",
             "cơ quan nhà nước ban hành văn bản theo thể thức nhà nước (NĐ 30/2020/NĐ-CP): ghi 'profile: state'"},
            {"Hội đồng nhân dân", "a state body issues state plans (NĐ 30/2020/NĐ-CP): write 'profile: state'",
             "cơ quan nhà nước ban hành văn bản theo thể thức nhà nước (NĐ 30/2020/NĐ-CP): ghi 'profile: state'"},
            {NULL, NULL, NULL}},                      /* [S] QĐ 66 Điều 7; [U] the rest */
        .number_form = "N-XX/YYY",                    /* [S] HD 36 Phụ lục 1 */
        .body_words = {"ban chấp hành trung ương", "bộ chính trị", "ban bí thư",
                       "tỉnh ủy", "thành ủy", "thị ủy", "huyện ủy", "quận ủy",
                       "đảng ủy", "chi bộ", "đảng đoàn", "ban cán sự đảng",
                       NULL},                         /* [S] HD 36 (the Party's bodies); [3P] đảng đoàn */
        .body_codes = {"TW", "TU", "ThU", "HU", "QU", "ĐU", "ĐUK", NULL}, /* [S] HD 36 Phụ lục 1; [SEED] ThU */
#define CAP_UY_TITLES {"BÍ THƯ", "PHÓ BÍ THƯ", "PHÓ BÍ THƯ THƯỜNG TRỰC", NULL}
        .sign_body_titles = {
            {"BAN CHẤP HÀNH", CAP_UY_TITLES}, {"BAN THƯỜNG VỤ", CAP_UY_TITLES},
            {"THƯỜNG TRỰC", CAP_UY_TITLES},   {"ĐẢNG ỦY", CAP_UY_TITLES},
            {"ĐẢNG ỦY KHỐI", CAP_UY_TITLES},  /* [S] S-KY: the bí thư or a phó bí thư signs for the cấp ủy */
            {"CHI BỘ", {"BÍ THƯ", "PHÓ BÍ THƯ", NULL}},             /* [S] S-KY */
            {"ỦY BAN KIỂM TRA", {"CHỦ NHIỆM", "PHÓ CHỦ NHIỆM", NULL}}, /* [3P] */
            {NULL, {NULL}}},
#undef CAP_UY_TITLES
        .issuer_abbrevs = {
            {"BTV", "Ban Thường vụ"}, {"BCH", "Ban Chấp hành"}, {"BTG", "Ban Tuyên giáo"},
            {"BTC", "Ban Tổ chức"}, {"BDV", "Ban Dân vận"}, {"UBKT", "Ủy ban Kiểm tra"},
            {"VP", "Văn phòng"}, {"ĐU", "Đảng ủy"}, {"ĐUK", "Đảng ủy Khối"},
            {"TU", "Tỉnh ủy"}, {"HU", "Huyện ủy"}, {"QU", "Quận ủy"},
            {"UBND", "Ủy ban nhân dân"}, {"HĐND", "Hội đồng nhân dân"},
            {"MTTQ", "Mặt trận Tổ quốc"}, {"TP", "thành phố"},
            {"TX", "thị xã"}, {NULL, NULL}},          /* [S] HD 36: the issuer's name in full; [3P] the list */
        .basis_dash = "- ",                           /* [S] S-QD66, S-TS24 */
        .basis_italic = false,                        /* [S] S-QD66 (upright) */
        .basis_line_end = ";",                        /* [S] S-QD66, S-TS24 */
        .basis_last_end = ",",                        /* [S] before the operative sentence */
        .basis_start = "Căn cứ",                      /* [S] */
        .issuer_rule_share = 0,                       /* [S] no rule: the `*` */
        .header_balanced_wrap = false,                /* design: first-fit, as the seeds' PDFs */
    },
    [KH_PROFILE_STATE] = {
        .id = KH_PROFILE_STATE,
        .name = "state",
        .name_vi = "nhà nước",
        .regulation = "NĐ 30/2020/NĐ-CP, Phụ lục I",
        .doc_lang = "vi-VN",
        .page_w = 210, .page_h = 297,                 /* A4 [S] */
        .margin_top = 20, .margin_bottom = 20,        /* [S] range 20–25 */
        .margin_left = 30, .margin_right = 15,        /* [S] 30–35 / 15–20 */
        .page_number_from_top = 10,                   /* [S] in the top margin */
        .left_column_share = 0.40,                    /* design choice */
        .font_name = "Times New Roman",               /* [S] NĐ 30 Điều 5 */
        .size_header_title = 13,                      /* [S] Quốc hiệu 12–13 */
        .size_motto = 14,                             /* [S] 13–14 */
        .size_superior = 13,                          /* [S] 12–13 */
        .size_issuer = 13,                            /* [S] 12–13 bold */
        .size_number = 13,                            /* [S] */
        .size_date_line = 14,                         /* [S] 13–14 */
        .size_doc_type = 14,                          /* [3P][U] 13–14 */
        .size_title = 14,                             /* [3P][U] */
        .size_body = 14,                              /* [3P][U] 13–14 */
        .size_recipients_label = 12,                  /* [3P][U] bold italic */
        .size_recipients = 11,                        /* [3P][U] */
        .size_signature = 14,                         /* [3P][U] */
        .size_page_number = 13,                       /* [S] 13–14 */
        .line_height = 18,                            /* [3P] single–1.5 */
        .paragraph_space = 6,                         /* [3P] ≥ 6 pt */
        .first_line_indent = 10,                      /* [3P] 1–1.27 cm */
        .rule_width = 0.6,                            /* [U] */
        .signature_blank_lines = 4,                   /* [U] */
        .title_rule_length = 30,                      /* [S] a rule under the trích yếu; length [U] */
        .header_leading = 16,                         /* [U] single spacing, 13 pt */
        .doc_type_space = 24,                         /* [U] */
        .body_space = 18,                             /* [U] */
        .end_block_space = 12,                        /* [U] */
        .recipients_leading = 13,                     /* [U] single spacing, 11 pt */
        .size_checklist = 12,                         /* design choice (appendix) */
        .size_table = 13,                             /* [U] tables of plans set 12–13 */
        .header_title = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", /* [S] */
        .motto = "Độc lập - Tự do - Hạnh phúc",       /* [S] */
        .issuer_mark = NULL,                          /* [S] a rule instead */
        .number_prefix = "Số: ",                      /* [S] */
        .recipients_label = "Nơi nhận:",              /* [S] */
        .recipients_label_bold = true,                /* [3P][U] NĐ 30: in thường, */
        .recipients_label_italic = true,              /*   nghiêng, đậm */
        .recipient_line_end = ";",                    /* [3P][U] */
        .recipient_last_end = ".",                    /* [3P][U] */
        .archive_prefix = "Lưu: ",                    /* [3P][U] `Lưu: VT` */
        .sign_prefixes = {"TM.", "KT.", "TL.", "TUQ.", "Q.", NULL}, /* [S] */
        .role_report = "(để báo cáo)",                /* [U] */
        .group_report = "để báo cáo",                 /* [U] */
        .group_implement = "để thực hiện",            /* [U] */
        .group_inform = "để biết",                    /* [U] */
        .role_implement = "(để thực hiện)",           /* [U] */
        .role_inform = "(để biết)",                   /* [U] */
        .deadline_words = {"trước ngày ",              /* [SEED] 001 */
                           "chậm nhất ngày ",          /* [3P] Luật Bầu cử 2015 timetables */
                           "trong tháng ",             /* [3P] plans of the seeds' kind */
                           "trong quý "},              /* [3P] */
        .every_words = {NULL, "định kỳ hằng tháng",    /* [3P] report duties */
                        "định kỳ hằng quý", "định kỳ 6 tháng", "định kỳ hằng năm"},
        .every_first = ", lần đầu ",                   /* [U] design: the first due day */
        .event_date_prefix = "ngày ",                 /* [SEED][U] */
        .end_mark = "./.",                            /* [U] */
        .annex_label = "Phụ lục",                     /* [U] HD 36 itself names its annexes so */
        .annex_roman = true ,                          /* [U] Phụ lục I, II as NĐ 30's own */
        .annex_with = "Kèm theo ",                    /* [U] common practice */
        .annex_number = " số ",                       /* [U] */
        .annex_date = " ngày ",                       /* [U] */
        .annex_of = " của ",                          /* [U] */
        .timetable_heads = {"TT", "Nội dung công việc", "Cơ quan thực hiện",
                            "Thời hạn", "Ghi chú"},   /* [3P] election timetables (Luật Bầu cử 2015) */
        .days_before = "ngày trước",                  /* [3P] */
        .days_after = "ngày sau",                     /* [3P] */
        .sign_collective = "TM.",                     /* [S] S-ND30-KY */
        .sign_deputy = "KT.",                         /* [S] S-ND30-KY */
        .sign_bodies = {"ỦY BAN NHÂN DÂN", "HỘI ĐỒNG NHÂN DÂN", NULL}, /* [S] */
        .sign_titles = {"CHỦ TỊCH", "PHÓ CHỦ TỊCH", "GIÁM ĐỐC", "PHÓ GIÁM ĐỐC",
                        "CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG", "TRƯỞNG PHÒNG",
                        "PHÓ TRƯỞNG PHÒNG", "TRƯỞNG BAN", "PHÓ TRƯỞNG BAN", "BỘ TRƯỞNG",
                        "THỨ TRƯỞNG", "CỤC TRƯỞNG", "PHÓ CỤC TRƯỞNG", "CHI CỤC TRƯỞNG",
                        "PHÓ CHI CỤC TRƯỞNG", "HIỆU TRƯỞNG", "PHÓ HIỆU TRƯỞNG",
                        NULL},                        /* [S] S-ND30-KY (CHỦ TỊCH, PHÓ CHỦ TỊCH); [U] rest */
        .type_code = "KH",                            /* [S] NĐ 30 Phụ lục III */
        .sign_head_prefixes = {"KT.", NULL},          /* [S] S-ND30-KY: TM. … / KT. CHỦ TỊCH */
        .issuer_kinds = {
            {"Ủy ban nhân dân", "ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "PHÓ CHỦ TỊCH"},  /* [S] S-ND30-KY */
            {"Hội đồng nhân dân", "HỘI ĐỒNG NHÂN DÂN", "CHỦ TỊCH", "PHÓ CHỦ TỊCH"}, /* [U] */
            {"Thường trực Hội đồng nhân dân", "THƯỜNG TRỰC HỘI ĐỒNG NHÂN DÂN", "CHỦ TỊCH",
             "PHÓ CHỦ TỊCH"},                                                     /* [U] */
            {"Sở", NULL, "GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"},                             /* [U] */
            {"Văn phòng", NULL, "CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG"},        /* [U] */
            {"Phòng", NULL, "TRƯỞNG PHÒNG", "PHÓ TRƯỞNG PHÒNG"},                  /* [U] */
            {"Ban quản lý", NULL, "TRƯỞNG BAN", "PHÓ TRƯỞNG BAN"},                /* [U] */
            {"Trung tâm", NULL, "GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"},                      /* [U] */
            {"Bộ", NULL, "BỘ TRƯỞNG", "THỨ TRƯỞNG"},                              /* [U] */
            {"Cục", NULL, "CỤC TRƯỞNG", "PHÓ CỤC TRƯỞNG"},                        /* [U] */
            {"Chi cục", NULL, "CHI CỤC TRƯỞNG", "PHÓ CHI CỤC TRƯỞNG"},            /* [U] */
            {NULL, NULL, NULL, NULL}},
        .auth_bars = {
#define PARTY_BODY "a party body issues party plans (HD 36-HD/VPTW): write 'profile: party'", \
                   "cơ quan Đảng ban hành văn bản theo thể thức của Đảng (HD 36-HD/VPTW): ghi 'profile: party'"
            {"Chủ tịch", "the Chủ tịch is a person, not an issuing body: the issuer is the Ủy ban nhân dân, which the Chủ tịch signs for ('TM. ỦY BAN NHÂN DÂN' / 'CHỦ TỊCH')",
             "Chủ tịch là người ký, không phải cơ quan ban hành: cơ quan ban hành là Ủy ban nhân dân, Chủ tịch ký thay mặt ('TM. ỦY BAN NHÂN DÂN' / 'CHỦ TỊCH')"},
            {"Kỳ họp", "a session of the Hội đồng nhân dân adopts resolutions, not plans: the issuer is the Hội đồng nhân dân or its Thường trực",
             "kỳ họp Hội đồng nhân dân thông qua nghị quyết, không ban hành kế hoạch: cơ quan ban hành là Hội đồng nhân dân hoặc Thường trực Hội đồng nhân dân"},
            {"Hội nghị", "a conference does not issue a Kế hoạch: the issuer is the body that convened it",
             "hội nghị không ban hành kế hoạch: cơ quan ban hành là cơ quan triệu tập hội nghị"},
            {"Đảng ủy", PARTY_BODY}, {"Đảng bộ", PARTY_BODY}, {"Tỉnh ủy", PARTY_BODY},
            {"Thành ủy", PARTY_BODY}, {"Huyện ủy", PARTY_BODY}, {"Quận ủy", PARTY_BODY},
            {"Thị ủy", PARTY_BODY}, {"Chi bộ", PARTY_BODY}, {"Ban Thường vụ", PARTY_BODY},
#undef PARTY_BODY
            {NULL, NULL, NULL}},                      /* [S] S-ND30-KY (who signs); [U] the rest */
        .number_form = "N/XX-YYY",                    /* [S] NĐ 30 Phụ lục I, III */
        .body_words = {"ủy ban nhân dân", "hội đồng nhân dân", "chính phủ", "thủ tướng",
                       "quốc hội", "văn phòng chính phủ", NULL}, /* [S] NĐ 30 Điều 1 (state bodies) */
        .body_codes = {"UBND", "HĐND", "CP", "TTg", NULL}, /* [S] NĐ 30 Phụ lục III */
        .sign_body_titles = {{NULL, {NULL}}},      /* state: by issuer kind (issuer_kinds) */
        .issuer_abbrevs = {
            {"UBND", "Ủy ban nhân dân"}, {"HĐND", "Hội đồng nhân dân"},
            {"MTTQ", "Mặt trận Tổ quốc"}, {"TP", "thành phố"},
            {"TX", "thị xã"}, {"BQL", "Ban Quản lý"},
            {NULL, NULL}},                            /* [S] NĐ 30 Phụ lục I: only the superior may be abbreviated (UBND, HĐND); [3P] the list */
        .basis_dash = NULL,                           /* [S] S-ND30-ND */
        .basis_italic = true,                         /* [S] S-ND30-ND */
        .basis_line_end = ";",                        /* [S] S-ND30-ND */
        .basis_last_end = ".",                        /* [S] S-ND30-ND */
        .basis_start = "Căn cứ",                      /* [S] */
        .issuer_rule_share = 0.4,                     /* [S] S-ND30: 1/3–1/2 of the name */
        .header_balanced_wrap = true,                 /* design: `ỦY BAN NHÂN DÂN` / `HUYỆN …` */
    },
};

const kh_profile *kh_profile_get(kh_profile_id id)
{
    return (unsigned)id < sizeof profiles / sizeof profiles[0] ? &profiles[id]
                                                                : &profiles[0];
}

int kh_profile_parse(const char *name)
{
    static const struct { const char *name; kh_profile_id id; } names[] = {
        {"party", KH_PROFILE_PARTY},  {"dang", KH_PROFILE_PARTY},
        {"đảng", KH_PROFILE_PARTY},   {"hd36", KH_PROFILE_PARTY},
        {"state", KH_PROFILE_STATE},  {"nha-nuoc", KH_PROFILE_STATE},
        {"nhà nước", KH_PROFILE_STATE}, {"nd30", KH_PROFILE_STATE},
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcmp(name, names[i].name) == 0)
            return (int)names[i].id;
    return -1;
}
