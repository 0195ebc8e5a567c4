// SPDX-License-Identifier: MIT
// BPMN 2.0 importer entry points: sniff (root element `definitions` under any prefix, or a .bpmn file
// name) and read (secure XML parse, then the containment walk in bpmn_reader.cpp).
#include "importers/bpmn.h"

#include "importers/bpmn_reader.h"
#include "importers/text_decode.h"
#include "importers/xml.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>

namespace lotse::importers::bpmn {
namespace {

/// True if the declaration names UTF-8 (or ASCII) or names no encoding at all.
bool declares_utf8(std::string_view bytes) {
  std::size_t i = 0;
  while (i < bytes.size() && (bytes[i] == ' ' || bytes[i] == '\t' || bytes[i] == '\r' || bytes[i] == '\n')) ++i;
  if (bytes.substr(i, 5) != "<?xml") return true;
  const std::string_view decl = bytes.substr(i, std::min<std::size_t>(bytes.find("?>", i) - i, 300));
  const auto pos = decl.find("encoding");
  if (pos == std::string_view::npos) return true;
  const auto q = decl.find_first_of("\"'", pos);
  if (q == std::string_view::npos) return true;
  const auto close = decl.find(decl[q], q + 1);
  if (close == std::string_view::npos) return false;
  std::string label(decl.substr(q + 1, close - q - 1));
  for (char& c : label) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  return label == "utf-8" || label == "utf8" || label == "us-ascii" || label == "ascii";
}

/// UTF-8 validation with ASCII fast paths (64 and 8 bytes at a time).
bool valid_utf8(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const unsigned char* end = p + s.size();
  while (p < end) {
    // ASCII fast path, 64 bytes per step (the compiler vectorises the OR).
    while (end - p >= 64) {
      unsigned char any = 0;
      for (int k = 0; k < 64; ++k) any |= p[k];
      if (any & 0x80) break;
      p += 64;
    }
    if (end - p >= 8) {
      std::uint64_t word;
      std::memcpy(&word, p, 8);
      if ((word & 0x8080808080808080ULL) == 0) {
        p += 8;
        continue;
      }
    }
    const unsigned char c = *p;
    if (c < 0x80) {
      ++p;
      continue;
    }
    std::size_t len = 0;
    std::uint32_t cp = 0, min = 0;
    if ((c & 0xE0) == 0xC0) { len = 2; cp = c & 0x1F; min = 0x80; }
    else if ((c & 0xF0) == 0xE0) { len = 3; cp = c & 0x0F; min = 0x800; }
    else if ((c & 0xF8) == 0xF0) { len = 4; cp = c & 0x07; min = 0x10000; }
    else return false;
    if (static_cast<std::size_t>(end - p) < len) return false;
    for (std::size_t k = 1; k < len; ++k) {
      if ((p[k] & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (p[k] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    p += len;
  }
  return true;
}

/// parse_xml for the common case (UTF-8 declared and valid): same checks and options, without the
/// general decoder's per-byte pass. Returns null with `applicable` false when the general path is needed.
std::unique_ptr<XmlDocument> parse_utf8(const engine::SourceFile& raw, engine::Diagnostics& diags, bool& applicable) {
  std::string_view bytes = raw.bytes();
  applicable = false;
  if (bytes.size() < 2 || bytes[0] == '\0' || bytes[1] == '\0') return nullptr;
  const auto b0 = static_cast<unsigned char>(bytes[0]);
  if (b0 == 0xFF || b0 == 0xFE) return nullptr;
  const std::size_t bom = bytes.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  bytes.remove_prefix(bom);
  // Text that NFC would change (combining marks from macOS exports) takes the general path, which
  // normalises it.
  if (!declares_utf8(bytes) || !valid_utf8(bytes) || may_change_under_nfc(bytes)) return nullptr;
  applicable = true;
  auto result = std::make_unique<XmlDocument>(raw.from_offset(bom));  // shares the bytes
  result->encoding = "utf-8";
  const std::string_view text = result->text.bytes();
  const std::string_view prolog = text.substr(0, 4096 + 9);
  if (const void* dt = ::memmem(prolog.data(), prolog.size(), "<!DOCTYPE", 9); dt != nullptr) {
    const auto offset = static_cast<std::size_t>(static_cast<const char*>(dt) - text.data());
    if (offset < 4096) diags.add(engine::DiagId::in_doctype, raw.path(), result->text.locate(offset), "");
  }
  const unsigned options = pugi::parse_default & ~static_cast<unsigned>(pugi::parse_doctype);
  const pugi::xml_parse_result parsed = result->doc.load_buffer(text.data(), text.size(), options, pugi::encoding_utf8);
  if (!parsed) {
    diags.add(engine::DiagId::in_xml_syntax, raw.path(), result->text.locate(static_cast<std::size_t>(parsed.offset)), "",
              {parsed.description()});
    return nullptr;
  }
  if (!result->doc.document_element()) {
    diags.add(engine::DiagId::in_xml_syntax, raw.path(), engine::SourceLocation{1, 1}, "", {"no root element"});
    return nullptr;
  }
  if (!within_depth_limit(*result, diags)) return nullptr;
  replace_forbidden_xml(*result, diags);
  return result;
}

bool ends_with(std::string_view s, std::string_view suffix) {
  if (s.size() < suffix.size()) return false;
  for (std::size_t i = 0; i < suffix.size(); ++i) {
    char c = s[s.size() - suffix.size() + i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != suffix[i]) return false;
  }
  return true;
}

/// Local name of the first element of an XML head (ASCII only; UTF-16 heads are narrowed first).
std::string root_local_name(std::string_view head) {
  std::string narrowed;
  if (head.find('\0') != std::string_view::npos) {
    for (const char c : head) {
      if (c != '\0') narrowed += c;
    }
    head = narrowed;
  }
  std::size_t i = 0;
  while (i < head.size()) {
    const auto lt = head.find('<', i);
    if (lt == std::string_view::npos || lt + 1 >= head.size()) return {};
    const std::string_view rest = head.substr(lt);
    if (rest.substr(0, 4) == "<!--") {
      const auto end = head.find("-->", lt + 4);
      if (end == std::string_view::npos) return {};
      i = end + 3;
    } else if (rest[1] == '?' || rest[1] == '!') {
      const auto end = head.find('>', lt + 2);
      if (end == std::string_view::npos) return {};
      i = end + 1;
    } else {
      std::size_t e = lt + 1;
      while (e < head.size() && head[e] != ' ' && head[e] != '>' && head[e] != '/' && head[e] != '\t' &&
             head[e] != '\r' && head[e] != '\n') {
        ++e;
      }
      return std::string(local_name(head.substr(lt + 1, e - lt - 1)));
    }
  }
  return {};
}

} // namespace

bool sniff(std::string_view head, std::string_view path) {
  const std::string root = root_local_name(head);
  if (root == "definitions" || root == "Definitions") return true;
  return ends_with(path, ".bpmn") || ends_with(path, ".bpmn2") || ends_with(path, ".bpmn20.xml");
}

ImportResult read(const engine::SourceFile& source) {
  ImportResult result;
  bool fast = false;
  std::unique_ptr<XmlDocument> doc = parse_utf8(source, result.diagnostics, fast);
  if (!fast) doc = parse_xml(source, result.diagnostics);
  if (!doc) return result;
  Reader reader(*doc, result.diagnostics);
  result.model = reader.run();
  return result;
}

} // namespace lotse::importers::bpmn
