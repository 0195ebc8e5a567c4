// SPDX-License-Identifier: MIT
#include "engine/zip_library.h"

#include <dlfcn.h>

#include <mutex>
#include <stdexcept>
#include <string>

namespace lotse::engine {
namespace {

ZipLibrary load() {
  void* handle = nullptr;
  std::string why;
  // The soname of the libzip the build compiled against first (Debian 12: libzip.so.4).
  for (const char* name : {LOTSE_LIBZIP_SONAME, "libzip.so.4", "libzip.so.5", "libzip.so"}) {
    handle = ::dlopen(name, RTLD_NOW | RTLD_LOCAL);
    if (handle != nullptr) break;
    const char* e = ::dlerror();
    why = e != nullptr ? e : name;
  }
  if (handle == nullptr) {
    throw std::runtime_error("libzip nicht ladbar (libzip not loadable; apt-get install libzip4): " + why);
  }
  ZipLibrary z;
  bool complete = true;
#define LOTSE_ZIP_RESOLVE(name)                                                          \
  z.name = reinterpret_cast<decltype(z.name)>(::dlsym(handle, "zip_" #name));           \
  complete = complete && z.name != nullptr;
  LOTSE_ZIP_FUNCTIONS(LOTSE_ZIP_RESOLVE)
#undef LOTSE_ZIP_RESOLVE
  if (!complete) throw std::runtime_error("libzip ohne erwartete Funktionen (libzip lacks expected functions)");
  return z;
}

} // namespace

const ZipLibrary& zip() {
  static std::once_flag once;
  static ZipLibrary lib;
  std::call_once(once, [] { lib = load(); });  // a failed load throws and is tried again next time
  return lib;
}

} // namespace lotse::engine
