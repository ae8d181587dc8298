#!/usr/bin/env bash
# The project's training step and inference against PyTorch doing the same work on the same CPU, alternately in one
# invocation (the machine may be shared: each round runs every side back to back). Sides: the project as built, the
# project with --channels-first (libtorch's default layout), optionally an earlier revision of the project
# (--baseline REV, built into a scratch folder), and PyTorch in its default and its channels-last layout.
# Each figure is the median step (or slice) of its run; the ratios are project ÷ PyTorch. Prints the threads each
# side used and the libtorch / oneDNN versions. Needs a Release build (scripts/test.sh or dotnet build -c Release).
#
#   scripts/compare-train-step.sh [--install] [--threads 2] [--rounds 3] [--sizes "256 512"] [--steps 5] [--baseline REV]
#
# --install installs Debian's python3-torch and python3-torchvision when missing (about 400 MB).
set -euo pipefail
cd "$(dirname "$0")/.."

threads=2 rounds=3 sizes="256 512" steps=5 install=false baseline=""
while (($#)); do
  case "$1" in
    --install) install=true ;;
    --threads) threads="$2"; shift ;;
    --rounds) rounds="$2"; shift ;;
    --sizes) sizes="$2"; shift ;;
    --steps) steps="$2"; shift ;;
    --baseline) baseline="$2"; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done

if ! /usr/bin/python3 -c "import torch, torchvision" 2>/dev/null; then
  if [[ "$install" != true ]]; then
    echo "PyTorch is not installed for /usr/bin/python3: rerun with --install (Debian's python3-torch, python3-torchvision)." >&2
    exit 1
  fi
  sudo=""; if [[ "$(id -u)" -ne 0 ]]; then sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends python3-torch python3-torchvision >/dev/null
fi

app=src/BlendSign.Web/bin/Release/net10.0/BlendSign.Web.dll
if [[ ! -f "$app" ]]; then
  echo "No Release build at $app: run dotnet build BlendSign.sln -c Release first." >&2
  exit 1
fi

scratch=$(mktemp -d)
cleanup() {
  if [[ -n "$baseline" ]]; then git worktree remove --force "$scratch/baseline-src" >/dev/null 2>&1 || true; fi
  rm -rf "$scratch"
}
trap cleanup EXIT
export BlendSign__DataDirectory="$scratch/data" DOTNET_CLI_TELEMETRY_OPTOUT=1

baseline_app=""
if [[ -n "$baseline" ]]; then
  echo "Building the baseline $baseline ($(git rev-parse --short "$baseline")) into $scratch ..."
  git worktree add --detach "$scratch/baseline-src" "$baseline" >/dev/null 2>&1
  dotnet build "$scratch/baseline-src/src/BlendSign.Web/BlendSign.Web.csproj" -c Release -o "$scratch/baseline-out" -v q -nologo >"$scratch/baseline-build.log" 2>&1 ||
    { tail -20 "$scratch/baseline-build.log" >&2; echo "The baseline $baseline did not build." >&2; exit 1; }
  baseline_app="$scratch/baseline-out/BlendSign.Web.dll"
fi

echo "PyTorch: $(/usr/bin/python3 -c 'import re, torch; m = re.search(r"(oneDNN|MKL-DNN) v[0-9.]+", torch.__config__.show()); print(torch.__version__, "|", m.group(0) if m else "oneDNN version not reported", "| MKL", torch.backends.mkl.is_available())')"
libtorch_dir=$(dirname "$app")/runtimes/linux-x64/native
echo "libtorch (TorchSharp): $(find ~/.nuget/packages/libtorch-cpu-linux-x64 -maxdepth 1 -mindepth 1 -printf '%f ' 2>/dev/null || echo '?')| $(ONEDNN_VERBOSE=1 dotnet "$app" bench infer --image-size 32 --slices 1 --threads 1 --json 2>/dev/null | grep -m1 -o 'oneDNN v[0-9.]*' || echo 'oneDNN version not reported') | MKL $(if strings "$libtorch_dir/libtorch_cpu.so" 2>/dev/null | grep -c 'oneAPI Math Kernel Library' >/dev/null; then echo "linked in (oneAPI; it prints its version only at run time)"; else echo "not found"; fi)"
echo "CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | xargs), $(nproc) cores; threads asked: $threads"
# The project takes its channels-last fast path only where this CPU passes the check (src/BlendSign.Model/README.md).
echo "Fast path check: $(dotnet "$app" cpu-check 2>/dev/null | tail -n 1)"

