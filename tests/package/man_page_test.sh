#!/bin/sh
# man_page_test.sh PROGRAM PAGE: the man page lists every subcommand and every
# option that `PROGRAM --help` and `PROGRAM SUB --help` print (read here
# independently of cmake/help-to-man.sh: any word starting with - in the option
# columns, and every subcommand name).
set -eu
program=$1
page=$2
ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"
export ASAN_OPTIONS
[ -f "$page" ] || { echo "FAIL: no man page $page"; exit 1; }
# The page with roff's escaped hyphens and font changes undone.
plain=$(sed -e 's/\\-/-/g' -e 's/\\f[BIR]//g' "$page")
name=$(basename "$program")
checked=0
missing=0
check_help() {
  help=$("$program" "$@" --help </dev/null 2>/dev/null)
  # The part of the page about this (sub)command: the head, or its .SS section.
  if [ $# -eq 0 ]; then
    section=$(printf '%s\n' "$plain" | awk '/^\.SH COMMANDS/ { exit } { print }')
  else
    section=$(printf '%s\n' "$plain" | awk -v head=".SS \"$name $*\"" \
      '$0 == head { on = 1; next } /^\.S[HS] / { on = 0 } on { print }')
  fi
  if [ -z "$section" ]; then
    echo "FAIL: no section for '$name $*'"; missing=$((missing + 1))
  fi
  # Option names: the words starting with - at the start of an indented help line.
  for option in $(printf '%s\n' "$help" | sed -n 's/^  \(-[^ ]*\).*/\1/p' | tr ',' ' '); do
    checked=$((checked + 1))
    if ! printf '%s\n' "$section" | grep -qE -- "(^|[ ,])$option([ ,=]|$)"; then
      echo "FAIL: '$name $*' option $option is not in $page"; missing=$((missing + 1))
    fi
  done
  subs=$(printf '%s\n' "$help" | awk '/^[^ ].*:$/ { s = ($0 == "Subcommands:"); next } s && /^  [^ ]/ { print $1 }')
  for sub in $subs; do
    checked=$((checked + 1))
    check_help "$@" "$sub"
  done
}
check_help
echo "$name: $checked options and subcommands checked against $page"
[ "$checked" -gt 1 ] || { echo "FAIL: found no options in '$name --help'"; exit 1; }
[ "$missing" -eq 0 ]
