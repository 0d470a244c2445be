#!/usr/bin/env bash
# The local test bed that integration tests and the demo run against:
# a Docker Engine, an OCI registry, a git daemon and a forward proxy, all on 127.0.0.1, installed with apt when
# missing.
#
# Usage: scripts/testbed.sh install|start|stop|status|env   (install: only the apt packages, nothing started)
# State (data, logs, pidfiles, env): $TESTBED_DIR, default <repo>/.testbed.
# Each daemon gets $TESTBED_READY_TIMEOUT seconds (default 60) to answer.
# `start` needs root and node (for picking free ports); it is a no-op when everything already runs.
set -euo pipefail

REPO_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
STATE_DIR="$(realpath -m "${TESTBED_DIR:-$REPO_DIR/.testbed}")"
# Unix socket paths are limited to ~100 characters, so the socket and exec-root live in a short folder
# named after the state dir.
RUN_DIR="/tmp/testbed-$(printf '%s' "$STATE_DIR" | sha256sum | cut -c1-8)"
readonly REPO_DIR STATE_DIR RUN_DIR

# zip/unzip: the tool installer's archive tests build and extract zip files; tinyproxy: the forward proxy of the proxy tests.
readonly PACKAGES=(docker.io docker-registry skopeo busybox-static git curl zip unzip tinyproxy)
# The Debian 20.10 CLI drives both BuildKit and the classic builder; the docker 28 on PATH lacks buildx, so BuildKit.
readonly DOCKER_CLI=/usr/bin/docker
readonly DOCKER_SOCK="$RUN_DIR/docker.sock"
# Where dockerd keeps the pid of the containerd it starts.
readonly CONTAINERD_PIDFILE="$RUN_DIR/exec/containerd/containerd.pid"
readonly GIT_BASE="$STATE_DIR/git"
readonly BASE_IMAGE=local/busybox:1
readonly READY_TIMEOUT="${TESTBED_READY_TIMEOUT:-60}"

log() { printf 'testbed: %s\n' "$*" >&2; }

die() {
  log "$*"
  exit 1
}

# Prints the last lines of a daemon's log after saying what went wrong, then exits.
die_with_log() {
  local message=$1 logfile=$2
  log "$message; last lines of $logfile:"
  tail -n 30 "$logfile" >&2 || true
  exit 1
}

# --- packages ---------------------------------------------------------------------------------------

