# fuzz.mk — libFuzzer targets (fuzz/fuzz_*.c), included by the Makefile.
#   make fuzz                 build every target, run each for FUZZ_SECONDS
#   make fuzz-build           only build them (build/fuzz/fuzz_*)
#   make fuzz-corpus          (re)build the seed corpora from plans/ and tests/
#   make fuzz-run-TARGET      run one target for FUZZ_SECONDS (e.g. fuzz-run-load)
# Needs clang with libFuzzer (Debian: clang, libclang-rt-14-dev). Crashes land
# in fuzz/artifacts/; keep each one as a regression test (tests/hostile/).
FUZZ_CC      ?= clang
FUZZ_SECONDS ?= 60
# Inputs up to the loader's file bound (KH_MAX_FILE_BYTES): a shorter bound
# never reaches deep nesting inside the real limits (issue 17).
FUZZ_MAX_LEN ?= 1048576
FUZZ_RSS_MB  ?= 1024
FUZZ_FLAGS   := -O1 -g -fsanitize=fuzzer,address,undefined -fno-omit-frame-pointer \
                -fno-sanitize-recover=undefined
FUZZ_SRC     := $(sort $(wildcard fuzz/fuzz_*.c))
FUZZ_BINS    := $(patsubst fuzz/%.c,$(BUILD)/fuzz/%,$(FUZZ_SRC))
FUZZ_LIBOBJ  := $(patsubst %.c,$(BUILD)/fuzz/obj/%.o,$(LIB_SRC))

.PHONY: fuzz fuzz-build fuzz-corpus fuzz-deps
# Keep the objects: make would delete them as intermediates after linking.
.SECONDARY: $(FUZZ_LIBOBJ)
$(BUILD)/fuzz/obj/%.o: %.c $(wildcard include/kehoach/*.h) | deps-checked
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(CPPFLAGS) $(filter-out -Werror,$(WARN)) -Wno-unused-command-line-argument \
	    -O1 -g -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer \
	    -fno-sanitize-recover=undefined -c $< -o $@

$(BUILD)/fuzz/fuzz_%: fuzz/fuzz_%.c $(FUZZ_LIBOBJ)
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(CPPFLAGS) $(filter-out -Werror,$(WARN)) $(FUZZ_FLAGS) -o $@ $< $(FUZZ_LIBOBJ) $(LDLIBS)

fuzz-build: $(FUZZ_BINS)

fuzz-corpus:
	@sh fuzz/make-corpus.sh

# One target: fuzz-run-load runs build/fuzz/fuzz_load on fuzz/corpus-load.
# Plan targets get the plan keys and the Markdown marks (their bodies are
# Markdown); the Markdown target the marks alone.
$(BUILD)/fuzz/plan-md.dict: fuzz/plan.dict fuzz/markdown.dict
	@mkdir -p $(dir $@)
	cat fuzz/plan.dict fuzz/markdown.dict > $@
fuzz-run-%: $(BUILD)/fuzz/fuzz_% $(BUILD)/fuzz/plan-md.dict
	@test -d fuzz/corpus-$* || sh fuzz/make-corpus.sh
	@mkdir -p fuzz/artifacts
	$(BUILD)/fuzz/fuzz_$* -max_total_time=$(FUZZ_SECONDS) \
	    -max_len=$(if $(filter markdown,$*),65536,$(FUZZ_MAX_LEN)) \
	    -rss_limit_mb=$(FUZZ_RSS_MB) -timeout=10 \
	    -dict=$(if $(filter markdown,$*),fuzz/markdown.dict,$(BUILD)/fuzz/plan-md.dict) \
	    -artifact_prefix=fuzz/artifacts/$*- -print_final_stats=1 fuzz/corpus-$*

fuzz-deps:
	@sh scripts/install-deps.sh fuzz

fuzz: fuzz-deps
	@$(MAKE) --no-print-directory fuzz-build
	@sh fuzz/make-corpus.sh
	@for t in $(patsubst fuzz/fuzz_%.c,%,$(FUZZ_SRC)); do \
	    $(MAKE) --no-print-directory fuzz-run-$$t FUZZ_SECONDS=$(FUZZ_SECONDS) || exit 1; \
	done
