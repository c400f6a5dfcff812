/* test_utf8.c — UTF-8 decoding and validation, NFC, case mapping. */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "kehoach/text.h"
#include "tap.h"

int main(void)
{
    uint32_t cp;
    CHECK_INT(kh_utf8_decode("\xe1\xbb\x87", 3, &cp), 3, "ệ is three bytes");
    CHECK_INT(cp, 0x1EC7, "ệ is U+1EC7");
    CHECK_INT(kh_utf8_decode("\xc0\xaf", 2, &cp), 0, "overlong is invalid");
    CHECK_INT(kh_utf8_decode("\xed\xa0\x80", 3, &cp), 0, "surrogate is invalid");
    CHECK_INT(kh_utf8_decode("\xe1\xbb", 2, &cp), 0, "truncated is invalid");
    CHECK_INT(kh_utf8_invalid_at("Vi\xe1\xbb\x87t\xff", 7), 6, "first invalid byte located");
    CHECK_INT(kh_utf8_count("Việt", 6), 4, "code points counted");

    bool changed;
    /* e + U+0302 (circumflex) + U+0323 (dot below), non-canonical order */
    char *n = kh_utf8_nfc("Vie\xcc\x82\xcc\xa3t", 8, &changed);
    CHECK_STR(n, "Việt", "NFC composes decomposed Vietnamese");
    CHECK(changed, "NFC reports the change");
    free(n);
    n = kh_utf8_nfc("Kế hoạch", strlen("Kế hoạch"), &changed);
    CHECK(!changed, "NFC input unchanged");
    free(n);

    char *u = kh_utf8_upper("Huyện ủy Bạch Thông");
    CHECK_STR(u, "HUYỆN ỦY BẠCH THÔNG", "upper-case keeps diacritics");
    free(u);
    u = kh_utf8_lower("ĐẢNG");
    CHECK_STR(u, "đảng", "lower-case of Đ");
    free(u);

    /* kh_utf8_lower's short cut for Vietnamese lower-case letters agrees
     * with utf8proc on every code point of their blocks */
    bool agree = true;
    for (uint32_t c = 0xC0; c <= 0x1EFF; c++) {
        if (c >= 0x250 && c < 0x1E00)
            continue;
        char in[8] = {0}, want[8] = {0};
        kh_utf8_encode(c, in);
        kh_utf8_encode((uint32_t)utf8proc_tolower((utf8proc_int32_t)c), want);
        char *got = kh_utf8_lower(in);
        agree &= !strcmp(got, want);
        free(got);
    }
    CHECK(agree, "lower case of U+00C0-U+024F and U+1E00-U+1EFF as utf8proc has it");

    kh_buf b = {0};
    kh_buf_printf(&b, "%s-%d", "KH", 398);
    kh_buf_puts(&b, "/ĐU");
    CHECK_STR(kh_buf_str(&b), "KH-398/ĐU", "buffer appends");
    kh_buf_free(&b);
    return TAP_DONE();
}
