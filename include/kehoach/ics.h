/* ics.h — the iCalendar (RFC 5545) writer behind `kehoach build -f ics`:
 * checklist items (kh_due) → all-day VEVENTs with stable UIDs, a reminder
 * before each deadline, folded and escaped lines. Owned by
 * src/render/render_ics.c. Exposed for the unit tests and for a future
 * `checklist --tree -f ics` that merges many plans into one calendar. */
#ifndef KEHOACH_ICS_H
#define KEHOACH_ICS_H

#include <stddef.h>
#include <stdint.h>

#include "kehoach/checklist.h"
#include "kehoach/diag.h"
#include "kehoach/text.h"

/* What the calendar file being replaced said about each event
 * (src/render/ics_previous.c). */
typedef struct kh_ics_prev_event {
    char uid[80];
    char dtstart[40], dtend[40];
    char last_modified[24];   /* "20261206T120000Z", or "" */
    unsigned sequence;
} kh_ics_prev_event;
typedef struct kh_ics_previous {
    kh_ics_prev_event *v;
    size_t n, cap;
} kh_ics_previous;
/* Read the VEVENTs of a previous output (s may be NULL: none). */
void kh_ics_previous_read(kh_ics_previous *prev, const char *s, size_t len);
const kh_ics_prev_event *kh_ics_previous_find(const kh_ics_previous *prev, const char *uid);
void kh_ics_previous_free(kh_ics_previous *prev);

typedef struct kh_ics_opts {
    long long stamp;   /* DTSTAMP, seconds since the epoch (reproducible:
                          SOURCE_DATE_EPOCH or the plan's issue date) */
    int remind_days;   /* VALARM TRIGGER:-P{N}D before deadlines; 0: none */
    kh_lang lang;      /* language of the generated labels */
    const char *name;  /* X-WR-CALNAME, may be NULL */
    const kh_ics_previous *previous; /* the file replaced, or NULL: each event
                          keeps its SEQUENCE and LAST-MODIFIED while its dates
                          stay, and gets SEQUENCE+1 and LAST-MODIFIED = now
                          when they move */
    long long now;     /* LAST-MODIFIED of a moved event: seconds since
                          the epoch; <= 0: the DTSTAMP */
} kh_ics_opts;

/* Append one content line, folded at 75 octets (never inside a UTF-8
 * sequence), continuation lines starting with a space, each ended by CRLF. */
void kh_ics_line(kh_buf *out, const char *line);

/* Append s as an RFC 5545 TEXT value: `\` `;` `,` escaped, line breaks as
 * `\n`, other control characters dropped. */
void kh_ics_escape(kh_buf *out, const char *s);

/* The UID of a checklist item: a hash of the plan number, the item's kind,
 * its unit and its label, plus `occurrence` (0 for the first item with that
 * key in the plan, 1 for the next …). The date is left out on purpose: a
 * deadline moved in the plan then moves the calendar entry on re-import
 * instead of leaving a stale copy. buf >= 64 bytes. */
const char *kh_ics_uid(const kh_due *d, unsigned occurrence, char *buf);

/* A whole VCALENDAR of the items (those without a full date are skipped). */
void kh_ics_write(const kh_due *v, size_t n, const kh_ics_opts *o, kh_buf *out);

#endif
