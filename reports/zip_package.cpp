// SPDX-License-Identifier: MIT
#include "reports/zip_package.h"

#include "engine/zip_library.h"

#include <cstdio>
#include <memory>
#include <stdexcept>

namespace lotse::reports {
namespace {

constexpr time_t fixed_mtime = 1577836800;  // 2020-01-01: reproducible packages

[[noreturn]] void fail(const char* what, zip_error_t* err) {
  const std::string msg = std::string(what) + ": " + engine::zip().error_strerror(err);
  engine::zip().error_fini(err);
  throw std::runtime_error(msg);
}

std::string source_bytes(zip_source_t* src) {
  if (engine::zip().source_open(src) < 0) throw std::runtime_error("zip: cannot reopen buffer");
  engine::zip().source_seek(src, 0, SEEK_END);
  const zip_int64_t size = engine::zip().source_tell(src);
  engine::zip().source_seek(src, 0, SEEK_SET);
  std::string out(static_cast<std::size_t>(size < 0 ? 0 : size), '\0');
  const zip_int64_t n = engine::zip().source_read(src, out.data(), static_cast<zip_uint64_t>(out.size()));
  engine::zip().source_close(src);
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
  engine::zip().error_init(&err);
  zip_source_t* src = engine::zip().source_buffer_create(nullptr, 0, 0, &err);
  if (src == nullptr) fail("zip buffer", &err);
  zip_t* z = engine::zip().open_from_source(src, ZIP_TRUNCATE, &err);
  if (z == nullptr) {
    engine::zip().source_free(src);
    fail("zip open", &err);
  }
  engine::zip().source_keep(src);
  for (const auto& [name, data] : entries_) {
    zip_source_t* s = engine::zip().source_buffer(z, data.data(), data.size(), 0);
    const zip_int64_t idx = s == nullptr ? -1 : engine::zip().file_add(z, name.c_str(), s, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE);
    if (idx < 0) {
      if (s != nullptr) engine::zip().source_free(s);
      engine::zip().discard(z);
      engine::zip().source_free(src);
      throw std::runtime_error("zip: cannot add " + name);
    }
    engine::zip().file_set_mtime(z, static_cast<zip_uint64_t>(idx), fixed_mtime, 0);
  }
  if (engine::zip().close(z) < 0) {
    engine::zip().discard(z);
    engine::zip().source_free(src);
    throw std::runtime_error("zip: cannot pack the archive");
  }
  std::string out = source_bytes(src);
  engine::zip().source_free(src);
  return out;
}

std::vector<std::pair<std::string, std::string>> read_zip(std::string_view bytes) {
  zip_error_t err;
  engine::zip().error_init(&err);
  zip_source_t* src = engine::zip().source_buffer_create(bytes.data(), bytes.size(), 0, &err);
  if (src == nullptr) fail("zip buffer", &err);
  zip_t* z = engine::zip().open_from_source(src, ZIP_RDONLY, &err);
  if (z == nullptr) {
    engine::zip().source_free(src);
    fail("not a ZIP package", &err);
  }
  std::unique_ptr<zip_t, int (*)(zip_t*)> guard(z, [](zip_t* p) { engine::zip().discard(p); return 0; });
  std::vector<std::pair<std::string, std::string>> out;
  const zip_int64_t n = engine::zip().get_num_entries(z, 0);
  for (zip_int64_t i = 0; i < n; ++i) {
    const auto idx = static_cast<zip_uint64_t>(i);
    zip_stat_t st;
    if (engine::zip().stat_index(z, idx, 0, &st) != 0) continue;
    std::unique_ptr<zip_file_t, int (*)(zip_file_t*)> f(engine::zip().fopen_index(z, idx, 0), engine::zip().fclose);
    if (!f) throw std::runtime_error(std::string("zip: cannot read ") + st.name);
    std::string data(static_cast<std::size_t>(st.size), '\0');
    if (engine::zip().fread(f.get(), data.data(), st.size) != static_cast<zip_int64_t>(st.size)) {
      throw std::runtime_error(std::string("zip: short entry ") + st.name);
    }
    out.emplace_back(st.name, std::move(data));
  }
  return out;
}

} // namespace lotse::reports
