// SPDX-License-Identifier: MIT
#include "reports/zip_package.h"

#include <zip.h>

#include <cstdio>
#include <memory>
#include <stdexcept>

namespace lotse::reports {
namespace {

constexpr time_t fixed_mtime = 1577836800;  // 2020-01-01: reproducible packages

[[noreturn]] void fail(const char* what, zip_error_t* err) {
  const std::string msg = std::string(what) + ": " + zip_error_strerror(err);
  zip_error_fini(err);
  throw std::runtime_error(msg);
}

std::string source_bytes(zip_source_t* src) {
  if (zip_source_open(src) < 0) throw std::runtime_error("zip: cannot reopen buffer");
  zip_source_seek(src, 0, SEEK_END);
  const zip_int64_t size = zip_source_tell(src);
  zip_source_seek(src, 0, SEEK_SET);
  std::string out(static_cast<std::size_t>(size < 0 ? 0 : size), '\0');
  const zip_int64_t n = zip_source_read(src, out.data(), static_cast<zip_uint64_t>(out.size()));
  zip_source_close(src);
  if (n != size) throw std::runtime_error("zip: short read of the packed archive");
  return out;
}

} // namespace

bool ZipWriter::contains(std::string_view name) const {
  for (const auto& e : entries_) {
    if (e.first == name) return true;
  }
  return false;
}

std::string ZipWriter::finish() const {
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* src = zip_source_buffer_create(nullptr, 0, 0, &err);
  if (src == nullptr) fail("zip buffer", &err);
  zip_t* z = zip_open_from_source(src, ZIP_TRUNCATE, &err);
  if (z == nullptr) {
    zip_source_free(src);
    fail("zip open", &err);
  }
  zip_source_keep(src);
  for (const auto& [name, data] : entries_) {
    zip_source_t* s = zip_source_buffer(z, data.data(), data.size(), 0);
    const zip_int64_t idx = s == nullptr ? -1 : zip_file_add(z, name.c_str(), s, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE);
    if (idx < 0) {
      if (s != nullptr) zip_source_free(s);
      zip_discard(z);
      zip_source_free(src);
      throw std::runtime_error("zip: cannot add " + name);
    }
    zip_file_set_mtime(z, static_cast<zip_uint64_t>(idx), fixed_mtime, 0);
  }
  if (zip_close(z) < 0) {
    zip_discard(z);
    zip_source_free(src);
    throw std::runtime_error("zip: cannot pack the archive");
  }
  std::string out = source_bytes(src);
  zip_source_free(src);
  return out;
}

std::vector<std::pair<std::string, std::string>> read_zip(std::string_view bytes) {
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &err);
  if (src == nullptr) fail("zip buffer", &err);
  zip_t* z = zip_open_from_source(src, ZIP_RDONLY, &err);
  if (z == nullptr) {
    zip_source_free(src);
    fail("not a ZIP package", &err);
  }
  std::unique_ptr<zip_t, int (*)(zip_t*)> guard(z, [](zip_t* p) { zip_discard(p); return 0; });
  std::vector<std::pair<std::string, std::string>> out;
  const zip_int64_t n = zip_get_num_entries(z, 0);
  for (zip_int64_t i = 0; i < n; ++i) {
    const auto idx = static_cast<zip_uint64_t>(i);
    zip_stat_t st;
    if (zip_stat_index(z, idx, 0, &st) != 0) continue;
    std::unique_ptr<zip_file_t, int (*)(zip_file_t*)> f(zip_fopen_index(z, idx, 0), zip_fclose);
    if (!f) throw std::runtime_error(std::string("zip: cannot read ") + st.name);
    std::string data(static_cast<std::size_t>(st.size), '\0');
    if (zip_fread(f.get(), data.data(), st.size) != static_cast<zip_int64_t>(st.size)) {
      throw std::runtime_error(std::string("zip: short entry ") + st.name);
    }
    out.emplace_back(st.name, std::move(data));
  }
  return out;
}

} // namespace lotse::reports
