#!/usr/bin/env bash
# Reproduces assets/fonts/NotoSansCJKsc-Regular-GB2312-URO.otf: the Simplified Chinese face
# of Debian's Noto Sans CJK Regular, cut down to the characters a Chinese investigator
# can type or be shown (docs/cjk-fonts.md says why, and what it costs).
#
# Kept: every character of GB 2312 (6 763 hanzi and 682 symbols, kana, Greek, Cyrillic,
# box drawing), the whole CJK Unified Ideographs block U+4E00–U+9FFF (the hanzi of
# GB 18030 outside Extension A and of the 通用规范汉字表 that Unicode encodes there), CJK
# symbols and punctuation, full-width forms, general punctuation, and Basic Latin and
# Latin-1 so a mixed run never needs a third font. Dropped: Extension A and beyond, the
# Japanese, Korean and Traditional faces of the collection, the Bold weight.
#
# Needs Debian's fonts-noto-cjk and fonttools (pyftsubset); installs them when run as
# root with apt-get available. Deterministic: the same package versions give the same
# bytes (the subsetter keeps no time stamps of its own; head.modified is the source's).
#
# Layout features: only `kern`. Keeping the default ones (`locl`, `vert`, `ccmp` …) pulls in
# the Japanese, Korean and Traditional glyph variants `locl` points to and nearly doubles the
# file (11.2 MB instead of 6.1 MB); the SC face's own character map already gives the
# Simplified Chinese forms, and neither egui nor the PDF sets text vertically.
#
# Also writes the licence beside the font (LICENSE-NotoSansCJK.txt): the copyright of the
# font's name table and the SIL Open Font License 1.1 as Debian ships it.
#
#   scripts/subset-cjk-font.sh [OUTPUT]     default: assets/fonts/NotoSansCJKsc-Regular-GB2312-URO.otf
set -euo pipefail

cd "$(dirname "$0")/.."
output=${1:-assets/fonts/NotoSansCJKsc-Regular-GB2312-URO.otf}
licence=$(dirname "$output")/LICENSE-NotoSansCJK.txt
source_font=/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc
# The faces of NotoSansCJK-Regular.ttc: 0 JP, 1 KR, 2 SC, 3 TC, 4 HK, 5–9 the Mono faces.
sc_face=2

if [[ ! -r $source_font ]] || ! command -v pyftsubset >/dev/null; then
    if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
        apt-get install -y -qq fonts-noto-cjk fonttools >/dev/null
    else
        echo "Install Debian's fonts-noto-cjk and fonttools first (apt-get install fonts-noto-cjk fonttools)." >&2
        exit 1
    fi
fi

# Debian's python3 is the one fonttools was installed for; GB 2312 comes from its codec,
# so no character list has to be downloaded or kept in the repository.
python=/usr/bin/python3
face_name=$("$python" -c "
from fontTools.ttLib import TTCollection
print(TTCollection('$source_font').fonts[$sc_face]['name'].getDebugName(4))")
if [[ $face_name != "Noto Sans CJK SC" ]]; then
    echo "Face $sc_face of $source_font is \"$face_name\", not Noto Sans CJK SC: the package changed; update sc_face." >&2
    exit 1
fi

unicodes=$(mktemp)
trap 'rm -f "$unicodes"' EXIT
"$python" - >"$unicodes" <<'PY'
chars = set()
for high in range(0xA1, 0xF8):
    for low in range(0xA1, 0xFF):
        try:
            chars.add(ord(bytes([high, low]).decode("gb2312")))
        except UnicodeDecodeError:
            pass
ranges = [
    (0x0020, 0x007E),  # Basic Latin
    (0x00A0, 0x00FF),  # Latin-1 Supplement
    (0x2000, 0x206F),  # General Punctuation: “ ” ‘ ’ — … ‰ ※
    (0x3000, 0x303F),  # CJK Symbols and Punctuation: 、。「」《》【】
    (0x4E00, 0x9FFF),  # CJK Unified Ideographs
    (0xFF00, 0xFFEF),  # Halfwidth and Fullwidth Forms: ，：；（）！？
]
for first, last in ranges:
    chars.update(range(first, last + 1))
print(",".join(f"U+{c:04X}" for c in sorted(chars)))
PY

mkdir -p "$(dirname "$output")"
pyftsubset "$source_font" \
    --font-number="$sc_face" \
    --unicodes-file="$unicodes" \
    --layout-features=kern \
    --name-IDs='*' --name-languages='*' --name-legacy \
    --notdef-outline \
    --output-file="$output"

package_version=$(dpkg-query -W -f='${Version}' fonts-noto-cjk 2>/dev/null || echo unknown)
copyright=$("$python" -c "
from fontTools.ttLib import TTFont
print(TTFont('$output')['name'].getDebugName(0))")
{
    echo "$(basename "$output") is a subset of the Simplified Chinese face (Noto Sans CJK SC"
    echo "Regular, face $sc_face of NotoSansCJK-Regular.ttc) of Debian's fonts-noto-cjk $package_version,"
    echo "made by scripts/subset-cjk-font.sh. Upstream: https://github.com/notofonts/noto-cjk"
    echo
    echo "Copyright 2014-2021 Adobe (http://www.adobe.com/), with Reserved Font Name 'Source'"
    echo "(upstream's LICENSE; the font's own notice reads \"$copyright\")."
    echo "Noto is a trademark of Google Inc. The subset keeps the name Noto Sans CJK SC, which is"
    echo "not a Reserved Font Name."
    echo
    echo "This Font Software is licensed under the SIL Open Font License, Version 1.1:"
    zcat -f /usr/share/doc/fonts-noto-cjk/copyright \
        | awk '/^License: SIL-1.1$/ { body = 1; next } body && /^[^ ]/ { body = 0 } body' \
        | sed -e 's/^ \.$//' -e 's/^ //' | sed -e '/./,$!d'
} >"$licence"

echo "$output: $(stat -c %s "$output") bytes, $("$python" -c "
from fontTools.ttLib import TTFont
f = TTFont('$output')
print(len(f.getBestCmap()), 'characters,', f['maxp'].numGlyphs, 'glyphs')")"
