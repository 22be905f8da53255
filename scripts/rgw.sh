#!/usr/bin/env bash
# A real S3 server that honours conditional writes, for tests: Ceph's RADOS Gateway (Debian's radosgw 16.2) on one
# monitor and one memstore OSD, all on 127.0.0.1, every file it writes under one temporary folder (PLATFORM.md).
#
#   scripts/rgw.sh start [DIR]             start it (in DIR, else a new mktemp folder); prints KEY=value lines, also
#                                          kept in DIR/env: RGW_DIR, RGW_ENDPOINT, RGW_ACCESS_KEY, RGW_SECRET_KEY
#   scripts/rgw.sh stop DIR                stop every daemon started in DIR and remove DIR
#   scripts/rgw.sh gateway-start DIR NAME  one more gateway (client.rgw.NAME) on the same cluster, on a free port kept
#                                          in DIR/gateway-NAME.port, or on that port again after a kill; prints its
#                                          RGW_ENDPOINT line
#   scripts/rgw.sh gateway-kill DIR NAME   SIGKILL that gateway, as a crash would (the cluster and its data stay)
#
# Tests that kill a gateway start their own NAME, so the run's shared gateway never goes down under other tests.
# Ports are picked free at start, so several runs on one machine do not collide.
# Needs: apt-get install -y --no-install-recommends radosgw ceph-mon ceph-osd ceph-common
set -euo pipefail

ACCESS_KEY=mlopskittest
SECRET_KEY=mlopskittestsecret

die() {
  echo "rgw.sh: $*" >&2
  exit 2
}

need_tools() {
  local missing=()
  for tool in ceph-mon ceph-osd radosgw radosgw-admin monmaptool ceph node; do
    command -v "$tool" >/dev/null || missing+=("$tool")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    die "missing ${missing[*]}: apt-get install -y --no-install-recommends radosgw ceph-mon ceph-osd ceph-common"
  fi
}

# A TCP port nobody listens on now (the kernel's pick for port 0).
free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

# Any HTTP answer from the port (an anonymous GET / gets 200 or 403): the gateway serves.
answers_http() {
  node -e '
    const r = require("http").get({ host: "127.0.0.1", port: +process.argv[1], path: "/", timeout: 2000 }, (a) => {
      a.resume();
      process.exit(0);
    });
    r.on("error", () => process.exit(1));
    r.on("timeout", () => process.exit(1));' "$1"
}