is_installed() {
  [[ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null)" == 'install ok installed' ]]
}

install_missing_packages() {
  local missing=() pkg
  for pkg in "${PACKAGES[@]}"; do
    is_installed "$pkg" || missing+=("$pkg")
  done
  ((${#missing[@]} == 0)) && return 0

  log "installing ${missing[*]} (log: $STATE_DIR/apt.log)"
  export DEBIAN_FRONTEND=noninteractive
  {
    apt-get update -q &&
      without_service_starts apt-get install -y -q --no-install-recommends "${missing[@]}"
  } >"$STATE_DIR/apt.log" 2>&1 || die_with_log "apt-get install failed" "$STATE_DIR/apt.log"
}

# Package scripts must not start system-wide services: docker-registry's would listen on :5000 of every interface.
without_service_starts() {
  local policy=/usr/sbin/policy-rc.d status=0
  if [[ -e $policy ]]; then
    "$@"
    return
  fi
  printf '#!/bin/sh\nexit 101\n' >"$policy"
  chmod +x "$policy"
  "$@" || status=$?
  rm -f "$policy"
  return "$status"
}

# --- processes --------------------------------------------------------------------------------------

# Prints the pid from a pidfile when that process runs and is the named program (pids get reused).
running_pid() {
  local program=$1 pidfile=$2 pid state
  [[ -s $pidfile ]] || return 1
  pid="$(<"$pidfile")"
  [[ "$(cat "/proc/$pid/comm" 2>/dev/null)" == "$program" ]] || return 1
  state="$(sed 's/.*) //' "/proc/$pid/stat" 2>/dev/null | cut -d' ' -f1)" || return 1
  [[ -n $state && $state != Z ]] || return 1
  echo "$pid"
}

remove_stale_pidfile() {
  running_pid "$1" "$2" >/dev/null || rm -f "$2"
}

# Starts a daemon in its own session, detached from our stdio (a caller reading our output would wait on
# it forever) and from the lock on fd 9.
spawn() {
  local logfile=$1
  shift
  setsid "$@" >"$logfile" 2>&1 </dev/null 9>&- &
}

# Polls a readiness check until it passes; fails early with the log when the daemon exits.
wait_until_ready() {
  local name=$1 pid=$2 logfile=$3
  shift 3
  local deadline=$((SECONDS + READY_TIMEOUT))
  until "$@"; do
    kill -0 "$pid" 2>/dev/null || die_with_log "$name exited during start" "$logfile"
    if ((SECONDS >= deadline)); then
      kill "$pid" 2>/dev/null || true
      die_with_log "$name not ready after ${READY_TIMEOUT}s" "$logfile"
    fi
    sleep 0.2
  done
}

stop_process() {
  local name=$1 program=$2 pidfile=$3 grace=$4 pid deadline
  if pid="$(running_pid "$program" "$pidfile")"; then
    log "stopping $name (pid $pid)"
    kill -TERM "$pid" 2>/dev/null || true
    deadline=$((SECONDS + grace))
    while running_pid "$program" "$pidfile" >/dev/null && ((SECONDS < deadline)); do
      sleep 0.2
    done
    if running_pid "$program" "$pidfile" >/dev/null; then
      log "$name did not stop within ${grace}s, killing it"
      kill -KILL "$pid" 2>/dev/null || true
    fi
  fi
  rm -f "$pidfile"
}

free_port() {
  node -e 'const s = require("net").createServer();
    s.listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); });'
}

tcp_open() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# --- Docker Engine ----------------------------------------------------------------------------------

docker_cli() {
  DOCKER_HOST="unix://$DOCKER_SOCK" "$DOCKER_CLI" "$@"
}

docker_answers() {
  docker_cli version >/dev/null 2>&1
}

docker_up() {
  running_pid dockerd "$STATE_DIR/dockerd.pid" >/dev/null && docker_answers
}

start_docker() {
  docker_up && return 0
  log "starting Docker Engine"
  mkdir -p "$RUN_DIR" "$STATE_DIR/docker"
  # dockerd trusts pidfiles whose process still exists, even as an unreaped zombie after a crash.
  remove_stale_pidfile dockerd "$STATE_DIR/dockerd.pid"
  remove_stale_pidfile containerd "$CONTAINERD_PIDFILE"
  # An empty config file keeps the host's /etc/docker/daemon.json out of the test bed.
  echo '{}' >"$STATE_DIR/dockerd.json"
  spawn "$STATE_DIR/dockerd.log" /usr/sbin/dockerd \
    --config-file "$STATE_DIR/dockerd.json" \
    --data-root "$STATE_DIR/docker" \
    --exec-root "$RUN_DIR/exec" \
    --pidfile "$STATE_DIR/dockerd.pid" \
    -H "unix://$DOCKER_SOCK" \
    --iptables=false --ip6tables=false --bridge=none
  wait_until_ready "Docker Engine" $! "$STATE_DIR/dockerd.log" docker_answers
}

stop_docker() {
  stop_process "Docker Engine" dockerd "$STATE_DIR/dockerd.pid" 30
  # dockerd stops the containerd it started, unless dockerd had to be killed.
  stop_process containerd containerd "$CONTAINERD_PIDFILE" 10
  # dockerd leaves these mounted after it exits; they would keep rm -rf of the state dir from finishing.
  unmount_if_mounted "$RUN_DIR/exec/netns/default"
  unmount_if_mounted "$STATE_DIR/docker"
  rm -rf "$RUN_DIR" || log "could not remove $RUN_DIR"
}

unmount_if_mounted() {
  if mountpoint -q "$1" 2>/dev/null; then
    umount "$1" || log "could not unmount $1"
  fi
}

# A base image made from the host's busybox-static, since no image can be pulled here.
import_base_image() {
  docker_cli image inspect "$BASE_IMAGE" >/dev/null 2>&1 && return 0
  log "importing $BASE_IMAGE"
  local rootfs
  rootfs="$(mktemp -d)"
  make_busybox_rootfs "$rootfs"
  tar -C "$rootfs" -c . |
    docker_cli import --change 'ENV PATH=/usr/sbin:/usr/bin:/sbin:/bin' --change 'CMD ["/bin/sh"]' - "$BASE_IMAGE" >/dev/null
  rm -rf "$rootfs"
}

# The same base in the registry, so builds can name it by digest as production Dockerfiles should; prints that reference.
publish_base_image() {
  local published="127.0.0.1:$(registry_port)/testbed/busybox:1" digest
  docker_cli tag "$BASE_IMAGE" "$published"
  digest="$(docker_cli push "$published" | sed -n 's/^.*digest: \(sha256:[0-9a-f]\{64\}\) size.*$/\1/p')"
  [[ -n $digest ]] || die "pushing $published printed no digest"
  echo "${published%:1}@$digest"
}

make_busybox_rootfs() {
  local root=$1 applet
  mkdir -p "$root"/{bin,sbin,usr/bin,usr/sbin,etc,root,tmp}
  chmod 1777 "$root/tmp"
  cp /bin/busybox "$root/bin/busybox"
  for applet in $(/bin/busybox --list-full); do
    [[ -e $root/$applet ]] || ln -s /bin/busybox "$root/$applet"
  done
  printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n' >"$root/etc/passwd"
  printf 'root:x:0:\nnogroup:x:65534:\n' >"$root/etc/group"
}

# --- OCI registry -----------------------------------------------------------------------------------

registry_port() { cat "$STATE_DIR/registry.port" 2>/dev/null; }

registry_answers() {
  curl -fsS -o /dev/null --max-time 2 "http://127.0.0.1:$1/v2/" 2>/dev/null
}

registry_up() {
  running_pid docker-registry "$STATE_DIR/registry.pid" >/dev/null && registry_answers "$(registry_port)"
}

start_registry() {
  registry_up && return 0
  log "starting registry"
  local port
  port="$(free_port)"
  rm -rf "$STATE_DIR/registry"
  mkdir -p "$STATE_DIR/registry/data"
  cat >"$STATE_DIR/registry/config.yml" <<EOF
version: 0.1
log:
  level: info
storage:
  filesystem:
    rootdirectory: $STATE_DIR/registry/data
  delete:
    enabled: true
http:
  addr: 127.0.0.1:$port
EOF
  spawn "$STATE_DIR/registry.log" /usr/bin/docker-registry serve "$STATE_DIR/registry/config.yml"
  echo $! >"$STATE_DIR/registry.pid"
  echo "$port" >"$STATE_DIR/registry.port"
  wait_until_ready registry $! "$STATE_DIR/registry.log" registry_answers "$port"
}

stop_registry() {
  stop_process registry docker-registry "$STATE_DIR/registry.pid" 10
  rm -f "$STATE_DIR/registry.port"
}

# --- git daemon -------------------------------------------------------------------------------------

git_daemon_port() { cat "$STATE_DIR/git-daemon.port" 2>/dev/null; }

git_daemon_up() {
  running_pid git-daemon "$STATE_DIR/git-daemon.pid" >/dev/null && tcp_open "$(git_daemon_port)"
}

start_git_daemon() {
  git_daemon_up && return 0
  log "starting git daemon"
  local port
  port="$(free_port)"
  rm -rf "$GIT_BASE"
  mkdir -p "$GIT_BASE"
  # git-daemon itself rather than `git daemon`, whose wrapper process would own the pid.
  spawn "$STATE_DIR/git-daemon.log" "$(git --exec-path)/git-daemon" \
    --export-all --enable=receive-pack --informative-errors --verbose \
    --base-path="$GIT_BASE" --listen=127.0.0.1 --port="$port" --reuseaddr
  echo $! >"$STATE_DIR/git-daemon.pid"
  echo "$port" >"$STATE_DIR/git-daemon.port"
  wait_until_ready "git daemon" $! "$STATE_DIR/git-daemon.log" tcp_open "$port"
}

stop_git_daemon() {
  stop_process "git daemon" git-daemon "$STATE_DIR/git-daemon.pid" 10
  rm -f "$STATE_DIR/git-daemon.port"
}

# --- forward proxy ----------------------------------------------------------------------------------

# Names only the proxy can resolve (all to 127.0.0.1), as a corporate proxy resolves hosts its runners cannot:
# a request to one reaches a local server only through the proxy, and its log names it. Clients never proxy
# loopback addresses, so tests address their servers by these names.
readonly PROXIED_NAMES=(registry.proxied.test downloads.proxied.test api.proxied.test git.proxied.test)
readonly PROXY_USER=testbed

proxy_port() { cat "$STATE_DIR/proxy.port" 2>/dev/null; }

proxy_up() {
  running_pid tinyproxy "$STATE_DIR/proxy.pid" >/dev/null && tcp_open "$(proxy_port)"
}

start_proxy() {
  proxy_up && return 0
  log "starting tinyproxy"
  local port password dir="$STATE_DIR/proxy"
  port="$(free_port)"
  password="$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
  rm -rf "$dir"
  mkdir -p "$dir"
  printf '127.0.0.1 localhost\n127.0.0.1 %s\n' "${PROXIED_NAMES[*]}" >"$dir/hosts"
  cat >"$dir/tinyproxy.conf" <<EOF
Port $port
Listen 127.0.0.1
Timeout 60
MaxClients 100
LogLevel Info
LogFile "$dir/access.log"
BasicAuth $PROXY_USER $password
EOF
  echo "$password" >"$dir/password"
  # Its own mount namespace, so that only the proxy sees the hosts file with the proxied names.
  spawn "$STATE_DIR/proxy.out" unshare --mount sh -c 'mount --bind "$1" /etc/hosts && exec tinyproxy -d -c "$2"' \
    sh "$dir/hosts" "$dir/tinyproxy.conf"
  echo $! >"$STATE_DIR/proxy.pid"
  echo "$port" >"$STATE_DIR/proxy.port"
  wait_until_ready tinyproxy $! "$STATE_DIR/proxy.out" tcp_open "$port"
}

stop_proxy() {
  stop_process tinyproxy tinyproxy "$STATE_DIR/proxy.pid" 10
  rm -f "$STATE_DIR/proxy.port"
}

# --- subcommands ------------------------------------------------------------------------------------

write_env_file() {
  local pinned_base
  pinned_base="$(publish_base_image)" || die "could not publish the base image to the registry"
  cat >"$STATE_DIR/env" <<EOF
DOCKER_HOST=unix://$DOCKER_SOCK
TESTBED_REGISTRY=127.0.0.1:$(registry_port)
TESTBED_GIT_BASE=$GIT_BASE
TESTBED_GIT_URL=git://127.0.0.1:$(git_daemon_port)
TESTBED_DOCKER_CLI=$DOCKER_CLI
TESTBED_PINNED_BASE=$pinned_base
TESTBED_PROXY=http://$PROXY_USER:$(cat "$STATE_DIR/proxy/password")@127.0.0.1:$(proxy_port)
TESTBED_PROXY_LOG=$STATE_DIR/proxy/access.log
EOF
}

all_up() {
  docker_up && registry_up && git_daemon_up && proxy_up
}

cmd_start() {
  [[ $EUID -eq 0 ]] || die "start needs root (apt-get and dockerd)"
  # The env file is sourced by shells and parsed by tests, so its paths carry no quoting.
  [[ $STATE_DIR =~ ^[A-Za-z0-9_./-]+$ ]] || die "TESTBED_DIR may only hold letters, digits and _ . / -: $STATE_DIR"
  mkdir -p "$STATE_DIR"
  # Two runs starting at once (two jest processes, say) take turns.
  exec 9>"$STATE_DIR/lock"
  flock -w 900 9 || die "another start holds $STATE_DIR/lock"

  if all_up && grep -q '^TESTBED_PROXY=' "$STATE_DIR/env" 2>/dev/null; then
    log "already running"
    return 0
  fi
  install_missing_packages
  start_docker
  start_registry
  start_git_daemon
  start_proxy
  import_base_image
  write_env_file
  log "ready; env in $STATE_DIR/env"
}

cmd_stop() {
  stop_proxy
  stop_git_daemon
  stop_registry
  stop_docker
  rm -f "$STATE_DIR/env"
}

print_status() {
  local name=$1 where=$2
  shift 2
  if "$@"; then
    printf '%-14s up    %s\n' "$name" "$where"
  else
    printf '%-14s down\n' "$name"
    return 1
  fi
}

cmd_status() {
  local status=0
  print_status "Docker Engine" "unix://$DOCKER_SOCK" docker_up || status=1
  print_status registry "127.0.0.1:$(registry_port)" registry_up || status=1
  print_status "git daemon" "git://127.0.0.1:$(git_daemon_port)  base $GIT_BASE" git_daemon_up || status=1
  print_status proxy "http://127.0.0.1:$(proxy_port)  log $STATE_DIR/proxy/access.log" proxy_up || status=1
  return "$status"
}

cmd_env() {
  [[ -s $STATE_DIR/env ]] || die "not started: run scripts/testbed.sh start"
  cat "$STATE_DIR/env"
}

main() {
  case "${1:-}" in
    install)
      mkdir -p "$STATE_DIR"
      install_missing_packages
      ;;
    start) cmd_start ;;
    stop) cmd_stop ;;
    status) cmd_status ;;
    env) cmd_env ;;
    *)
      echo "usage: $0 install|start|stop|status|env" >&2
      exit 2
      ;;
  esac
}

main "$@"