field() { /usr/bin/python3 -c "import json,sys; d=json.loads(sys.stdin.read()); print(d.get(sys.argv[1], d.get(sys.argv[2], 'nan')) if len(sys.argv) > 2 else d[sys.argv[1]])" "$@"; }
ratio() { /usr/bin/python3 -c "p,t=float('$1'),float('$2'); print(f'{(p/t if $3 else t/p):.2f}x')"; }
printf '%-30s %9s %9s %9s %9s %9s %8s %8s   %s\n' "measure (median)" "project" "ch-first" "baseline" "pytorch" "pt ch-l" "vs pt" "vs pt-cl" "threads (project | pytorch intra/inter)"
row() {
  local name="$1" project="$2" first="$3" base="$4" pytorch="$5" pytorch_cl="$6" threads_project="$7" threads_pytorch="$8" higher_is_better="$9"
  printf '%-30s %9.2f %9.2f %9s %9.2f %9.2f %8s %8s   %s | %s\n' "$name" "$project" "$first" "$base" "$pytorch" "$pytorch_cl" \
    "$(ratio "$project" "$pytorch" "$higher_is_better")" "$(ratio "$project" "$pytorch_cl" "$higher_is_better")" "$threads_project" "$threads_pytorch"
}

for ((round = 1; round <= rounds; round++)); do
  for size in $sizes; do
    train_steps=$steps; if ((size >= 512 && steps > 3)); then train_steps=3; fi
    train=(bench train-step --backbone resnet18 --image-size "$size" --batch 16 --steps "$train_steps" --threads "$threads" --no-detection --no-pipeline --json)
    p=$(dotnet "$app" "${train[@]}" 2>/dev/null)
    f=$(dotnet "$app" "${train[@]}" --channels-first 2>/dev/null)
    b="-"; if [[ -n "$baseline_app" ]]; then b=$(printf '%.2f' "$(dotnet "$baseline_app" "${train[@]}" 2>/dev/null | field median_images_per_second images_per_second)"); fi
    t=$(/usr/bin/python3 scripts/compare_train_step.py --image-size "$size" --batch 16 --steps "$train_steps" --threads "$threads")
    c=$(/usr/bin/python3 scripts/compare_train_step.py --image-size "$size" --batch 16 --steps "$train_steps" --threads "$threads" --channels-last)
    row "round $round train $size px, img/s" "$(field median_images_per_second <<<"$p")" "$(field median_images_per_second <<<"$f")" "$b" \
      "$(field median_images_per_second <<<"$t")" "$(field median_images_per_second <<<"$c")" \
      "$(field threads <<<"$p")" "$(field intra_op_threads <<<"$t")/$(field inter_op_threads <<<"$t")" 1

    infer=(bench infer --backbone resnet18 --image-size "$size" --slices 20 --threads "$threads" --json)
    p=$(dotnet "$app" "${infer[@]}" 2>/dev/null)
    f=$(dotnet "$app" "${infer[@]}" --channels-first 2>/dev/null)
    b="-"; if [[ -n "$baseline_app" ]]; then b=$(printf '%.2f' "$(dotnet "$baseline_app" "${infer[@]}" 2>/dev/null | field median_milliseconds_per_slice milliseconds_per_slice)"); fi
    t=$(/usr/bin/python3 scripts/compare_train_step.py --inference --image-size "$size" --steps 20 --warmup 3 --threads "$threads")
    c=$(/usr/bin/python3 scripts/compare_train_step.py --inference --image-size "$size" --steps 20 --warmup 3 --threads "$threads" --channels-last)
    row "round $round infer $size px, ms" "$(field median_milliseconds_per_slice <<<"$p")" "$(field median_milliseconds_per_slice <<<"$f")" "$b" \
      "$(field median_milliseconds_per_slice <<<"$t")" "$(field median_milliseconds_per_slice <<<"$c")" \
      "$(field threads <<<"$p")" "$(field intra_op_threads <<<"$t")/$(field inter_op_threads <<<"$t")" 0
  done
done
echo "project: this build (channels-last where this CPU passed the check above); ch-first: the same build with --channels-first; baseline: --baseline's build (mean where it reports no median)."
echo "pytorch: PyTorch's default layout, as the issue measured it; pt ch-l: PyTorch with model and input channels-last."
echo "ratio > 1: the project is faster (images/s over PyTorch's; for inference PyTorch's ms over the project's)."
