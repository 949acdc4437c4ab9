#!/usr/bin/env bash
# Adds the public members the build reports as undeclared (RS0016) to src/Iklim.StackSdk/PublicAPI.Unshipped.txt.
# The analyzer's message quotes the exact line the file needs, so this script only copies it; review the diff,
# it is the API change. A removed member (RS0017) is left for a person to delete from the files.
set -euo pipefail
cd "$(dirname "$0")/.."
unshipped=src/Iklim.StackSdk/PublicAPI.Unshipped.txt
log=$(mktemp)
trap 'rm -f "$log"' EXIT
dotnet build src/Iklim.StackSdk/Iklim.StackSdk.csproj --no-incremental -p:TreatWarningsAsErrors=false -clp:NoSummary >"$log" 2>&1 || true
{
  grep -v '^#nullable' "$unshipped" || true
  grep -o "RS0016: Symbol '.*' is not part of the declared public API" "$log" \
    | sed -e "s/^RS0016: Symbol '//" -e "s/' is not part of the declared public API$//" || true
} | LC_ALL=C sort -u >"$log.lines"
{ echo '#nullable enable'; cat "$log.lines"; } >"$unshipped"
rm -f "$log.lines"
echo "$(($(wc -l <"$unshipped") - 1)) lines in $unshipped"
