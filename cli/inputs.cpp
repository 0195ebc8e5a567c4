// SPDX-License-Identifier: MIT
#include "cli/inputs.h"

#include "cli/cli_texts.h"
#include "importers/importer.h"

#include <algorithm>
#include <filesystem>
#include <ostream>
#include <sstream>

namespace lotse::cli {
namespace {

namespace fs = std::filesystem;

/// The file extensions the importers claim (".bpmn", ".xml", ".csv", ...), lower case.
std::vector<std::string> model_extensions() {
  std::vector<std::string> out;
  for (const auto& i : importers::all_importers()) {
    std::istringstream words{std::string(i.extensions)};
    for (std::string e; words >> e;) {
      if (std::find(out.begin(), out.end(), e) == out.end()) out.push_back(e);
    }
  }
  return out;
}

bool is_model_file(const fs::path& p, const std::vector<std::string>& extensions) {
  std::string name = p.filename().string();
  std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return std::any_of(extensions.begin(), extensions.end(), [&](const std::string& e) {
    return name.size() > e.size() && name.compare(name.size() - e.size(), e.size(), e) == 0;
  });
}

template <typename Iterator>
void collect(Iterator it, const std::vector<std::string>& extensions, std::vector<std::string>& out) {
  std::error_code ec;
  for (; it != Iterator(); it.increment(ec)) {
    if (ec) break;
    if (it->is_regular_file(ec) && is_model_file(it->path(), extensions)) out.push_back(it->path().string());
  }
}

} // namespace

void add_recursive_option(CLI::App& sub, bool& recursive) {
  sub.add_flag("-r,--recursive", recursive, "Ordner mit Unterordnern nach Modelldateien durchsuchen");
}

std::vector<std::string> model_files_in(const std::string& folder, bool recursive) {
  std::vector<std::string> out;
  const auto extensions = model_extensions();
  std::error_code ec;
  if (recursive) {
    collect(fs::recursive_directory_iterator(folder, fs::directory_options::skip_permission_denied, ec), extensions, out);
  } else {
    collect(fs::directory_iterator(folder, fs::directory_options::skip_permission_denied, ec), extensions, out);
  }
  std::sort(out.begin(), out.end());
  return out;
}

bool expand_folder_inputs(CLI::App& sub, bool recursive, engine::Lang lang, std::ostream& err) {
  CLI::Option* files = sub.get_option_no_throw("files");
  if (files == nullptr || files->count() == 0) return true;
  std::vector<std::string> expanded;
  bool any_folder = false;
  for (const std::string& arg : files->results()) {
    std::error_code ec;
    if (!fs::is_directory(arg, ec)) {
      expanded.push_back(arg);
      continue;
    }
    any_folder = true;
    const auto found = model_files_in(arg, recursive);
    if (found.empty()) {
      std::string list;
      for (const auto& e : model_extensions()) list += (list.empty() ? "" : " ") + e;
      err << "lotse: " << arg
          << tr(lang, ": der Ordner enthält keine Modelldateien (", ": the folder holds no model files (") << list;
      err << (recursive ? ")\n" : tr(lang, "; Unterordner durchsucht --recursive)\n", "; --recursive searches sub-folders)\n"));
      return false;
    }
    expanded.insert(expanded.end(), found.begin(), found.end());
  }
  if (!any_folder) return true;
  files->clear();
  files->add_result(expanded);
  files->run_callback();
  return true;
}

} // namespace lotse::cli
