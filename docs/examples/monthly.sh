#!/bin/sh
# The monthly job (docs/monthly-jobs.md): scores data/<month> with the months before
# it, writes reports/<month>/, and compares with last month's reports.
#   ./monthly.sh            last month (run early in the month after)
#   ./monthly.sh 2026-09    that month (again)
# Exit code: pinggu's (0 passed, 1 a gate failed, 2 could not assess), and 2 when
# data/<month> has not arrived: then nothing is scored and nothing is written.
# PINGGU_JUNIT=junit.xml also writes the month's JUnit there (for CI); PINGGU can
# name another command (default: the pinggu installed in the project).
set -u
M=${1:-$(date -d "$(date +%Y-%m-15) -1 month" +%Y-%m)}
DATA=${PINGGU_DATA:-data}
REPORTS=${PINGGU_REPORTS:-reports}

case $M in
  [0-9][0-9][0-9][0-9]-[0-1][0-9]) ;;
  *) echo "monthly.sh: $M: a month YYYY-MM expected (2026-09)" >&2; exit 2 ;;
esac
# No data for the month: fail loudly, and never score last month again as this one.
if [ -z "$(ls -A "$DATA/$M" 2>/dev/null)" ]; then
  case ${LANG:-} in
    zh*) echo "monthly.sh: $DATA/$M 的数据尚未到齐（没有此文件夹或为空）：未评估，未写入 $REPORTS/$M" >&2 ;;
    *) echo "monthly.sh: $DATA/$M has not arrived (no such folder, or it is empty): nothing scored, $REPORTS/$M not written" >&2 ;;
  esac
  exit 2
fi
# This month and the months before it (data/YYYY-MM), never a later one: the newest
# month scored, and so the JUnit and the trend, is $M.
set --
for d in "$DATA"/[0-9][0-9][0-9][0-9]-[0-1][0-9]; do
  m=${d##*/}
  [ "${m%-*}${m#*-}" -le "${M%-*}${M#*-}" ] && set -- "$@" "$d"
done
[ -n "${PINGGU_JUNIT:-}" ] && set -- "$@" -o "$PINGGU_JUNIT"

mkdir -p "$REPORTS/$M"
${PINGGU:-npx --no-install pinggu} score "$@" --quiet --lang zh \
  --output-dir "$REPORTS/$M" -o "$REPORTS/$M/junit.xml" \
  --history "$REPORTS/" --fail-on never --fail-on-regression 1 --fail-on-new-failure
# 1: a gate failed (the reasons are on stderr, so cron mails them); 2: bad data.
