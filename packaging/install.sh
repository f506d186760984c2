#!/bin/sh
# Put Walkthrough in your desktop's menu, for you alone (no administrator rights needed):
#   ./install.sh              adds the menu entry, its icon and the `walkthrough` command
#   ./install.sh --uninstall  takes them out again (your data folder is left alone)
# The app itself stays in this folder: move the folder first if you want it elsewhere.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
entry=$data/applications/walkthrough.desktop
png=$data/icons/hicolor/256x256/apps/walkthrough.png
svg=$data/icons/hicolor/scalable/apps/walkthrough.svg
command=$HOME/.local/bin/walkthrough

refresh() {
    command -v update-desktop-database >/dev/null 2>&1 &&
        update-desktop-database -q "$data/applications" 2>/dev/null || true
}

if [ "${1:-}" = "--uninstall" ]; then
    rm -f "$entry" "$png" "$svg"
    if [ -L "$command" ]; then rm -f "$command"; fi
    refresh
    echo "Walkthrough is out of your menu. Delete this folder to remove the app; your"
    echo "processes stay in ${data}/Walkthrough until you delete that folder too."
    exit 0
fi

mkdir -p "$(dirname "$entry")" "$(dirname "$png")" "$(dirname "$svg")" "$(dirname "$command")"
# A desktop entry quotes its command with double quotes, escaping " ` $ and \ inside.
quoted=$(printf '%s' "$here/walkthrough" | sed 's/[\\"`$]/\\\\&/g')
{
    echo "[Desktop Entry]"
    printf 'Exec="%s"\n' "$quoted"
    grep -v -e '^Exec=' -e '^\[Desktop Entry\]' "$here/walkthrough.desktop"
} >"$entry"
cp "$here/walkthrough-256.png" "$png"
cp "$here/walkthrough.svg" "$svg"
ln -sfn "$here/walkthrough" "$command"
refresh
echo "Walkthrough is in your menu (Office). From a terminal: $command"
