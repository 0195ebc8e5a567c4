// SPDX-License-Identifier: MIT
#include "reports/render_api.h"

#include "reports/emit_pdf.h"
#include "reports/emit_pptx.h"
#include "reports/emit_xlsx.h"

#include <dlfcn.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <stdexcept>

namespace lotse::reports {
namespace {

const RenderApi* load() {
  namespace fs = std::filesystem;
  std::vector<std::string> tried;
  if (const char* env = std::getenv("LOTSE_RENDER_MODULE"); env != nullptr && *env != 0) {
    tried.emplace_back(env);
  } else {
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    const fs::path dir = ec ? fs::path(".") : exe.parent_path();
    tried.push_back((dir / "liblotse_render.so").string());
    tried.push_back((dir / LOTSE_INSTALL_MODULE_REL / "liblotse_render.so").lexically_normal().string());
  }
  std::string why;
  for (const auto& path : tried) {
    if (!std::filesystem::exists(path)) continue;
    void* handle = ::dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (handle == nullptr) {
      const char* e = ::dlerror();
      why += std::string(e != nullptr ? e : path) + "; ";
      continue;
    }
    using Entry = const RenderApi* (*)();
    auto entry = reinterpret_cast<Entry>(::dlsym(handle, "lotse_render_api"));
    const RenderApi* api = entry != nullptr ? entry() : nullptr;
    if (api != nullptr && api->version == render_api_version) return api;
    why += path + ": not a matching rendering module; ";
  }
  std::string places;
  for (const auto& p : tried) places += (places.empty() ? "" : ", ") + p;
  throw std::runtime_error("Darstellungsmodul für PDF/DOCX/XLSX nicht ladbar (rendering module not loadable): " +
                           (why.empty() ? "not found in " + places : why));
}

} // namespace

const RenderApi& render_api() {
  static std::once_flag once;
  static const RenderApi* api = nullptr;
  std::call_once(once, [] { api = load(); });  // a failed load throws and is tried again next time
  return *api;
}

std::string emit_pdf(const doc::Document& d) { return render_api().pdf(d); }
std::string emit_poster(const doc::Document& d) { return render_api().poster(d); }
std::string emit_xlsx(const doc::Document& d) { return render_api().xlsx(d); }
std::string emit_slides_pdf(const doc::Deck& d) { return render_api().slides_pdf(d); }

} // namespace lotse::reports
