# Sourced by ./mvnw and ./ignis. Finds a JDK whose major version is at least
# IGNIS_MIN_JAVA (21): JAVA_HOME first, then `java` on PATH, then every JDK
# installed under /usr/lib/jvm (newest first). Prints its home, or fails.

IGNIS_MIN_JAVA=${IGNIS_MIN_JAVA:-21}

ignis_jdk_major() {
  # A JDK's `release` file names its version without starting a JVM.
  release_file="$1/release"
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 1
  if [ -r "$release_file" ]; then
    version=$(sed -n 's/^JAVA_VERSION="\([^"]*\)"/\1/p' "$release_file")
  else
    version=$("$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -n 1)
  fi
  major=${version%%.*}
  [ "$major" = 1 ] && major=$(echo "$version" | cut -d. -f2)
  echo "$major"
}

ignis_jdk_ok() {
  major=$(ignis_jdk_major "$1" 2>/dev/null) || return 1
  [ -n "$major" ] && [ "$major" -ge "$IGNIS_MIN_JAVA" ] 2>/dev/null
}

ignis_find_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && ignis_jdk_ok "$JAVA_HOME"; then
    echo "$JAVA_HOME"; return 0
  fi
  if command -v java >/dev/null 2>&1; then
    path_home=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
    if ignis_jdk_ok "$path_home"; then echo "$path_home"; return 0; fi
  fi
  best=""; best_major=0
  for candidate in /usr/lib/jvm/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/*; do
    [ -d "$candidate" ] || continue
    major=$(ignis_jdk_major "$candidate" 2>/dev/null) || continue
    if [ -n "$major" ] && [ "$major" -ge "$IGNIS_MIN_JAVA" ] && [ "$major" -gt "$best_major" ]; then
      best=$candidate; best_major=$major
    fi
  done
  if [ -n "$best" ]; then echo "$best"; return 0; fi
  echo "Ignis needs a JDK $IGNIS_MIN_JAVA or newer; none found in JAVA_HOME, on PATH or under /usr/lib/jvm." >&2
  echo "Install one (e.g. 'apt-get install openjdk-21-jdk-headless') or point JAVA_HOME at it." >&2
  return 1
}