# Runs the command after `what seconds` every 0.2 s until it succeeds, for at most that many seconds.
wait_for() {
  local what=$1 seconds=$2
  shift 2
  local deadline=$((SECONDS + seconds))
  until "$@" >/dev/null 2>&1; do
    if [ $SECONDS -ge $deadline ]; then
      tail -n 20 "$DIR"/log/*.log >&2 || true
      die "timed out after ${seconds} s waiting for $what"
    fi
    sleep 0.2
  done
}

cephc() { ceph -c "$DIR/ceph.conf" --connect-timeout 10 "$@"; }

# A pid from DIR/run that is still one of this cluster's daemons (a stale pid file may name another process by now).
daemon_pid() {
  local pid
  pid=$(cat "$1" 2>/dev/null || true)
  [ -n "$pid" ] && [ -r "/proc/$pid/cmdline" ] && tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF -- "$DIR/ceph.conf" &&
    echo "$pid"
}

gateway_start() {
  local name=$1 port
  if [ -f "$DIR/gateway-$name.port" ]; then
    port=$(cat "$DIR/gateway-$name.port")
  else
    port=$(free_port)
    echo "$port" >"$DIR/gateway-$name.port"
  fi
  # tcp_nodelay: without it every answer with a body waits ~40 ms on delayed ACKs (Nagle).
  radosgw -c "$DIR/ceph.conf" -n "client.rgw.$name" --rgw-frontends="beast endpoint=127.0.0.1:$port tcp_nodelay=1"
  wait_for "the gateway $name on port $port" 120 answers_http "$port"
  echo "RGW_ENDPOINT=http://127.0.0.1:$port"
}

gateway_kill() {
  local name=$1 pid
  pid=$(daemon_pid "$DIR/run/client.rgw.$name.pid") || die "no gateway $name is running in $DIR"
  kill -KILL "$pid"
  wait_for "the gateway $name to die" 20 bash -c "! kill -0 $pid"
  rm -f "$DIR/run/client.rgw.$name.pid"
}

start() {
  need_tools
  DIR=${1:-$(mktemp -d "${TMPDIR:-/tmp}/mlops-rgw.XXXXXX")}
  mkdir -p "$DIR"/{run,log,mon,osd,crash}
  DIR=$(cd "$DIR" && pwd)
  local fsid osd_uuid mon_v2 mon_v1
  fsid=$(cat /proc/sys/kernel/random/uuid)
  osd_uuid=$(cat /proc/sys/kernel/random/uuid)
  mon_v2=$(free_port)
  mon_v1=$(free_port)
  cat >"$DIR/ceph.conf" <<EOF
[global]
fsid = $fsid
mon host = [v2:127.0.0.1:$mon_v2,v1:127.0.0.1:$mon_v1]
public network = 127.0.0.0/8
auth cluster required = none
auth service required = none
auth client required = none
# Without these radosgw hangs 300 s in authentication (PLATFORM.md).
ms mon client mode = crc secure
ms client mode = crc secure
run dir = $DIR/run
admin socket = $DIR/run/\$name.asok
pid file = $DIR/run/\$name.pid
log file = $DIR/log/\$name.log
mon cluster log file = $DIR/log/cluster.log
keyring = $DIR/keyring
crash dir = $DIR/crash
# Objects live in the OSD's memory (memstore): nothing large touches the disk, and a stop frees it all.
osd objectstore = memstore
memstore device bytes = 8589934592
osd pool default size = 1
osd pool default min size = 1
osd pool default pg num = 8
osd pool default pgp num = 8
osd pool default pg autoscale mode = off
osd crush chooseleaf type = 0
mon allow pool size one = true
mon max pg per osd = 1000
mon warn on pool no redundancy = false
[mon.a]
mon data = $DIR/mon/a
[osd.0]
osd data = $DIR/osd/0
[client.rgw]
# Tests publish from many clients at once: let a gateway take them all.
rgw thread pool size = 128
# One log line per request would cost more than the request: log errors only.
debug rgw = 0
debug ms = 0
EOF
  echo "RGW_DIR=$DIR" >"$DIR/env"

  # From here on a failure takes down whatever came up, so a failed start leaves nothing running.
  trap 'stop "$DIR" >/dev/null 2>&1 || true' ERR

  monmaptool --create --addv a "[v2:127.0.0.1:$mon_v2,v1:127.0.0.1:$mon_v1]" --fsid "$fsid" "$DIR/monmap" >/dev/null
  touch "$DIR/keyring"
  ceph-mon -c "$DIR/ceph.conf" --mkfs -i a --monmap "$DIR/monmap" --keyring "$DIR/keyring"
  ceph-mon -c "$DIR/ceph.conf" -i a
  wait_for "the monitor" 60 cephc -s

  cephc osd create "$osd_uuid" >/dev/null
  mkdir -p "$DIR/osd/0"
  ceph-osd -c "$DIR/ceph.conf" -i 0 --mkfs --osd-uuid "$osd_uuid" >>"$DIR/log/mkfs.log" 2>&1
  {
    cephc osd crush add-bucket localhost host
    cephc osd crush move localhost root=default
    cephc osd crush add osd.0 1.0 host=localhost
  } >/dev/null 2>&1
  ceph-osd -c "$DIR/ceph.conf" -i 0 >>"$DIR/log/osd-start.log" 2>&1
  wait_for "the OSD" 60 bash -c "ceph -c '$DIR/ceph.conf' osd stat | grep -q '1 up'"

  local endpoint
  endpoint=$(gateway_start a)
  radosgw-admin -c "$DIR/ceph.conf" user create --uid=test --display-name=test \
    --access-key="$ACCESS_KEY" --secret="$SECRET_KEY" >/dev/null
  trap - ERR
  {
    echo "$endpoint"
    echo "RGW_ACCESS_KEY=$ACCESS_KEY"
    echo "RGW_SECRET_KEY=$SECRET_KEY"
  } >>"$DIR/env"
  cat "$DIR/env"
}

stop() {
  DIR=$1
  [ -f "$DIR/ceph.conf" ] || die "$DIR is not a folder made by rgw.sh start"
  local pids=() pid
  for file in "$DIR"/run/*.pid; do
    pid=$(daemon_pid "$file") && pids+=("$pid")
  done
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  local deadline=$((SECONDS + 10))
  for pid in "${pids[@]}"; do
    while kill -0 "$pid" 2>/dev/null && [ $SECONDS -lt $deadline ]; do sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
  done
  rm -rf "$DIR"
}

usage="usage: $0 start [DIR] | stop DIR | gateway-start DIR NAME | gateway-kill DIR NAME"
case "${1:-}" in
  start) start "${2:-}" ;;
  stop) stop "${2:?$usage}" ;;
  gateway-start)
    DIR=${2:?$usage}
    gateway_start "${3:?$usage}"
    ;;
  gateway-kill)
    DIR=${2:?$usage}
    gateway_kill "${3:?$usage}"
    ;;
  *)
    echo "$usage" >&2
    exit 2
    ;;
esac
