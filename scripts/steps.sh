# Sourced by the set-up scripts: `step "what" command…` prints what is being done, then how long it
# took, so a first run that downloads and builds for minutes says where it is. The command's own
# output is dropped; its errors still show.
step() {
    local what="$1"; shift
    local started=$SECONDS
    printf '  %s …\n' "$what"
    "$@" >/dev/null
    printf '  %s: done in %ss\n' "$what" "$((SECONDS - started))"
}
