# Sourced by ./mvnw, ./viosbench and .ci/run: exports JAVA_HOME pointing at a JDK >= 21.
# Order: $JAVA_HOME if it is new enough, then `java` on PATH, then the newest JDK under /usr/lib/jvm.
# On failure it prints what it looked at and returns 1.

viosbench_java_major() { # $1 = path to a java binary; prints its feature version (17, 21, 25, ...)
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}

viosbench_find_jdk() {
  local min=21 candidate major tried=""
  for candidate in "${JAVA_HOME:-}" "$(dirname "$(dirname "$(readlink -f "$(command -v java 2>/dev/null || echo /nonexistent)")")")" \
                   $(find /usr/lib/jvm -mindepth 1 -maxdepth 1 2>/dev/null | sort -rV); do
    candidate=${candidate%/}
    [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ] || continue
    major=$(viosbench_java_major "$candidate/bin/java")
    tried="$tried $candidate(${major:-?})"
    if [ -n "$major" ] && [ "$major" -ge "$min" ]; then
      export JAVA_HOME="$candidate"
      return 0
    fi
  done
  echo "viosbench: no JDK ${min} or newer found (looked at:${tried:- nothing}). Install one (e.g. Temurin 25) or set JAVA_HOME." >&2
  return 1
}
