# Shared shell helpers for scripts/*: finding a JDK 25, installing system packages, building.
# Sourced, not executed.

# find_jdk: sets JAVA_HOME to a JDK >= 25 (JAVA_HOME first, then /usr/lib/jvm/*), or explains what to install.
find_jdk() {
  local cand v
  for cand in "${JAVA_HOME:-}" /usr/lib/jvm/*; do
    [ -n "$cand" ] && [ -x "$cand/bin/java" ] && [ -x "$cand/bin/javac" ] || continue
    # the release file answers without starting a JVM (that would add ~0.3 s to every vexfs command)
    v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$cand/release" 2>/dev/null)
    [ -n "$v" ] || v=$("$cand/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')
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

# vexfs_jvm_flags: the JVM flags of every vexfs command, the mount daemon included (why: docs/architecture.md,
# "Launcher and JVM flags"). Small, fixed young generation and SerialGC keep the daemon's anonymous memory low;
# the heap holds no per-vector data, so -Xmx is only a cap for bursts (in-flight write buffers).
# `vexfs_jvm_flags novector`: the same without the Vector API module, for commands that compute no distances
# (no "Using incubator modules" warning; base.SimdKernels falls back to scalar code if one does).
vexfs_jvm_flags() {
  local vector="--add-modules jdk.incubator.vector"
  [ "${1:-}" = novector ] && vector=""
  echo "--enable-native-access=ALL-UNNAMED $vector -XX:+UseSerialGC -Xss512k" \
    "-Xms8m -Xmn6m -Xmx$(vexfs_heap_cap) -XX:-ShrinkHeapInSteps -XX:TrimNativeHeapInterval=2000" \
    "-XX:+UnlockDiagnosticVMOptions -XX:ArchiveRelocationMode=0"
}

# vexfs_heap_cap: the daemon's -Xmx. The heap holds one small object per node the kernel knows (~300 bytes), so
# the cap grows with the machine: an eighth of its memory (or of the cgroup's limit, if lower), at least 256 MiB.
# It is only a cap: the heap in use follows the nodes and bursts, HeapTrimmer gives garbage back. VEXFS_HEAP
# (a -Xmx value: 512m, 2g) overrides it. Past the cap's node budget lookups answer ENOMEM (never an
# OutOfMemoryError): docs/architecture.md, "Nodes by file handle".
vexfs_heap_cap() {
  if [ -n "${VEXFS_HEAP:-}" ]; then echo "$VEXFS_HEAP"; return; fi
  local kb limit mib
  kb=$(awk '/^MemTotal:/ {print $2}' /proc/meminfo 2>/dev/null)
  limit=$(cat /sys/fs/cgroup/memory.max 2>/dev/null || echo max)
  if [[ "$limit" =~ ^[0-9]+$ ]] && [ -n "$kb" ] && [ $((limit / 1024)) -lt "$kb" ]; then kb=$((limit / 1024)); fi
  mib=$(( ${kb:-0} / 8 / 1024 ))
  [ "$mib" -lt 256 ] && mib=256
  echo "${mib}m"
}

# vexfs_class_path ROOT: the class path of the launcher (the AOT cache is only valid for exactly this one)
vexfs_class_path() {
  echo "$1/target/vexfs.jar:$(ls "$1"/target/lib/*.jar | tr '\n' ':')"
}

# vexfs_aot_flags ROOT [cli]: -XX:AOTCache=ROOT/target/vexfs.aot (with "cli": vexfs-cli.aot, the cache of the
# commands that start without the Vector API) when that cache exists, is newer than the jar and VEXFS_AOT is not
# "off"; otherwise the JDK's default CDS archive (-Xshare:auto).
vexfs_aot_flags() {
  local aot="$1/target/vexfs.aot"
  [ "${2:-}" = cli ] && aot="$1/target/vexfs-cli.aot"
  if [ "${VEXFS_AOT:-on}" != off ] && [ -s "$aot" ] && [ "$aot" -nt "$1/target/vexfs.jar" ]; then
    echo "-XX:AOTCache=$aot"
  else
    echo "-Xshare:auto"
  fi
}

# vexfs_aot_train ROOT: writes ROOT/target/vexfs.aot (JDK 25 AOT cache, JEP 483/514/515) from a training run:
# mkfs, mount -f, a few files, vectors, a search, stats, unmount (needs FUSE). ~5-10 s.
vexfs_aot_train() {
  local root="$1" w cp rc=0
  w="$(mktemp -d /tmp/vexfs-aot.XXXXXX)"
  cp="$(vexfs_class_path "$root")"
  mkdir -p "$w/b" "$w/m"
  # shellcheck disable=SC2046
  "$JAVA_HOME/bin/java" $(vexfs_jvm_flags) -cp "$cp" vexfs.cli.Main mkfs --dim 4 "$w/b" >/dev/null
  # shellcheck disable=SC2046
  "$JAVA_HOME/bin/java" $(vexfs_jvm_flags) -XX:AOTCacheOutput="$root/target/vexfs.aot.tmp" -Xlog:aot=error \
    -cp "$cp" vexfs.cli.Main mount -f "$w/b" "$w/m" >"$w/train.log" 2>&1 &
  local pid=$! i
  for i in $(seq 300); do grep -qs " $w/m " /proc/mounts && break; sleep 0.1; done
  if grep -qs " $w/m " /proc/mounts; then
    (set -e; cd "$w/m"
     stat . >/dev/null; mkdir d; echo hello >d/a.txt; cat d/a.txt >/dev/null; ls -la d >/dev/null
     setfattr -n user.vexfs.vector -v 1,2,3,4 d/a.txt; getfattr -n user.vexfs.vector d/a.txt >/dev/null
     echo "0.5,0.5,0.5,0.5" >d/b.vec
     exec 3<>.vexfs/search; echo "1,2,3,4" >&3; cat <&3 >/dev/null; exec 3>&-
     ls .vexfs/similar/d/a.txt/ >/dev/null; cat .vexfs/stats >/dev/null
     mv d/a.txt d/c.txt; rm d/c.txt d/b.vec; rmdir d) || rc=1
    sleep 1
    fusermount3 -u "$w/m" || rc=1
  else
    rc=1
  fi
  wait "$pid" || rc=1
  # The commands without the Vector API (help, umount) have their own cache: a cache must match the modules.
  # -AOTClassLinking: with it, JDK 25.0.3 crashes writing this one (archiveHeapWriter.cpp:757). Optional: without
  # it those commands use the JDK's default CDS archive.
  # shellcheck disable=SC2046
  "$JAVA_HOME/bin/java" $(vexfs_jvm_flags novector) -XX:-AOTClassLinking \
    -XX:AOTCacheOutput="$root/target/vexfs-cli.aot.tmp" -Xlog:aot=error -cp "$cp" vexfs.cli.Main --help \
    >/dev/null 2>>"$w/train.log" || true
  if [ -s "$root/target/vexfs-cli.aot.tmp" ]; then
    mv "$root/target/vexfs-cli.aot.tmp" "$root/target/vexfs-cli.aot"
  else
    echo "vexfs: no AOT cache for the commands without the Vector API (they start without one)" >&2
    rm -f "$root/target/vexfs-cli.aot.tmp" "$root/target/vexfs-cli.aot"
  fi
  if [ "$rc" = 0 ] && [ -s "$root/target/vexfs.aot.tmp" ]; then
    mv "$root/target/vexfs.aot.tmp" "$root/target/vexfs.aot"
  else
    echo "vexfs: AOT training run failed (log follows); no cache written" >&2; tail -20 "$w/train.log" >&2
    rm -f "$root/target/vexfs.aot.tmp"; rc=1
  fi
  rm -rf "$w"
  return $rc
}

# ensure_test_packages: real tools the integration tests drive (attr, git, rsync) and the real data set.
ensure_test_packages() {
  local missing=()
  command -v git >/dev/null 2>&1 || missing+=(git)
  command -v rsync >/dev/null 2>&1 || missing+=(rsync)
  command -v setfattr >/dev/null 2>&1 || missing+=(attr)
  [ -f /usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz ] || missing+=(dataset-fashion-mnist)
  # PythonClientIT installs python/ with Debian's pip, offline (--no-build-isolation needs setuptools and wheel)
  /usr/bin/python3 -c 'import pip, setuptools, wheel' >/dev/null 2>&1 || missing+=(python3-pip python3-wheel)
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
