# bench.mk — `make bench`: speed, memory and size figures (not part of
# `make check`). Each script under bench/ prints its own table; check_cost.sh
# counts instructions (callgrind) rather than timing.
$(BUILD)/bench/render_pdf: bench/render_pdf.c $(call objs,$(BUILD),$(LIB_SRC))
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(WARN) $(CFLAGS) -o $@ $< $(call objs,$(BUILD),$(LIB_SRC)) $(LDLIBS)

bench: $(BUILD)/kehoach $(BUILD)/bench/render_pdf
	@sh bench/pdf.sh $(BUILD)/kehoach $(BUILD)/bench/render_pdf
	@sh bench/build_batch.sh $(BUILD)/kehoach
	@sh bench/check_cost.sh $(BUILD)/kehoach
	@sh bench/import.sh $(BUILD)/kehoach
	@sh bench/startup.sh $(BUILD)/kehoach
