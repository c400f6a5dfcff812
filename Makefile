# kehoach — build, test, install. `make help` lists the targets.
# Sources are found by wildcard: a new file in src/<part>/ or tests/unit/
# needs no edit here.

CC       ?= cc
PREFIX   ?= /usr/local
BUILD    ?= build
PKGS     := yaml-0.1 libcmark libutf8proc harfbuzz-subset harfbuzz libdeflate libzip libxml-2.0
CFLAGS   ?= -O2 -g
WARN     := -std=c11 -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes \
            -Wno-unused-parameter
CPPFLAGS += -D_POSIX_C_SOURCE=200809L -Iinclude $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
LDLIBS   += $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lhpdf -lz -lm -lpthread
# The command links only the core libraries; the PDF writer and the Word
# module are shared objects it opens on first use (kehoach/module.h,
# src/cli/modules.c), so `check` and `-f md` do not pay for loading
# HarfBuzz, libharu, libzip, libxml2 and what they bring (ICU, GLib, …).
CORE_PKGS := yaml-0.1 libcmark libutf8proc
CORE_LIBS := $(shell pkg-config --libs $(CORE_PKGS) 2>/dev/null) -lm -lpthread
PDF_LIBS  := $(shell pkg-config --libs harfbuzz-subset harfbuzz libdeflate 2>/dev/null) -lhpdf -lz -lm
DOCX_LIBS := $(shell pkg-config --libs libzip libxml-2.0 2>/dev/null)
SANFLAGS := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer \
            -fno-sanitize-recover=undefined

