/* module.h — the two loadable modules of the kehoach command: the PDF
 * writer (HarfBuzz, libharu: src/modules/pdf_module.c) and the Word module
 * (DOCX writer and reader, libzip and libxml2: src/modules/docx_module.c).
 * The command links only what `check`, `-f md|json|ics` and text import
 * need, and opens a module (dlopen, src/cli/modules.c) the first time a
 * PDF or a Word file is written or read: their libraries cost more at
 * start-up than a whole `check` (issue 16). Tests, fuzzers and benches
 * link the same code statically and never load a module. */
#ifndef KEHOACH_MODULE_H
#define KEHOACH_MODULE_H

#include <stdio.h>

#include "kehoach/import.h"
#include "kehoach/render.h"

/* The version of kehoach (--version, SARIF, JSON). */
#define KH_VERSION "0.1.0"

/* Bumped when this struct or a structure it passes changes; the loader
 * also compares the version the module was built with. */
#define KH_MODULE_ABI 2 /* 2: kh_src carries the DOCX's kehoach data (import.h) */

typedef int (*kh_render_fn)(const kh_plan *p, const kh_render_opts *o, kh_buf *out,
                            kh_diags *diags);
typedef int (*kh_read_fn)(const char *path, const char *data, size_t len, kh_src *doc,
                          kh_diags *d);

typedef struct kh_module {
    int abi;                       /* KH_MODULE_ABI of its build */
    const char *built_version;     /* KH_VERSION of its build */
    size_t plan_size, opts_size;   /* sizeof (kh_plan), sizeof (kh_render_opts) */
    const char *name;              /* "pdf", "docx" */
    kh_render_fn render;           /* kh_render_pdf, kh_render_docx */
    kh_read_fn read;               /* kh_read_docx; NULL for pdf */
    void (*print_versions)(FILE *out); /* its libraries, as --version lists them */
} kh_module;

/* The symbol each module exports: "kh_module_" + name. */
extern const kh_module kh_module_pdf;
extern const kh_module kh_module_docx;

#endif
