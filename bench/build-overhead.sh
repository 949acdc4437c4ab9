#!/usr/bin/env bash
# Warm incremental build of samples/IklimProd with the SDK's analyzers and generator (A) and without them (B),
# alternating A B A B ... to cancel drift. Each run touches InfraStack.cs, so the compiler runs every time.
# Usage: bench/build-overhead.sh [pairs]   (default 5 pairs)
set -euo pipefail
cd "$(dirname "$0")/.."
pairs="${1:-5}"
project=samples/IklimProd/IklimProd.csproj
stack=samples/IklimProd/InfraStack.cs
without=(-p:IklimStackCompilerExtensions=false -p:IklimStackArtefactsEnabled=false)

build() { dotnet build "$project" --no-restore -nologo -v:q -clp:NoSummary "$@" > /dev/null; }
timed() { local start end; touch "$stack"; start=$(date +%s%N); build "$@"; end=$(date +%s%N); echo $(( (end - start) / 1000000 )); }

dotnet restore "$project" -nologo -v:q > /dev/null
build; build "${without[@]}"; build   # warm the build server and both configurations
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
a=(); b=()
for _ in $(seq "$pairs"); do
  a+=("$(timed)"); b+=("$(timed "${without[@]}")")
done
build   # leave the sample built with the SDK, its artefacts in deploy/
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
median() { printf '%s\n' "$@" | sort -n | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2}'; }
ma=$(median "${a[@]}"); mb=$(median "${b[@]}")
echo "with SDK (ms):    ${a[*]}  median $ma"
echo "without SDK (ms): ${b[*]}  median $mb"
awk -v a="$ma" -v b="$mb" 'BEGIN { printf "ratio with/without: %.3f\n", a / b }'
