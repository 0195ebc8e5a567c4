// SPDX-License-Identifier: MIT
// The translation layer of the `lotse` command line: every text a user sees from the option parser
// (CLI11's help labels, its error messages, the help and version flags, subcommand and option
// descriptions, footers) in German (default) and English. Descriptions live in one table in
// cli_texts.cpp keyed by subcommand and option name; the text given in cmd_*.cpp is only the
// fallback, and tests/cli/cli_texts_test.cpp fails for an option without both languages.
#pragma once

#include "engine/diagnostics.h"

#include <CLI/CLI.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lotse::cli {

/// The language before parsing: `--lang X`/`--lang=X` anywhere (any case), else LC_ALL, LC_MESSAGES
/// or LANG starting with "en" gives English; German otherwise.
[[nodiscard]] engine::Lang language_from(const std::vector<std::string>& args);

/// One text in both languages.
[[nodiscard]] inline std::string tr(engine::Lang lang, std::string_view de, std::string_view en) {
  return std::string(lang == engine::Lang::de ? de : en);
}

/// German/English description of `option` ("" = the subcommand itself) of `command` ("" = lotse).
struct CliText {
  std::string_view command, option, de, en;
};
[[nodiscard]] const CliText* find_text(std::string_view command, std::string_view option);

/// The exit-code table printed under every --help.
[[nodiscard]] std::string exit_code_help(engine::Lang lang);

/// Applies `lang` to the whole app after every subcommand was added: labels, help/version flag
/// texts, descriptions from the table, footers (plus the exit codes), German error messages, and
/// case-insensitive values for the enum options (--lang, --format, --for).
void localise(CLI::App& app, engine::Lang lang);

/// CLI11's error `e` as a sentence in `lang`, with a hint where the help is (failure_message).
[[nodiscard]] std::string failure_message(const CLI::App& app, const CLI::Error& e, engine::Lang lang);

/// "keine Befunde" / "no findings" (`lotse check` on a file without any diagnostic).
[[nodiscard]] std::string no_findings(engine::Lang lang);

} // namespace lotse::cli
