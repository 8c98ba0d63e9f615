#!/usr/bin/env bash
# Makes sure the external tools the build needs are present, in versions that work. A missing tool is installed
# from Debian / Ubuntu packages when we are root (and ENSURE_TOOLS_NO_INSTALL is not set); otherwise, or when
# a tool is too old, the script stops with exactly what to do.
# Usage: ensure-tools.sh TOOL...    Known tools: java mvn verilator yosys iverilog g++
# Needed: a JDK 17+ (java and javac), Maven 3.6.3+, Verilator 5+, g++, Yosys, Icarus Verilog. Linux only (the
# simulator's JNI bridge is a Linux shared library).
set -euo pipefail

package_of() {
  case "$1" in
    java | javac) echo openjdk-17-jdk-headless ;;
    mvn) echo maven ;;
    verilator) echo verilator ;;
    yosys) echo yosys ;;
    iverilog) echo iverilog ;;
    g++) echo g++ ;;
    make) echo make ;;
    *) echo "$1" ;;
  esac
}

# "major.minor" of the first version-looking word of a tool's answer.
version_of() {
  "$@" 2>&1 | grep -oE '[0-9]+(\.[0-9]+)+' | head -n 1
}

# ge A B: version A >= version B (numeric, dot-separated).
ge() {
  [ "$(printf '%s\n%s\n' "$2" "$1" | sort -t. -k1,1n -k2,2n -k3,3n | head -n 1)" = "$2" ]
}

if [ "$(uname -s)" != "Linux" ]; then
  echo "ensure-tools: this build supports Linux only (x86-64 or arm64): the Verilator JNI bridge is a Linux shared library; found $(uname -s)" >&2
  exit 1
fi

want=()
for tool in "$@"; do
  want+=("$tool")
  [ "$tool" = java ] && want+=(javac)
done

missing=()
for tool in "${want[@]}"; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("$(package_of "$tool")")
done
# one package name once
if [ ${#missing[@]} -gt 0 ]; then
  mapfile -t missing < <(printf '%s\n' "${missing[@]}" | awk '!seen[$0]++')
fi

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1 && [ -z "${ENSURE_TOOLS_NO_INSTALL:-}" ]; then
    echo "ensure-tools: installing ${missing[*]} (apt-get)" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "ensure-tools: missing ${missing[*]}. Install with: sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
fi

problems=0
too_old() {
  echo "ensure-tools: $1" >&2
  problems=1
}

for tool in "${want[@]}"; do
  case "$tool" in
    java | javac)
      # 'openjdk version "21" ...', 'openjdk version "17.0.15" ...', 'javac 17.0.15', 'java version "1.8.0_392"'
      v=$("$tool" -version 2>&1 | grep -oE '(version "|javac )[0-9][0-9._]*' | head -n 1 | grep -oE '[0-9][0-9._]*$' || true)
      major=${v%%.*}
      [ "$major" = 1 ] && major=$(echo "$v" | cut -d. -f2)   # 1.8 -> 8
      if [ -z "$major" ] || [ "$major" -lt 17 ]; then
        too_old "$tool is version ${v:-unknown}; a JDK 17 or newer is needed (with javac: a JRE is not enough). Install it with: sudo apt-get install -y openjdk-17-jdk-headless, then select it: sudo update-alternatives --config $tool (and export JAVA_HOME=/usr/lib/jvm/java-17-openjdk-$(dpkg --print-architecture 2>/dev/null || echo amd64))"
      fi
      ;;
    mvn)
      v=$(version_of mvn -v)
      if [ -z "$v" ] || ! ge "$v" 3.6.3; then
        too_old "Maven is version ${v:-unknown}; 3.6.3 or newer is needed (3.8 and 3.9 are tested). Install it with: sudo apt-get install -y maven, or unpack a Maven 3.9 from https://maven.apache.org/download.cgi and put its bin/ first on PATH"
      fi
      ;;
    verilator)
      v=$(version_of verilator --version)
      if [ -z "$v" ] || ! ge "$v" 5.0; then
        too_old "Verilator is version ${v:-unknown}; the simulator needs Verilator 5 (5.006 and newer are tested). Ubuntu 22.04 ships 4.038, which cannot be used. Use Debian 12 / Ubuntu 24.04 (sudo apt-get install -y verilator gives 5.x), or build 5.x from source:
    sudo apt-get install -y git autoconf flex bison help2man perl python3 make g++ libfl-dev zlib1g-dev
    git clone https://github.com/verilator/verilator && cd verilator && git checkout v5.006
    autoconf && ./configure && make -j\"\$(nproc)\" && sudo make install
  then check that 'verilator --version' says 5.x (or point the build at it: -Dedgemoe.sim.verilator=/path/to/bin/verilator)"
      fi
      ;;
    yosys)
      v=$(version_of yosys -V)
      if [ -z "$v" ] || ! ge "$v" 0.10; then
        too_old "Yosys is version ${v:-unknown}; 0.10 or newer is needed (0.23 is tested). Install it with: sudo apt-get install -y yosys"
      fi
      ;;
  esac
done
exit $problems
