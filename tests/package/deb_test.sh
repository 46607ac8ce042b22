#!/usr/bin/env bash
# Builds the .deb with cpack, extracts it with dpkg -x into a temporary directory, and lints
# the seeds and their .doc, PDF and OFD versions with the extracted binary and its own data
# files, never the build tree's: the rules it lists must include one added to the
# extracted /usr/share/plancheck/rules, and the PDF module it loads must be the extracted one.
#   tests/package/deb_test.sh BUILD_DIR BUILD_TREE_PLANCHECK
set -uo pipefail
build=$1
reference=$2
source=$(pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0
fail() { echo "FAIL $*"; status=1; }
ok() { echo "ok   $*"; }

if ! (cd "$build" && cpack -G DEB -B "$tmp/out" >"$tmp/cpack.log" 2>&1); then
  cat "$tmp/cpack.log"
  fail "cpack -G DEB"
  exit 1
fi
deb=$(ls "$tmp"/out/*.deb)
ok "built $(basename "$deb") ($(du -k "$deb" | cut -f1) KiB)"
depends=$(dpkg-deb --field "$deb" Depends)
[[ $depends == *libwv* && $depends == *libpoppler-cpp* && $depends == *libicu* ]] ||
  fail "Depends names libwv, libpoppler-cpp and libicu: $depends"
dpkg -x "$deb" "$tmp/root"
root=$tmp/root
for file in usr/bin/plancheck usr/lib/plancheck/plancheck-pdf.so usr/lib/plancheck/plancheck-doc \
            usr/share/plancheck/rules/default usr/share/plancheck/rules/units \
            usr/share/man/man1/plancheck.1.gz usr/share/bash-completion/completions/plancheck; do
  [ -e "$root/$file" ] || fail "the package holds /$file"
done
ok "package contents: $(cd "$root" && find . -type f | wc -l) files"

# Nothing of the build tree or the environment may point plancheck at other files.
unset PLANCHECK_RULES_DIR PLANCHECK_PDF_MODULE PLANCHECK_DOC_HELPER
plancheck=$root/usr/bin/plancheck
mkdir -p "$tmp/work/notices"
cp fixtures/seeds/*.txt fixtures/doc/*.doc fixtures/pdf/*.pdf fixtures/ofd/*.ofd "$tmp/work/notices/"
cd "$tmp/work" || exit 1

cat >"$root/usr/share/plancheck/rules/default/zz-package-test.yaml" <<'YAML'
- id: package.installed-rules
  title: 安装包中的规则
  message: 安装包中的规则
  severity: info
  scope: task
  check: required
  field: lead_units
YAML
"$plancheck" rules | grep -q "package.installed-rules" && ok "rules come from the extracted /usr/share/plancheck" ||
  fail "plancheck rules lists the rule added to the extracted rules directory"
rm "$root/usr/share/plancheck/rules/default/zz-package-test.yaml"

count() { "$1" lint "${@:2}" --format json --fail-on never | /usr/bin/python3 -c \
  'import json, sys; print(sum(len(f["diagnostics"]) for f in json.load(sys.stdin)["files"]))'; }
installed=$(count "$plancheck" notices)
expected=$(cd "$source" && count "$reference" "$tmp/work/notices")
if [ -n "$installed" ] && [ "$installed" -gt 0 ] && [ "$installed" = "$expected" ]; then
  ok "the extracted plancheck finds what the build tree's finds in the seeds and their .doc, PDF and OFD versions ($installed)"
else
  fail "findings: extracted $installed, build tree $expected"
fi
# Whole outputs first: `grep -q` stops reading early, and under pipefail the writer's
# broken pipe would fail the check.
doc_out=$("$plancheck" lint notices/000_d5b961fa901fa4dc.doc)
grep -q "000_d5b961fa901fa4dc.doc:段落" <<<"$doc_out" &&
  ok ".doc read through the extracted plancheck-doc" || fail ".doc findings located by paragraph"
loaded=$(LD_DEBUG=files "$plancheck" lint notices/000_d5b961fa901fa4dc.pdf 2>&1 >/dev/null)
grep -q "file=$root/usr/lib/plancheck/plancheck-pdf.so" <<<"$loaded" &&
  ok "the PDF module loaded is the extracted one" || fail "the extracted plancheck-pdf.so is loaded"
man=$(zcat "$root/usr/share/man/man1/plancheck.1.gz")
grep -q '^\.TH PLANCHECK 1' <<<"$man" && grep -q 'codequality' <<<"$man" &&
  ok "man page" || fail "man page with .TH and the lint formats"
completed=$(bash -c "source '$root/usr/share/bash-completion/completions/plancheck'
  COMP_WORDS=(plancheck lint --format ''); COMP_CWORD=3; _plancheck; echo \"\${COMPREPLY[*]}\"")
grep -q "junit codequality" <<<"$completed" && ok "bash completion completes --format" ||
  fail "bash completion"
[ $status -eq 0 ] && echo "deb package: ok"
exit $status
