#!/usr/bin/env bash
# Starts a Docker engine for the deploy tests when none answers, and stops only the one it started.
#   deploy/scripts/dockerd.sh start   # prints "running" (already there) or "started" (ours; pid in $pidfile)
#   deploy/scripts/dockerd.sh stop    # stops ours, if we started one; leaves any other engine alone
# Ours never touches the firewall (--iptables=false, no forwarding, no masquerading) and publishes container
# ports on 127.0.0.1 only (--ip), whatever a compose file asks for. Containers talk to each other on Docker's
# own bridge inside this machine and reach nothing outside it.
set -euo pipefail

docker="${DOCKER:-/usr/bin/docker}"
pidfile="${TRIPWISE_DOCKERD_PIDFILE:-/run/tripwise-dockerd.pid}"
log="${TRIPWISE_DOCKERD_LOG:-/var/log/tripwise-dockerd.log}"

answers() { timeout 10 "$docker" info >/dev/null 2>&1; }

case "${1:-}" in
  start)
    if answers; then echo running; exit 0; fi
    command -v dockerd >/dev/null || { echo "dockerd is not installed (apt-get install -y docker.io)" >&2; exit 1; }
    dockerd --iptables=false --ip6tables=false --ip-forward=false --ip-masq=false --ip=127.0.0.1 \
      --host=unix:///var/run/docker.sock >"$log" 2>&1 &
    echo $! >"$pidfile"
    for _ in $(seq 1 60); do
      if answers; then echo started; exit 0; fi
      kill -0 "$(cat "$pidfile")" 2>/dev/null || break
      sleep 1
    done
    echo "dockerd did not come up; its log:" >&2
    tail -20 "$log" >&2
    exit 1
    ;;
  stop)
    [ -s "$pidfile" ] || exit 0
    pid="$(cat "$pidfile")"
    if kill -0 "$pid" 2>/dev/null; then
      kill -TERM "$pid"
      for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    fi
    rm -f "$pidfile"
    echo stopped
    ;;
  *)
    echo "usage: $0 start|stop" >&2
    exit 2
    ;;
esac
