#!/usr/bin/env bash
# Maven with clean output: Debian's Maven 3.8 (jansi 2) writes ESC[0m reset codes at exit even in batch
# mode with colour off, so the next line a target prints (BENCH ..., the test summary) would start with
# them and `grep '^BENCH'` would miss it. This runs mvn with colour off and strips any escape sequence,
# keeping mvn's exit status. Standard error is merged into standard output.
set -o pipefail
mvn -Dstyle.color=never "$@" 2>&1 | sed -u -e 's/\x1b\[[0-9;?]*[A-Za-z]//g'
