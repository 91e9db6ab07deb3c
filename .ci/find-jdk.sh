# Sourced by ./trendmill and .ci/run: makes JAVA_HOME point at a JDK 21 or newer.
# Order: JAVA_HOME if it is new enough, then `java` on the PATH, then the newest JDK in the usual system folders.
java_major() {
  "$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}' | cut -d. -f1
}
trendmill_find_jdk() {
  local candidate major best="" best_major=0
  for candidate in "${JAVA_HOME:+$JAVA_HOME/bin/java}" "$(command -v java 2>/dev/null)" \
      /usr/lib/jvm/*/bin/java /usr/java/*/bin/java /opt/java/*/bin/java /Library/Java/JavaVirtualMachines/*/Contents/Home/bin/java; do
    [ -n "$candidate" ] && [ -x "$candidate" ] || continue
    major=$(java_major "$candidate")
    [ -n "$major" ] || continue
    if [ "$major" -ge 21 ] 2>/dev/null; then
      # JAVA_HOME or PATH win when new enough; otherwise keep the newest found.
      if [ "$candidate" = "${JAVA_HOME:+$JAVA_HOME/bin/java}" ] || [ "$candidate" = "$(command -v java 2>/dev/null)" ]; then
        best="$candidate"; best_major=999; break
      fi
      if [ "$major" -gt "$best_major" ]; then best="$candidate"; best_major="$major"; fi
    fi
  done
  if [ -z "$best" ]; then
    echo "trendmill: no Java 21 or newer found (looked at JAVA_HOME, PATH and /usr/lib/jvm); install one and set JAVA_HOME" >&2
    return 1
  fi
  JAVA_HOME=$(cd "$(dirname "$(readlink -f "$best")")/.." && pwd)
  export JAVA_HOME
  export PATH="$JAVA_HOME/bin:$PATH"
}
