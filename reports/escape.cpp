// SPDX-License-Identifier: MIT
#include "reports/escape.h"

namespace lotse::reports {

std::string escape_html(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 8);
  for (char c : s) {
    switch (c) {
    case '&': out += "&amp;"; break;
    case '<': out += "&lt;"; break;
    case '>': out += "&gt;"; break;
    case '"': out += "&quot;"; break;
    case '\'': out += "&#39;"; break;
    default: out += c;
    }
  }
  return out;
}

std::string escape_xml(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 8);
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 && c != '\n' && c != '\r' && c != '\t') continue;
    switch (c) {
    case '&': out += "&amp;"; break;
    case '<': out += "&lt;"; break;
    case '>': out += "&gt;"; break;
    case '"': out += "&quot;"; break;
    case '\'': out += "&apos;"; break;
    case '\n': out += "&#10;"; break;
    case '\r': out += "&#13;"; break;
    default: out += c;
    }
  }
  return out;
}

namespace {

bool ascii_alnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool ascii_punct(char c) {
  const auto u = static_cast<unsigned char>(c);
  return u > 0x20 && u < 0x7F && !ascii_alnum(c);
}

/// True when s[at] == '&' starts an HTML entity or numeric character reference that a Markdown
/// renderer would decode: &name; &#123; &#x1F;
bool starts_entity(std::string_view s, std::size_t at) {
  std::size_t i = at + 1;
  std::size_t digits = 0;
  if (i < s.size() && s[i] == '#') {
    ++i;
    const bool hex = i < s.size() && (s[i] == 'x' || s[i] == 'X');
    if (hex) ++i;
    for (; i < s.size() && digits < 8; ++i, ++digits) {
      const char c = s[i];
      const bool ok = (c >= '0' && c <= '9') || (hex && ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')));
      if (!ok) break;
    }
  } else {
    for (; i < s.size() && digits < 40 && ascii_alnum(s[i]); ++i, ++digits) {}
    if (digits > 0 && !((s[at + 1] >= 'a' && s[at + 1] <= 'z') || (s[at + 1] >= 'A' && s[at + 1] <= 'Z'))) return false;
  }
  return digits > 0 && i < s.size() && s[i] == ';';
}

std::string markdown_escaped(std::string_view s, bool line_start) {
  std::string out;
  out.reserve(s.size() + 8);
  // Start-of-line syntax: list items (- + * 1. 1)), headings (#), setext underlines (= -), quotes (>),
  // fences (` ~). * > ` ~ # are escaped anywhere below.
  // A marker only counts when a blank or the end follows ("-5 %" and "1.5 Stunden" stay as they are);
  // "--", "==" could be a thematic break or a setext heading underline.
  std::size_t i = 0;
  if (line_start) {
    while (i < s.size() && s[i] == ' ') out += s[i++];
    const auto ends_marker = [&s](std::size_t at) { return at >= s.size() || s[at] == ' ' || s[at] == '\t'; };
    if (i < s.size() && (s[i] == '-' || s[i] == '+' || s[i] == '=')) {
      if (ends_marker(i + 1) || s[i + 1] == s[i]) out += '\\';
      out += s[i++];
    } else {
      std::size_t d = i;
      while (d < s.size() && d - i < 9 && s[d] >= '0' && s[d] <= '9') ++d;
      if (d > i && d < s.size() && (s[d] == '.' || s[d] == ')') && ends_marker(d + 1)) {
        out.append(s.substr(i, d - i));
        out += '\\';
        out += s[d];
        i = d + 1;
      }
    }
  }
  for (; i < s.size(); ++i) {
    const char c = s[i];
    const char prev = i > 0 ? s[i - 1] : '\0';
    const char next = i + 1 < s.size() ? s[i + 1] : '\0';
    switch (c) {
    case '\\':
      // A backslash escapes only punctuation; at the end it would escape the report's own syntax.
      out += (next == '\0' || ascii_punct(next)) ? "\\\\" : "\\";
      break;
    case '`': case '*': case '[': case ']': case '<': case '>': case '|': case '~':
      out += '\\';
      out += c;
      break;
    case '_':
      if (i == 0 || next == '\0' || !ascii_alnum(prev) || !ascii_alnum(next)) out += '\\';
      out += c;
      break;
    case '#':
      if (i == 0 || prev == ' ' || prev == '\t' || prev == '\n' || prev == '\r') out += '\\';
      out += c;
      break;
    case '&':
      if (starts_entity(s, i)) out += '\\';
      out += c;
      break;
    case '\r':
      out += ' ';
      if (next == '\n') ++i;
      break;
    case '\n': case '\t': out += ' '; break;
    default:
      if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) break;  // other control characters
      out += c;
    }
  }
  return out;
}

} // namespace

std::string escape_markdown(std::string_view s) { return markdown_escaped(s, true); }

std::string escape_markdown_inline(std::string_view s) { return markdown_escaped(s, false); }

std::string escape_csv(std::string_view s, char separator) {
  std::string field(s);
  if (!field.empty() && (field[0] == '=' || field[0] == '+' || field[0] == '-' || field[0] == '@' || field[0] == '\t' ||
                         field[0] == '\r')) {
    field.insert(field.begin(), '\'');
  }
  const bool quote = field.find_first_of(std::string{separator, '"', '\n', '\r'}) != std::string::npos;
  if (!quote) return field;
  std::string out = "\"";
  for (char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

} // namespace lotse::reports
