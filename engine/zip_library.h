// SPDX-License-Identifier: MIT
// libzip, loaded on first use (dlopen of Debian's libzip4) instead of linked: linking it pulls libcrypto,
// libbz2 and liblzma into every start of `lotse` — 4.5 ms and 200 page faults for the many runs that
// read and write no ZIP (simulate, analyze to HTML). The XProzess reader and the OOXML writers call
// libzip through this table; the functions are the library's own (same types, from <zip.h>).
#pragma once

#include <zip.h>

namespace lotse::engine {

#define LOTSE_ZIP_FUNCTIONS(X)                                                                              \
  X(close) X(discard) X(error_fini) X(error_init) X(error_strerror) X(fclose) X(file_add) X(file_set_mtime)   \
  X(file_strerror) X(fopen_index) X(fread) X(get_name) X(get_num_entries) X(open_from_source) X(source_buffer) \
  X(source_buffer_create) X(source_close) X(source_free) X(source_keep) X(source_open) X(source_read)         \
  X(source_seek) X(source_tell) X(stat_index) X(stat_init) X(strerror)

/// The functions of libzip used here: `zip().open_from_source(...)` is `zip_open_from_source(...)`.
struct ZipLibrary {
#define LOTSE_ZIP_MEMBER(name) decltype(&::zip_##name) name = nullptr;
  LOTSE_ZIP_FUNCTIONS(LOTSE_ZIP_MEMBER)
#undef LOTSE_ZIP_MEMBER
};

/// libzip, loaded once (thread-safe). Throws std::runtime_error (German and English) if it is not
/// installed (Debian package libzip4, a dependency of the prozesslotse package).
[[nodiscard]] const ZipLibrary& zip();

} // namespace lotse::engine
