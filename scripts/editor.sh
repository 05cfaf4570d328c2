#!/usr/bin/env bash
# The product in a real VS Code: builds the .vsix, then either installs it into the desktop VS Code
# (`code` on the PATH) or starts VS Code in the browser (code-server, set up by e2e-setup.sh) with
# the extension installed, on a fresh copy of the examples, and prints the address to open.
# Each set-up step prints its time (the first run downloads and builds code-server: minutes). The
# editor's profile, settings, caches and temporary files stay in out/editor/, none in the home.
#   PORT=8080 HOST=127.0.0.1 npm run editor        SVCBP_EDITOR=browser forces code-server.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
source scripts/steps.sh
echo "Setting up VS Code with svcbp:"
step "The extension (build and package out/svcbp.vsix)" npm run --silent package
echo "  out/svcbp.vsix is $(du -k out/svcbp.vsix | cut -f1) KB"

WORKSPACE="$ROOT/out/editor/workspace"
rm -rf "$WORKSPACE" && mkdir -p "$WORKSPACE" && cp -r examples/. "$WORKSPACE"

if command -v code >/dev/null 2>&1 && [ "${SVCBP_EDITOR:-}" != "browser" ]; then
    code --install-extension out/svcbp.vsix --force
    code "$WORKSPACE"
    echo "Opened $WORKSPACE in VS Code with the svcbp extension installed."
    exit 0
fi

bash scripts/e2e-setup.sh
NODE_DIR="$(ls -d "$ROOT"/.e2e/node-24.*/ | head -1)"
CODE_SERVER="$(ls -d "$ROOT"/.e2e/code-server-*/ | head -1)node_modules/.bin/code-server"
PROFILE="$ROOT/out/editor/profile"
mkdir -p "$PROFILE/user/User" "$PROFILE/tmp"
# code-server writes its config (with a password) under XDG_CONFIG_HOME and a device id under
# XDG_CACHE_HOME: both in the profile, so nothing lands in the user's home.
export XDG_CONFIG_HOME="$PROFILE/config" XDG_DATA_HOME="$PROFILE/data" XDG_CACHE_HOME="$PROFILE/cache" TMPDIR="$PROFILE/tmp"
[ -f "$PROFILE/user/User/settings.json" ] || cat > "$PROFILE/user/User/settings.json" <<'JSON'
{
  "workbench.startupEditor": "none",
  "security.workspace.trust.enabled": false,
  "telemetry.telemetryLevel": "off",
  "extensions.autoCheckUpdates": false
}
JSON
export PATH="$NODE_DIR/bin:$PATH"
PROFILE_ARGS=(--user-data-dir "$PROFILE/user" --extensions-dir "$PROFILE/extensions")
step "The extension into code-server" "$CODE_SERVER" "${PROFILE_ARGS[@]}" --install-extension out/svcbp.vsix --force
HOST="${HOST:-127.0.0.1}"
PORT="${PORT:-8080}"
# Its own process group, so stopping it ends the extension host and the language server too.
set -m
"$CODE_SERVER" "${PROFILE_ARGS[@]}" --auth none --bind-addr "$HOST:$PORT" --disable-telemetry \
    --disable-update-check --disable-workspace-trust --disable-getting-started-override "$WORKSPACE" \
    >"$ROOT/out/editor/code-server.log" 2>&1 &
SERVER=$!
trap 'kill -- -$SERVER 2>/dev/null || true' EXIT INT TERM
step "code-server starting" node -e '
const url = process.argv[1]; const until = Date.now() + 60000;
(async function poll() {
  try { if ((await fetch(url)).ok) return; } catch {}
  if (Date.now() > until) { console.error("code-server did not start: see out/editor/code-server.log"); process.exit(1); }
  setTimeout(poll, 300);
})();' "http://$HOST:$PORT/healthz"
echo
echo "  VS Code with svcbp: http://$HOST:$PORT/?folder=$WORKSPACE"
echo "  (open restaurant.svcbp; Ctrl+C here stops the editor; log in out/editor/code-server.log)"
echo
wait $SERVER
