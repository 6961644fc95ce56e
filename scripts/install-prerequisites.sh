#!/bin/sh
# Installs, with apt-get, what Ignis and its tests use beyond a JDK:
#   bubblewrap, slirp4netns, nftables, util-linux
#                         - the function sandbox: namespaces, a network namespace per environment
#                           with user-mode networking, its filter rules, setpriv
#   curl, tar             - ./mvnw fetching Maven
#   nodejs, npm, python3  - the managed runtimes
#   autoconf ... g++      - the native build of AWS's Node.js runtime client (a conformance test)
#   awscli                - the AWS CLI v2 the end-to-end suite drives the gateway with
# Safe to run again: only missing packages are installed. Needs root (or sudo).
set -eu

missing=""
want() { dpkg -s "$1" >/dev/null 2>&1 || missing="$missing $1"; }
for pkg in bubblewrap slirp4netns nftables util-linux iproute2 curl ca-certificates tar python3 autoconf automake libtool cmake make g++ awscli; do
  want "$pkg"
done
command -v node >/dev/null 2>&1 || missing="$missing nodejs"
command -v npm >/dev/null 2>&1 || missing="$missing npm"

if [ -z "$missing" ]; then
  exit 0
fi
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "Installing:$missing"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq $missing >/dev/null
