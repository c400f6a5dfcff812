/* test_json.c — the JSON export escapes what the loader would never let
 * through (control characters, DEL) and writes null for absent values, on a
 * plan built by hand. The real plans are exported in tests/cli/json.sh. */
#include <string.h>

#include "kehoach/render.h"
#include "tap.h"

int main(void)
{
    kh_plan p = {0};
    p.path = "hand\"made.yaml";
    p.title.s = "a\x01" "b\x7f" "c\"d\\e\r\n\x1f";
    p.title.pos = (kh_pos){3, 7};
    p.delim = '.';
    kh_render_opts o = {0};
    kh_buf out = {0};
    CHECK_INT(kh_render_json(&p, &o, &out, NULL), 0, "renders a hand-made plan");
    const char *s = kh_buf_str(&out);
    CHECK(strstr(s, "\"title\": {\"value\": \"a\\u0001b\\u007fc\\\"d\\\\e\\r\\n\\u001f\", "
                    "\"line\": 3, \"column\": 7}") != NULL,
          "control characters, quote and backslash escaped");
    CHECK(strstr(s, "\"file\": \"hand\\\"made.yaml\"") != NULL, "file name escaped");
    CHECK(strstr(s, "\"issuer\": null") != NULL, "absent value is null");
    CHECK(strstr(s, "\"sections\": []") != NULL, "empty list");
    CHECK(s[0] == '{' && s[out.len - 2] == '}' && s[out.len - 1] == '\n',
          "one object and a final newline");
    for (size_t i = 0; i < out.len; i++)
        if ((unsigned char)s[i] < 0x20 && s[i] != '\n') {
            CHECK(0, "raw control byte 0x%02x at %zu", (unsigned char)s[i], i);
            break;
        }
    kh_buf_free(&out);
    return TAP_DONE();
}
