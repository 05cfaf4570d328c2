#!/usr/bin/env bash
# What the tests need from Debian: Chromium for the browser tests (playwright-core drives it; no
# browser is downloaded), poppler-utils (pdfinfo, pdffonts, pdftotext, pdftoppm) to open and
# look at the PDFs the CLI writes, and two fonts for the scripts Inter lacks, for the PDF tests:
# fonts-droid-fallback (Japanese, a TrueType file without Latin letters) and fonts-wqy-microhei
# (Chinese, a font collection); 3.5 MB together. Does nothing when all are there.
set -euo pipefail
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/pdftoppm ] && [ -f /usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf ] && [ -f /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ]; then exit 0; fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends chromium poppler-utils fonts-droid-fallback fonts-wqy-microhei
