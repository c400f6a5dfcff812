/* sources.c — how sure each rule is: the certainty tags of format-rules.md
 * (section 0) for the source a rule rests on, per profile where the two
 * differ. `kehoach rules` prints them; docs/rules.md gives each source in
 * full. Tags: [S] confirmed from a source quoting the regulation, [S2]
 * secondary summary, [3P] third-party notes only, [SEED] seen in the seed
 * plans, [U] unconfirmed; "-" the catalogue gives no tag (its summary of
 * HD 36 / QĐ 66), "kehoach" a rule about the tool itself. A rule missing
 * here prints "?" and fails tests/cli/state.sh. */
#include <string.h>

#include "kehoach/check.h"

static const struct {
    const char *id, *source;
} sources[] = {
    {"R-CHAIN-CITATION", "kehoach"},
    {"R-CHAIN-DEADLINE", "kehoach"},
    {"R-CHAIN-WINDOW", "kehoach"},
    {"R-CHAIN-TASKS", "kehoach"},
    {"R-BLANK", "kehoach"},
    {"R-BODY-TABLE", "kehoach"},
    {"R-TIMETABLE-ARITH", "[3P]"},
    {"R-TIMETABLE-DAY", "[3P]"},
    {"R-TABLE-SUM", "[S] arithmetic"},
    {"R-TABLE-ORDINAL", "[S] arithmetic"},
    {"R-HDR-PARTY-TITLE", "[SEED]"},
    {"R-ISSUER-PRESENT", "-"},
    {"R-ISSUER-PARENT", "[S]"},
    {"R-NUM-FORMAT", "[SEED]"},
    {"R-NUM-STATE", "[S]"},
    {"R-NUM-COLON", "party [SEED]; state [S]"},
    {"R-NUM-BLANK", "[SEED]"},
    {"R-NUM-PAD", "party [3P][SEED]; state [S]"},
    {"R-NUM-TYPE", "[S]"},
    {"R-NUM-ISSUER-CODE", "[SEED]"},
    {"R-NUM-YEAR", "[S]"},
    {"R-NUM-TERM", "[S]"},
    {"R-DATE-PRESENT", "[SEED]"},
    {"R-DATE-VALID", "[SEED]"},
    {"R-DATE-ZERO-PAD", "[S]"},
    {"R-DATE-LINE-PUNCT", "[SEED]"},
    {"R-DATE-FUTURE", "-"},
    {"R-LEVEL-ABOLISHED", "[U]"},
    {"R-TITLE-TYPE", "-"},
    {"R-TITLE-SUMMARY", "-"},
    {"R-TITLE-QUOTES", "-"},
    {"R-TITLE-ANNIV", "[SEED]"},
    {"R-INTRO-BASIS", "[SEED]"},
    {"R-BASIS-PUNCT", "[S]"},
    {"R-SEC-PURPOSE", "[SEED]"},
    {"R-SEC-IMPLEMENT", "[SEED]"},
    {"R-ENUM-SEQ", "[SEED]"},
    {"R-UNIT-NUMBERED", "[SEED]"},
    {"R-PARA-LOWER-START", "[SEED]"},
    {"R-PAREN-BALANCE", "[SEED]"},
    {"R-QUOTE-BALANCE", "-"},
    {"R-END-MARK", "[U]"},
    {"R-REF-FORMAT", "[S2][SEED]"},
    {"R-REF-DATE-VALID", "[SEED]"},
    {"R-REF-CONSISTENT", "[SEED]"},
    {"R-REF-BEFORE-ISSUE", "[SEED]"},
    {"R-REF-ISSUER-CODE", "[SEED]"},
    {"R-REF-DATE-MISSING", "[S]"},
    {"R-REF-STYLE", "[SEED]"},
    {"R-REF-FORM", "[S][SEED]"},
    {"R-REF-SAME-DOC", "[S] issuer; [U] number"},
    {"R-DEADLINE-AFTER-ISSUE", "[SEED]"},
    {"R-DEADLINE-UNIT", "[SEED]"},
    {"R-DATE-WEEKDAY", "[S]"},
    {"R-EVENT-AFTER-ISSUE", "[SEED]"},
    {"R-EVENT-AFTER-REPORT", "[U]"},
    {"R-EVENT-ORDER", "[U]"},
    {"R-UNIT-RECIPIENT", "[SEED]"},
    {"R-ANNIV-ARITH", "[SEED]"},
    {"R-ANNIV-PARTY", "[SEED]"},
    {"R-CANCHI-YEAR", "[S] calendar"},
    {"R-NUM-SO", "kehoach"},
    {"R-WINDOW-ORDER", "kehoach"},
    {"R-ANNIV-BODY", "[SEED]"},
    {"R-REPORT-ORDER", "kehoach"},
    {"R-SEC-NUMBER-TYPED", "kehoach"},
    {"R-TITLE-TYPE-REPEAT", "[S2]"},
    {"R-ISSUER-ABBREV", "[S][3P]"},
    {"R-SIGN-TITLE-PREFIX", "party [S][3P]; state [S][U]"},
    {"R-YEARS-SINCE", "[SEED]"},
    {"R-RANGE-ORDER", "-"},
    {"R-RANGE-SPACING", "[SEED]"},
    {"R-CONGRESS-ORDINAL", "[SEED]"},
    {"R-RECIP-PRESENT", "-"},
    {"R-RECIP-LUU-LAST", "[SEED]"},
    {"R-RECIP-LUU-STYLE", "party [U]; state [3P][U]"},
    {"R-RECIP-PUNCT", "party [SEED]; state [3P][U]"},
    {"R-RECIP-ROLE", "[SEED]"},
    {"R-RECIP-DUP", "-"},
    {"R-RECIP-SUBHEAD", "[U]"},
    {"R-RECIP-IMPLEMENTED", "[SEED]"},
    {"R-SIGN-PREFIX", "party [U]; state [S]"},
    {"R-SIGN-COLLECTIVE", "party [S][3P]; state [S][U]"},
    {"R-SIGN-ISSUER-MATCH", "party [SEED]; state [S][U]"},
    {"R-SIGN-TITLE", "party [3P]; state [S][U]"},
    {"R-SIGN-NAME", "party [U]; state [S]"},
    {"R-AUTH-TYPE", "party [S][U]; state [U]"},
    {"R-UNICODE-NFC", "[S]"},
    {"R-ORTHO-TONE", "[SEED]"},
    {"R-ORTHO-I-Y", "[SEED]"},
    {"R-ORTHO-SYLLABLE", "[S2]"},
    {"R-ORTHO-DOUBLED", "kehoach"},
    {"R-ORTHO-COMPOUND", "kehoach"},
    {"R-SEC-TITLE-REPEAT", "kehoach"},
    {"R-HEADING-CASE", "[SEED][U]"},
    {"R-ORTHO-TYPO", "[SEED]"},
    {"R-ORTHO-CAPS", "[SEED]"},
    {"R-WS", "-"},
    {"R-ODD-PHRASE", "[SEED]"},
    {"R-RULES-OFF", "kehoach"},
};

const char *kh_rule_source(const char *id)
{
    for (size_t i = 0; i < sizeof sources / sizeof sources[0]; i++)
        if (!strcmp(sources[i].id, id))
            return sources[i].source;
    return NULL;
}
