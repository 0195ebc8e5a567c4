// SPDX-License-Identifier: MIT
// PICTURE attributes by NAME (never by installation-specific id): one place that turns a configured
// attribute name plus its text value into typed model fields, shared by the PICTURE-XML importer, the
// PICTURE-BPMN extension handler and the building-block table. Also German number, time-unit and
// channel-list parsing ("Post 60 %, Persönlich 40 %").
#pragma once

#include "engine/diagnostics.h"
#include "engine/model.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lotse::importers::picture_attrs {

/// Where a value was read, for diagnostics.
struct Site {
  std::string file;
  engine::SourceLocation at;
  std::string element_id;
  engine::Diagnostics* diags = nullptr;
};

/// Lower-case ASCII letters and digits only, umlauts folded to ae/oe/ue/ss: "Eingangskanal in %:" -> "eingangskanalin".
[[nodiscard]] std::string fold(std::string_view s);
/// Trims blanks (incl. non-breaking space) at both ends.
[[nodiscard]] std::string_view trim(std::string_view s);
/// True for values that say nothing: empty, "Keine Angabe", "k.A.", "-".
[[nodiscard]] bool is_blank_value(std::string_view v);

/// Parses "12", "12,5", "12.5", " 60 % ", "30,00 €". With `thousands_dot`, "1.500" is 1500.
[[nodiscard]] std::optional<double> parse_number(std::string_view text, bool thousands_dot = false);

/// What a duration attribute means; decides how "Tag(e)" is read (working day vs calendar day).
enum class TimeKind { work, elapsed };
/// Minutes per unit ("Minute(n)", "Stunde(n)", "Tag(e)", "Woche(n)", "Sekunde(n)"); empty = minutes.
/// Unknown units give nullopt.
[[nodiscard]] std::optional<double> minutes_per_unit(std::string_view unit, TimeKind kind);

/// Channel by German name, also the short forms navigators write ("Persönlich", "Online", "Brief").
[[nodiscard]] std::optional<engine::Channel> resolve_channel(std::string_view name);
/// Parses "Post 60 %, Persönlich 40 %" or a single channel name (= 100 %). Separators ',', ';', '/',
/// line breaks; a share may stand before or after the name. On failure returns false and sets `bad`
/// to the offending part.
[[nodiscard]] bool parse_channel_list(std::string_view text, engine::ChannelMix& mix, std::string& bad);
/// Sum of the shares in percent.
[[nodiscard]] double channel_sum_percent(const engine::ChannelMix& mix);

/// Direction of a channel attribute when the name itself does not say "(ein)"/"(aus)".
enum class Direction { none, inbound, outbound };

/// Applies one block attribute by its configured name. `unit` is the time unit where one was given.
/// Returns false when the name has no fixed meaning (the caller keeps it as a free property).
/// Bad values are reported through `site` (PIC-008/PIC-011/PIC-014) and ignored.
bool apply_block_attribute(std::string_view name, std::string_view value, std::string_view unit,
                           Direction group, const Site& site, engine::Node& node);
/// Applies one process (Steckbrief) attribute by name; false when the name has no fixed meaning.
bool apply_process_attribute(std::string_view name, std::string_view value, std::string_view unit,
                             const Site& site, engine::FactSheet& facts);

/// Splits a list value on ';' and line breaks, trimming blanks and dropping empty parts.
[[nodiscard]] std::vector<std::string> split_list(std::string_view value);
/// Appends `value` to `list` unless it is blank or already present.
void add_unique(std::vector<std::string>& list, std::string_view value);

} // namespace lotse::importers::picture_attrs