LIB_SRC  := $(sort $(wildcard src/model/*.c src/load/*.c src/rules/*.c src/render/*.c src/import/*.c))
CLI_SRC  := $(sort $(wildcard src/cli/*.c))
# What each module holds (the rest of LIB_SRC is the core the command links).
PDF_MOD_SRC  := src/render/render_pdf.c src/render/layout.c \
                $(sort $(wildcard src/render/pdf_*.c)) src/modules/pdf_module.c
DOCX_MOD_SRC := src/render/render_docx.c $(sort $(wildcard src/render/docx_*.c)) \
                $(sort $(wildcard src/import/docx_*.c)) src/modules/docx_module.c
MOD_SRC      := $(PDF_MOD_SRC) $(DOCX_MOD_SRC)
CORE_SRC     := $(filter-out $(MOD_SRC),$(LIB_SRC))
UNIT_SRC := $(sort $(wildcard tests/unit/test_*.c))

# Short progress lines ("CC src/load/load.c"); `make V=1` prints the commands.
V ?= 0
ifeq ($(V),0)
Q = @
say = $(if $(findstring s,$(firstword -$(MAKEFLAGS))),,printf '  %-6s %s\n' $(1) $(2);)
else
Q =
say =
endif

# Two builds: plain in build/, sanitized in build/asan/ (what `make check` tests).
define objs
$(patsubst %.c,$(1)/obj/%.o,$(2))
endef

.PHONY: all deps demo check test unit install uninstall clean help fuzz bench tsan
all: $(BUILD)/kehoach

help:
	@echo "make            build $(BUILD)/kehoach"
	@echo "make demo       install what is missing, build, check and render plans/ into out/"
	@echo "make check      install what is missing, build with ASan+UBSan, run every test"
	@echo "make install    install into PREFIX=$(PREFIX)"
	@echo "make fuzz       run each fuzz target for FUZZ_SECONDS (clang, libFuzzer)"
	@echo "make bench      print speed, memory and size figures (bench/)"
	@echo "make tsan       build -j 4 of every plan under ThreadSanitizer"

deps:
	@sh scripts/install-deps.sh

$(BUILD)/obj/%.o: %.c $(wildcard include/kehoach/*.h src/*/*.h) | deps-checked
	@mkdir -p $(dir $@)
	$(Q)$(call say,CC,$<)$(CC) $(CPPFLAGS) $(WARN) $(CFLAGS) $(PIC) -c $< -o $@

$(BUILD)/asan/obj/%.o: %.c $(wildcard include/kehoach/*.h src/*/*.h) | deps-checked
	@mkdir -p $(dir $@)
	$(Q)$(call say,CC-SAN,$<)$(CC) $(CPPFLAGS) $(WARN) $(SANFLAGS) $(PIC) -c $< -o $@

# ThreadSanitizer build for `make tsan` (build -j N runs plans in threads).
$(BUILD)/tsan/obj/%.o: %.c $(wildcard include/kehoach/*.h src/*/*.h) | deps-checked
	@mkdir -p $(dir $@)
	$(Q)$(call say,CC-TSAN,$<)$(CC) $(CPPFLAGS) $(WARN) -O1 -g -fsanitize=thread $(PIC) -c $< -o $@

# Module objects go into shared objects: position-independent code.
$(foreach t,$(BUILD) $(BUILD)/asan $(BUILD)/tsan,$(call objs,$(t),$(MOD_SRC))): PIC := -fPIC

# command BUILD-DIR FLAGS: the command and its two modules in BUILD-DIR
# (BUILD-DIR/modules/pdf.so, docx.so; found beside the command at run time).
# -rdynamic: the modules call the core's functions in the command;
# -Bsymbolic: a module's own functions bind inside it, not to the stubs.
define command
$(1)/kehoach: $(call objs,$(1),$(CORE_SRC) $(CLI_SRC)) | $(1)/modules/pdf.so $(1)/modules/docx.so
	$$(Q)$$(call say,LD,$$@)$$(CC) $(2) -rdynamic -o $$@ $$^ $$(CORE_LIBS)
$(1)/modules/pdf.so: $(call objs,$(1),$(PDF_MOD_SRC))
	@mkdir -p $$(dir $$@)
	$$(Q)$$(call say,LD,$$@)$$(CC) $(2) -shared -Wl,-Bsymbolic -o $$@ $$^ $$(PDF_LIBS)
$(1)/modules/docx.so: $(call objs,$(1),$(DOCX_MOD_SRC))
	@mkdir -p $$(dir $$@)
	$$(Q)$$(call say,LD,$$@)$$(CC) $(2) -shared -Wl,-Bsymbolic -o $$@ $$^ $$(DOCX_LIBS)
endef
$(eval $(call command,$(BUILD),$(CFLAGS)))
$(eval $(call command,$(BUILD)/asan,$(SANFLAGS)))
$(eval $(call command,$(BUILD)/tsan,-fsanitize=thread))

# Every plan of plans/, three times over, built by 4 threads in every format
# under ThreadSanitizer; any report fails.
tsan: deps
	@$(MAKE) --no-print-directory $(BUILD)/tsan/kehoach
	@sh scripts/tsan.sh $(BUILD)/tsan/kehoach

$(BUILD)/asan/unit/%: tests/unit/%.c $(call objs,$(BUILD)/asan,$(LIB_SRC)) tests/unit/tap.h
	@mkdir -p $(dir $@)
	$(Q)$(call say,UNIT,$<)$(CC) $(CPPFLAGS) -Itests/unit $(WARN) $(SANFLAGS) -o $@ $< \
	    $(call objs,$(BUILD)/asan,$(LIB_SRC)) $(LDLIBS)

# The calendar test reads the ICS output back with a real parser (libical).
$(BUILD)/asan/unit/test_ics: LDLIBS += $(shell pkg-config --libs libical 2>/dev/null)

UNIT_BINS := $(patsubst tests/unit/%.c,$(BUILD)/asan/unit/%,$(UNIT_SRC))

# A cheap guard so a fresh machine gets a clear message, not a wall of
# compiler errors: the real installation is `make deps` (run by demo/check).
.PHONY: deps-checked
deps-checked:
	@pkg-config --exists $(PKGS) && test -f /usr/include/hpdf.h || \
	  { echo "kehoach: build libraries missing; run 'make deps' (or 'make check')" >&2; exit 1; }

check: deps
	@$(MAKE) --no-print-directory $(BUILD)/asan/kehoach $(UNIT_BINS) $(BUILD)/kehoach
	@KEHOACH=$(CURDIR)/$(BUILD)/asan/kehoach KEHOACH_PLAIN=$(CURDIR)/$(BUILD)/kehoach \
	  UNIT_DIR=$(CURDIR)/$(BUILD)/asan/unit sh tests/run.sh

test: check

demo: deps
	@$(MAKE) --no-print-directory $(BUILD)/kehoach
	@sh scripts/demo.sh $(BUILD)/kehoach

install: $(BUILD)/kehoach
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1 \
	    $(DESTDIR)$(PREFIX)/share/kehoach/templates
	install -m 755 $(BUILD)/kehoach $(DESTDIR)$(PREFIX)/bin/kehoach
	install -d $(DESTDIR)$(PREFIX)/lib/kehoach
	install -m 644 $(BUILD)/modules/pdf.so $(BUILD)/modules/docx.so $(DESTDIR)$(PREFIX)/lib/kehoach/
	if [ -f docs/kehoach.1 ]; then install -m 644 docs/kehoach.1 $(DESTDIR)$(PREFIX)/share/man/man1/; fi
	for f in templates/*.yaml; do [ -f "$$f" ] && install -m 644 "$$f" $(DESTDIR)$(PREFIX)/share/kehoach/templates/ || true; done
	install -m 644 docs/plan.schema.json $(DESTDIR)$(PREFIX)/share/kehoach/plan.schema.json
	install -d $(DESTDIR)$(PREFIX)/share/bash-completion/completions
	install -m 644 completion/kehoach.bash $(DESTDIR)$(PREFIX)/share/bash-completion/completions/kehoach
	install -d $(DESTDIR)$(PREFIX)/share/zsh/site-functions $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d
	install -m 644 completion/_kehoach $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_kehoach
	install -m 644 completion/kehoach.fish $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/kehoach.fish

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/kehoach $(DESTDIR)$(PREFIX)/share/man/man1/kehoach.1 \
	    $(DESTDIR)$(PREFIX)/share/bash-completion/completions/kehoach \
	    $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_kehoach \
	    $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/kehoach.fish
	rm -rf $(DESTDIR)$(PREFIX)/share/kehoach $(DESTDIR)$(PREFIX)/lib/kehoach

clean:
	rm -rf $(BUILD) out

-include fuzz/fuzz.mk
-include bench/bench.mk
