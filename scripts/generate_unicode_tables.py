#!/usr/bin/env python3
"""Writes core/text/unicode_properties.hpp's tables as C++ from the Unicode Character Database.

Usage: generate_unicode_tables.py UCD_DIR OUTPUT.cpp

UCD_DIR is Debian's unicode-data folder (/usr/share/unicode). Reads WordBreakProperty.txt,
SentenceBreakProperty.txt, emoji/emoji-data.txt, extracted/DerivedGeneralCategory.txt, Scripts.txt,
UnicodeData.txt and CaseFolding.txt. The build runs this; nothing it writes is committed.
"""
import os
import sys

MAX_CP = 0x110000
BLOCK = 256  # code points per second-stage block


def ranges(path, wanted=None):
    """Yields (first, last, value) for each data line 'XXXX[..YYYY] ; Value # comment'."""
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            fields = [x.strip() for x in line.split(";")]
            span = fields[0].split("..")
            first = int(span[0], 16)
            last = int(span[-1], 16)
            if wanted is None or fields[1] in wanted:
                yield first, last, fields[1]


def enum_name(value):
    return "k" + value


def main(ucd, out_path):
    word_break = [0] * MAX_CP
    sentence_break = [0] * MAX_CP
    flags = [0] * MAX_CP

    wb_names = ["Other", "CR", "LF", "Newline", "Extend", "ZWJ", "Regional_Indicator", "Format", "Katakana",
                "Hebrew_Letter", "ALetter", "Single_Quote", "Double_Quote", "MidNumLet", "MidLetter", "MidNum",
                "Numeric", "ExtendNumLet", "WSegSpace"]
    sb_names = ["Other", "CR", "LF", "Extend", "Sep", "Format", "Sp", "Lower", "Upper", "OLetter", "Numeric",
                "ATerm", "SContinue", "STerm", "Close"]
    for first, last, value in ranges(os.path.join(ucd, "auxiliary", "WordBreakProperty.txt")):
        for cp in range(first, last + 1):
            word_break[cp] = wb_names.index(value)
    for first, last, value in ranges(os.path.join(ucd, "auxiliary", "SentenceBreakProperty.txt")):
        for cp in range(first, last + 1):
            sentence_break[cp] = sb_names.index(value)
    for first, last, _ in ranges(os.path.join(ucd, "emoji", "emoji-data.txt"), {"Extended_Pictographic"}):
        for cp in range(first, last + 1):
            flags[cp] |= 1 << 9
    letters_digits = {"Lu", "Ll", "Lt", "Lm", "Lo", "Nd", "Nl", "No"}
    nonspacing = set()
    for first, last, value in ranges(os.path.join(ucd, "extracted", "DerivedGeneralCategory.txt")):
        for cp in range(first, last + 1):
            if value in letters_digits:
                flags[cp] |= 1 << 10
            elif value == "Mn":
                nonspacing.add(cp)
    for first, last, _ in ranges(os.path.join(ucd, "Scripts.txt"), {"Inherited"}):
        for cp in range(first, last + 1):
            if cp in nonspacing:
                flags[cp] |= 1 << 11

    # UnicodeData.txt: canonical combining class and canonical decomposition mappings.
    ccc = [0] * MAX_CP
    direct = {}
    with open(os.path.join(ucd, "UnicodeData.txt"), encoding="utf-8") as f:
        pending_first = None
        for line in f:
            fields = line.rstrip("\n").split(";")
            cp = int(fields[0], 16)
            name = fields[1]
            # Ranges are given as <..., First> and <..., Last> lines; their members share properties.
            if name.endswith(", First>"):
                pending_first = cp
                continue
            first = pending_first if name.endswith(", Last>") else cp
            pending_first = None
            for c in range(first, cp + 1):
                ccc[c] = int(fields[3])
            decomposition = fields[5]
            if decomposition and not decomposition.startswith("<"):
                direct[cp] = [int(x, 16) for x in decomposition.split()]

    def full_decomposition(cp):
        if cp not in direct:
            return [cp]
        out = []
        for c in direct[cp]:
            out.extend(full_decomposition(c))
        return out

    decompositions = {cp: full_decomposition(cp) for cp in direct}
    for cp in decompositions:
        flags[cp] |= 1 << 12

    foldings = {}
    with open(os.path.join(ucd, "CaseFolding.txt"), encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            code, status, mapping = [x.strip() for x in line.split(";")[:3]]
            if status in ("C", "F"):
                foldings[int(code, 16)] = [int(x, 16) for x in mapping.split()]
    for cp in foldings:
        flags[cp] |= 1 << 13

    info = [word_break[cp] | (sentence_break[cp] << 5) | flags[cp] | (ccc[cp] << 16) for cp in range(MAX_CP)]

    # Two-stage table: stage1[cp / BLOCK] names a deduplicated block of BLOCK entries in stage2.
    blocks = {}
    stage1 = []
    stage2 = []
    for start in range(0, MAX_CP, BLOCK):
        block = tuple(info[start:start + BLOCK])
        if block not in blocks:
            blocks[block] = len(stage2) // BLOCK
            stage2.extend(block)
        stage1.append(blocks[block])

    def mapping_table(name, mapping):
        keys = sorted(mapping)
        data = []
        index = []
        for cp in keys:
            index.append((cp, len(data), len(mapping[cp])))
            data.extend(mapping[cp])
        lines = [f"const char32_t k{name}Data[] = {{"]
        lines += wrap([f"0x{c:X}" for c in data])
        lines.append("};")
        lines.append(f"const MappingEntry k{name}Index[] = {{")
        lines += wrap([f"{{0x{cp:X}, {off}, {n}}}" for cp, off, n in index])
        lines.append("};")
        return lines

    out = [
        "// Generated by scripts/generate_unicode_tables.py from the Unicode Character Database. Do not edit.",
        '#include "core/text/unicode_properties.hpp"',
        "",
        "#include <algorithm>",
        "",
        "namespace textx::unicode {",
        "namespace {",
        "",
        f"constexpr unsigned kBlockShift = {BLOCK.bit_length() - 1};",
        f"const std::uint16_t kStage1[] = {{",
        *wrap([str(x) for x in stage1]),
        "};",
        f"const std::uint32_t kStage2[] = {{",
        *wrap([f"0x{x:X}" for x in stage2]),
        "};",
        "",
        "struct MappingEntry {",
        "  char32_t cp;",
        "  std::uint32_t offset;",
        "  std::uint32_t length;",
        "};",
        *mapping_table("Decomposition", decompositions),
        *mapping_table("CaseFolding", foldings),
        "",
        "std::span<const char32_t> find_mapping(const MappingEntry* begin, const MappingEntry* end,",
        "                                       const char32_t* data, char32_t cp) {",
        "  const MappingEntry* it = std::lower_bound(begin, end, cp, [](const MappingEntry& e, char32_t c) { return e.cp < c; });",
        "  if (it == end || it->cp != cp) return {};",
        "  return {data + it->offset, it->length};",
        "}",
        "",
        "}  // namespace",
        "",
        "const std::uint32_t kAsciiInfo[128] = {",
        *wrap([f"0x{x:X}" for x in info[:128]]),
        "};",
        "",
        "CharInfo char_info(char32_t cp) {",
        "  if (cp >= 0x110000) cp = 0x10FFFF;  // a noncharacter: no properties",
        "  return CharInfo{kStage2[(std::size_t{kStage1[cp >> kBlockShift]} << kBlockShift) | (cp & ((1u << kBlockShift) - 1))]};",
        "}",
        "",
        "std::span<const char32_t> canonical_decomposition(char32_t cp) {",
        "  return find_mapping(std::begin(kDecompositionIndex), std::end(kDecompositionIndex), kDecompositionData, cp);",
        "}",
        "",
        "std::span<const char32_t> case_folding(char32_t cp) {",
        "  return find_mapping(std::begin(kCaseFoldingIndex), std::end(kCaseFoldingIndex), kCaseFoldingData, cp);",
        "}",
        "",
        "}  // namespace textx::unicode",
        "",
    ]
    os.makedirs(os.path.dirname(os.path.abspath(out_path)), exist_ok=True)
    with open(out_path, "w", encoding="utf-8") as f:
        f.write("\n".join(out))
    print(f"unicode tables: {len(stage1)} blocks, {len(stage2) // BLOCK} distinct, "
          f"{len(decompositions)} decompositions, {len(foldings)} case foldings -> {out_path}")


def wrap(items, width=110):
    lines, line = [], "  "
    for item in items:
        if len(line) + len(item) + 2 > width:
            lines.append(line.rstrip())
            line = "  "
        line += item + ", "
    if line.strip():
        lines.append(line.rstrip())
    return lines


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
