#!/usr/bin/env bash
# Makes sure the external tools the build needs are present. Installs them from Debian's packages when
# we are root; otherwise stops with the exact command to run. Usage: ensure-tools.sh TOOL...
# Known tools: java mvn verilator yosys iverilog g++
set -euo pipefail

package_of() {
  case "$1" in
    java) echo openjdk-17-jdk-headless ;;
    mvn) echo maven ;;
    verilator) echo verilator ;;
    yosys) echo yosys ;;
    iverilog) echo iverilog ;;
    g++) echo g++ ;;
    make) echo make ;;
    *) echo "$1" ;;
  esac
}

missing=()
for tool in "$@"; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("$(package_of "$tool")")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "ensure-tools: installing ${missing[*]} (apt-get)" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq "${missing[@]}" >/dev/null
  exit 0
fi
echo "ensure-tools: missing ${missing[*]}. Install with: sudo apt-get install -y ${missing[*]}" >&2
exit 1
