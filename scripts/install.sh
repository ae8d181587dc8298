#!/usr/bin/env bash
# Installs what BlendSign needs on Debian 12 with the .NET 10 SDK: Debian packages, the local dotnet tools and
# the NuGet packages. With --tests it also installs what the tests need (Chromium, a throw-away PACS: Orthanc + DICOMweb, PostgreSQL).
set -euo pipefail
cd "$(dirname "$0")/.."

# GDCM decodes DICOM; DCMTK's movescu fetches studies from PACSes without DICOMweb (import --dimse).
# postgresql-client: pg_dump and pg_restore, which `backup` and `restore` use on a PostgreSQL database.
packages=(libgdcm-cil dcmtk postgresql-client)
if [[ "${1:-}" == "--tests" ]]; then
  # Chromium for the browser tests; Orthanc with its DICOMweb plugin is the tests' PACS, and pydicom's test files are
  # real DICOMs in several codecs; PostgreSQL for the integration tests' second database (a throw-away cluster).
  # dicom3tools: dciodvfy and dcentvfy, the validators the tests hold the DICOM files BlendSign writes to.
  packages+=(chromium orthanc orthanc-dicomweb python3-pydicom postgresql dicom3tools)
fi

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

if ((${#missing[@]} > 0)); then
  sudo=""
  if [[ "$(id -u)" -ne 0 ]]; then sudo="sudo"; fi
  echo "Installing Debian packages: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if ! command -v dotnet >/dev/null 2>&1; then
  echo "The .NET 10 SDK is required (dotnet was not found on PATH)." >&2
  exit 1
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet tool restore >/dev/null
dotnet restore BlendSign.sln
