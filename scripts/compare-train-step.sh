#!/usr/bin/env bash
# The project's training step and inference against PyTorch doing the same work on the same CPU, alternately in one
# invocation (the machine may be shared: each round runs both sides back to back). Prints each figure, the ratio
# project ÷ PyTorch and the threads each side used. Needs a Release build (scripts/test.sh or dotnet build -c Release).
#
#   scripts/compare-train-step.sh [--install] [--threads 2] [--rounds 3] [--sizes "256 512"] [--steps 5]
#
# --install installs Debian's python3-torch and python3-torchvision when missing (about 400 MB).
set -euo pipefail
cd "$(dirname "$0")/.."

threads=2 rounds=3 sizes="256 512" steps=5 install=false
while (($#)); do
  case "$1" in
    --install) install=true ;;
    --threads) threads="$2"; shift ;;
    --rounds) rounds="$2"; shift ;;
    --sizes) sizes="$2"; shift ;;
    --steps) steps="$2"; shift ;;
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
trap 'rm -rf "$scratch"' EXIT
export BlendSign__DataDirectory="$scratch/data" DOTNET_CLI_TELEMETRY_OPTOUT=1

echo "PyTorch: $(/usr/bin/python3 -c 'import torch; print(torch.__version__, "oneDNN", torch.backends.mkldnn.version() if hasattr(torch.backends.mkldnn, "version") else "?", "| MKL", torch.backends.mkl.is_available())')"
echo "libtorch (TorchSharp): $(find ~/.nuget/packages/libtorch-cpu-linux-x64 -maxdepth 1 -mindepth 1 -printf '%f ' 2>/dev/null || echo '?')"
echo "CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | xargs), $(nproc) cores; threads asked: $threads"
printf '%-34s %12s %12s %8s   %s\n' "measure" "project" "pytorch" "ratio" "threads (project | pytorch intra/inter)"

field() { /usr/bin/python3 -c "import json,sys; print(json.loads(sys.stdin.read())[sys.argv[1]])" "$1"; }
row() {
  local name="$1" project="$2" pytorch="$3" threads_project="$4" threads_pytorch="$5" higher_is_better="$6"
  local ratio
  ratio=$(/usr/bin/python3 -c "p,t=$project,$pytorch; print(f'{(p/t if $higher_is_better else t/p):.2f}')")
  printf '%-34s %12.2f %12.2f %8s   %s | %s\n' "$name" "$project" "$pytorch" "${ratio}x" "$threads_project" "$threads_pytorch"
}

for ((round = 1; round <= rounds; round++)); do
  for size in $sizes; do
    batch_steps=$steps; if ((size >= 512)); then batch_steps=2; fi
    p=$(dotnet "$app" bench train-step --backbone resnet18 --image-size "$size" --batch 16 --steps "$batch_steps" --threads "$threads" --no-detection --no-pipeline --json 2>/dev/null)
    t=$(/usr/bin/python3 scripts/compare_train_step.py --image-size "$size" --batch 16 --steps "$batch_steps" --threads "$threads")
    row "round $round train $size px, images/s" "$(field images_per_second <<<"$p")" "$(field images_per_second <<<"$t")" \
      "$(field threads <<<"$p")" "$(field intra_op_threads <<<"$t")/$(field inter_op_threads <<<"$t")" 1
    p=$(dotnet "$app" bench infer --backbone resnet18 --image-size "$size" --slices 20 --threads "$threads" --json 2>/dev/null)
    t=$(/usr/bin/python3 scripts/compare_train_step.py --inference --image-size "$size" --steps 20 --warmup 3 --threads "$threads")
    row "round $round infer $size px, ms/slice" "$(field milliseconds_per_slice <<<"$p")" "$(field milliseconds_per_slice <<<"$t")" \
      "$(field threads <<<"$p")" "$(field intra_op_threads <<<"$t")/$(field inter_op_threads <<<"$t")" 0
  done
done
echo "ratio > 1: the project is faster (images/s over PyTorch's; for inference PyTorch's ms over the project's)."
