# Shared shell helpers for scripts/*: finding a JDK >= 22, installing system packages, building.
# Sourced, not executed.

# find_jdk: sets JAVA_HOME to a JDK >= 25 (JAVA_HOME first, then /usr/lib/jvm/*), or explains what to install.
find_jdk() {
  local cand v
  for cand in "${JAVA_HOME:-}" /usr/lib/jvm/*; do
    [ -n "$cand" ] && [ -x "$cand/bin/java" ] && [ -x "$cand/bin/javac" ] || continue
    v=$("$cand/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')
    v=${v%%.*}
    if [ -n "$v" ] && [ "$v" -ge 25 ] 2>/dev/null; then
      export JAVA_HOME="$cand"
      return 0
    fi
  done
  echo "vexfs: no JDK >= 25 found (looked at \$JAVA_HOME and /usr/lib/jvm/*)." >&2
  echo "vexfs: install one, e.g. 'apt-get install temurin-25-jdk' (Adoptium repository) or 'apt-get install openjdk-25-jdk'," >&2
  echo "vexfs: or set JAVA_HOME to a JDK 25 or newer." >&2
  return 1
}

# ensure_system_packages: fuse3, libfuse3-dev, gcc (apt-get, as root) — what mounting and the ABI test need.
ensure_system_packages() {
  local missing=()
  command -v fusermount3 >/dev/null 2>&1 || missing+=(fuse3)
  [ -f /usr/include/fuse3/fuse_lowlevel.h ] || missing+=(libfuse3-dev)
  command -v gcc >/dev/null 2>&1 || missing+=(gcc)
  command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
  command -v setfattr >/dev/null 2>&1 || missing+=(attr)
  command -v mvn >/dev/null 2>&1 || missing+=(maven)
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "vexfs: installing ${missing[*]} with apt-get" >&2
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null || true
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "vexfs: missing packages: ${missing[*]}; install them (e.g. sudo apt-get install ${missing[*]})" >&2
    return 1
  fi
}

# build_if_needed: builds target/vexfs.jar (+ target/lib) when missing or older than the sources.
build_if_needed() {
  local root="$1"
  local jar="$root/target/vexfs.jar"
  if [ ! -f "$jar" ] || [ -n "$(find "$root/src/main" "$root/bindings" "$root/pom.xml" -newer "$jar" -type f 2>/dev/null | head -1)" ]; then
    echo "vexfs: building (mvn package)..." >&2
    (cd "$root" && mvn -q -B package -DskipTests) >&2
  fi
}

vexfs_jvm_flags() {
  echo "--enable-native-access=ALL-UNNAMED --add-modules jdk.incubator.vector -XX:+UseSerialGC -Xss512k -XX:TieredStopAtLevel=4 -Xshare:auto"
}

# ensure_test_packages: real tools the integration tests drive (attr, git, rsync) and the real data set.
ensure_test_packages() {
  local missing=()
  command -v git >/dev/null 2>&1 || missing+=(git)
  command -v rsync >/dev/null 2>&1 || missing+=(rsync)
  command -v setfattr >/dev/null 2>&1 || missing+=(attr)
  [ -f /usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz ] || missing+=(dataset-fashion-mnist)
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "vexfs: installing ${missing[*]} with apt-get" >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null || \
      echo "vexfs: could not install ${missing[*]}; tests that need them will say so" >&2
  else
    echo "vexfs: missing ${missing[*]}; tests that need them will say so" >&2
  fi
}

# ensure_fashion_mnist: Debian's dataset-fashion-mnist (the demo's images). Returns 1 if it cannot be installed.
ensure_fashion_mnist() {
  [ -f /usr/share/datasets/fashion-mnist/t10k-labels-idx1-ubyte.gz ] && return 0
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "vexfs: installing dataset-fashion-mnist with apt-get" >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq dataset-fashion-mnist >/dev/null 2>&1 || {
      DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null 2>&1 || true
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq dataset-fashion-mnist >/dev/null 2>&1
    } || true
  fi
  [ -f /usr/share/datasets/fashion-mnist/t10k-labels-idx1-ubyte.gz ]
}
