#!/usr/bin/env bash
# Fails when a file in src/ includes a header from a layer listed after its own
# (docs/architecture.md): dependencies point one way, base -> model -> data -> ... -> serve -> cli.
set -u
layers=(base model data ingest parse rule checks config engine report serve cli)
rank() { local i; for i in "${!layers[@]}"; do [ "${layers[$i]}" = "$1" ] && echo "$i" && return; done; echo -1; }
status=0
for dir in "${layers[@]}"; do
  [ -d "src/$dir" ] || continue
  own=$(rank "$dir")
  while IFS= read -r line; do
    file=${line%%:*}
    inc=$(sed -E 's/.*#include "([a-z_]+)\/.*/\1/' <<<"$line")
    r=$(rank "$inc")
    if [ "$r" -lt 0 ]; then continue; fi
    if [ "$r" -gt "$own" ]; then
      echo "layering: $file includes $inc/ (a layer above $dir/)"; status=1
    fi
  done < <(grep -HE '^#include "[a-z_]+/' src/"$dir"/*.h src/"$dir"/*.cc 2>/dev/null)
done
# YAML is read in data/ (reference data) and config/ (rule packs, configuration) only: the
# other layers get plain values (rule::Params over a rule::ParamTree for check kinds).
while IFS= read -r line; do
  echo "layering: ${line%%:*} includes yaml-cpp outside src/data/ and src/config/"; status=1
done < <(grep -lE '^#include <yaml-cpp/' -r src | grep -vE '^src/(data|config)/')
[ $status -eq 0 ] && echo "layering: ok"
exit $status
