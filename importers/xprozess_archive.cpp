// SPDX-License-Identifier: MIT
// Base64 decoding and in-memory ZIP extraction (libzip) for XProzess embedded files.
#include "importers/xprozess_archive.h"

#include "engine/zip_library.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <memory>

namespace lotse::importers::xprozess {
namespace {

constexpr std::array<signed char, 256> make_table() {
  std::array<signed char, 256> t{};
  for (auto& v : t) v = -1;
  constexpr std::string_view alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  for (std::size_t i = 0; i < alphabet.size(); ++i) t[static_cast<unsigned char>(alphabet[i])] = static_cast<signed char>(i);
  return t;
}
constexpr auto table = make_table();

bool is_blank(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

bool is_model_name(std::string_view name) {
  const std::string l = lower(name);
  return l.ends_with(".xml") || l.ends_with(".bpmn");
}

struct ZipCloser {
  void operator()(zip_t* z) const { engine::zip().discard(z); }
};
struct FileCloser {
  void operator()(zip_file_t* f) const { engine::zip().fclose(f); }
};

} // namespace

Base64Result decode_base64(std::string_view text) {
  Base64Result r;
  r.bytes.reserve(text.size() / 4 * 3);
  std::uint32_t acc = 0;
  int bits = 0;
  int quantum = 0;       // characters of the current 4-character group, padding included
  bool padding = false;  // '=' seen: only '=' and blanks may follow within the group, nothing after it
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (is_blank(c)) continue;
    if (c == '=') {
      if (quantum < 2) {
        r.error_at = i;
        return r;
      }
      padding = true;
      if (++quantum == 4) quantum = 0;
      continue;
    }
    const signed char v = table[static_cast<unsigned char>(c)];
    if (v < 0 || padding) {
      r.error_at = i;
      return r;
    }
    acc = (acc << 6) | static_cast<std::uint32_t>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      r.bytes.push_back(static_cast<char>((acc >> bits) & 0xFFu));
    }
    if (++quantum == 4) quantum = 0;
  }
  if (quantum == 1) r.error_at = text.size();  // a lone trailing character cannot encode a byte
  return r;
}

ZipExtract extract_model_file(std::string_view zip, std::size_t max_bytes) {
  ZipExtract r;
  zip_error_t err;
  engine::zip().error_init(&err);
  zip_source_t* src = engine::zip().source_buffer_create(zip.data(), zip.size(), 0, &err);
  if (src == nullptr) {
    r.error = engine::zip().error_strerror(&err);
    engine::zip().error_fini(&err);
    return r;
  }
  std::unique_ptr<zip_t, ZipCloser> archive(engine::zip().open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &err));
  if (!archive) {
    engine::zip().source_free(src);
    r.error = engine::zip().error_strerror(&err);
    engine::zip().error_fini(&err);
    return r;
  }
  engine::zip().error_fini(&err);
  const zip_int64_t count = engine::zip().get_num_entries(archive.get(), 0);
  zip_int64_t chosen = -1;
  for (zip_int64_t i = 0; i < count; ++i) {
    const char* name = engine::zip().get_name(archive.get(), static_cast<zip_uint64_t>(i), 0);
    if (name == nullptr) continue;
    r.names.emplace_back(name);
    if (!is_model_name(name)) continue;
    const bool named_bpmn = lower(name).find("bpmn") != std::string::npos;
    if (chosen < 0 || (named_bpmn && lower(r.name).find("bpmn") == std::string::npos)) {
      chosen = i;
      r.name = name;
    }
  }
  if (chosen < 0) {
    r.status = ZipExtract::Status::no_entry;
    return r;
  }
  std::unique_ptr<zip_file_t, FileCloser> file(engine::zip().fopen_index(archive.get(), static_cast<zip_uint64_t>(chosen), 0));
  if (!file) {
    r.status = ZipExtract::Status::read_failed;
    r.error = engine::zip().strerror(archive.get());
    return r;
  }
  // The compressed size bounds the inflated size: real models compress 5-50-fold, a ZIP bomb 1,000-fold.
  zip_stat_t st;
  engine::zip().stat_init(&st);
  const zip_uint64_t compressed =
      engine::zip().stat_index(archive.get(), static_cast<zip_uint64_t>(chosen), 0, &st) == 0 && (st.valid & ZIP_STAT_COMP_SIZE) != 0
          ? std::max<zip_uint64_t>(st.comp_size, 1)
          : 1;
  std::array<char, 65536> buffer{};
  for (;;) {
    const zip_int64_t n = engine::zip().fread(file.get(), buffer.data(), buffer.size());
    if (n < 0) {
      r.status = ZipExtract::Status::read_failed;
      r.error = engine::zip().file_strerror(file.get());
      r.bytes.clear();
      return r;
    }
    if (n == 0) break;
    r.bytes.append(buffer.data(), static_cast<std::size_t>(n));
    if (r.bytes.size() > max_bytes) {
      r.status = ZipExtract::Status::too_large;
      r.error = "entry larger than " + std::to_string(max_bytes >> 20) + " MB";
      r.bytes.clear();
      return r;
    }
    if (r.bytes.size() > max_ratio_floor && r.bytes.size() / compressed > max_ratio) {
      r.status = ZipExtract::Status::too_large;
      r.error = "entry expands more than " + std::to_string(max_ratio) + "-fold";
      r.bytes.clear();
      return r;
    }
  }
  r.status = ZipExtract::Status::ok;
  return r;
}

} // namespace lotse::importers::xprozess
