#!/bin/sh
# run-bg.sh TARGET SECONDS — one nice'd fuzz run of TARGET, appending
# libFuzzer's final stats to fuzz/logs/TARGET.log (git-ignored) so the run
# time per target can be summed honestly into fuzz/FUZZ_LOG.md.
set -u
t=$1; secs=$2
cd "$(dirname "$0")/.."
mkdir -p fuzz/logs fuzz/artifacts
dict=fuzz/logs/plan-md.dict
cat fuzz/plan.dict fuzz/markdown.dict > "$dict"
[ "$t" = markdown ] && dict=fuzz/markdown.dict && FUZZ_MAX_LEN=${FUZZ_MAX_LEN:-65536} # a body: KH_MAX_SCALAR_BYTES
start=$(date +%s)
echo "== run $t start $(date -u +%FT%TZ) for ${secs}s" >> "fuzz/logs/$t.log"
nice -n "${NICE:-19}" build/fuzz/fuzz_$t -max_total_time="$secs" -max_len="${FUZZ_MAX_LEN:-1048576}" -rss_limit_mb=1024 \
    -timeout=10 -dict="$dict" -artifact_prefix="fuzz/artifacts/$t-" \
    -print_final_stats=1 "fuzz/corpus-$t" >> "fuzz/logs/$t.log" 2>&1
rc=$?
end=$(date +%s)
echo "== run $t end rc=$rc elapsed=$((end - start))s" >> "fuzz/logs/$t.log"
