// SPDX-License-Identifier: MIT
// Attribute names come from shared/docs/domain.md §1.3 (2010 export's methodDefinition, platform
// documentation); matching folds case, umlauts/ae-oe-ue and punctuation so that "Eingangskanal in %:",
// "(ein) Persoenlich (muendliches Vorsprechen)" and "Bearbeitungszeit (min)" all match.
#include "importers/picture_attrs.h"

#include "engine/text_fold.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cmath>

namespace lotse::importers::picture_attrs {
namespace {

using engine::Channel;
using engine::DiagId;

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
bool contains(std::string_view s, std::string_view p) { return s.find(p) != std::string_view::npos; }

void report(const Site& site, DiagId id, std::vector<std::string> args) {
  if (site.diags != nullptr) site.diags->add(id, site.file, site.at, site.element_id, std::move(args));
}

std::string fmt_number(double v) { return engine::number_arg_g(v); }  // localised when printed

std::optional<double> number_or_report(std::string_view name, std::string_view value, const Site& site,
                                       bool thousands_dot = false) {
  auto n = parse_number(value, thousands_dot);
  if (!n) report(site, DiagId::pic_bad_number, {std::string(trim(name)), std::string(trim(value))});
  return n;
}

std::optional<double> percent_or_report(std::string_view name, std::string_view value, const Site& site) {
  auto n = number_or_report(name, value, site);
  if (n && (*n < 0.0 || *n > 100.0)) {
    report(site, DiagId::pic_percent_range, {std::string(trim(name)), fmt_number(*n)});
    return std::nullopt;
  }
  return n;
}

std::optional<engine::Duration> duration_or_report(std::string_view name, std::string_view value, std::string_view unit,
                                                   TimeKind kind, const Site& site) {
  auto n = number_or_report(name, value, site);
  if (!n) return std::nullopt;
  auto per = minutes_per_unit(unit, kind);
  if (!per) {
    report(site, DiagId::pic_unknown_time_unit, {std::string(trim(unit))});
    per = 1.0;
  }
  return engine::from_minutes(*n * *per);
}

enum class Field {
  none, processing, waiting, transport, occurrence, stelle, stelle_share, org_unit, cost_rate, fixed_cost,
  channel_share, channel_list_in, channel_list_out, formalization, pages, copies, it_system, document,
  data_source, legal_basis, block_type
};

Field classify_block(const std::string& key) {
  if (key == "bearbeitungszeit" || key == "bearbeitungszeitmin" || key == "bearbeitungszeitinminuten" ||
      key == "processingtime" || key == "processingminutes")
    return Field::processing;
  if (key == "wartezeit" || key == "liegezeit" || key == "wartezeitmin" || key == "liegezeitmin") return Field::waiting;
  if (key == "transportzeit" || key == "transportzeitmin") return Field::transport;
  if (key == "wahrscheinlichkeit" || key == "wahrscheinlichkeitin" || key == "eintrittswahrscheinlichkeit" ||
      key == "eintrittswahrscheinlichkeitin" || key == "propability" || key == "probability" ||
      key == "haeufigkeitin")
    return Field::occurrence;
  if (key == "stelle" || key == "ausfuehrendestelle" || key == "durchfuehrendestelle" ||
      key == "positiontype")
    return Field::stelle;
  if (key == "anteilderstelle" || key == "anteilderstellein" || key == "stellenanteil") return Field::stelle_share;
  if (key == "organisationseinheit" || key == "ausfuehrendeorganisationseinheit") return Field::org_unit;
  if (starts_with(key, "kostensatz") || key == "stundensatz" || key == "verguetungeurh") return Field::cost_rate;
  if (key == "fixkosten" || key == "sachkosten" || key == "fixkosteneur") return Field::fixed_cost;
  if (key == "eingangskanalin" || key == "eingangskanal") return Field::channel_list_in;
  if (key == "ausgangskanalin" || key == "ausgangskanal") return Field::channel_list_out;
  if (key == "formalisierungsgrad") return Field::formalization;
  if (key == "umfangseiteninsgesamt" || key == "umfangseiten" || key == "seiten" || key == "seitenzahl")
    return Field::pages;
  if (key == "anzahlderausfertigungen" || key == "ausfertigungen" || key == "anzahlausfertigungen") return Field::copies;
  if (contains(key, "itverfahren") || contains(key, "itzielsystem") || contains(key, "fachverfahren") ||
      key == "software")
    return Field::it_system;
  if ((contains(key, "dokumente") || key == "dokument") && !contains(key, "absender") && !contains(key, "empfaenger")) {
    return Field::document;
  }
  if (key == "quellederdaten") return Field::data_source;
  if (contains(key, "rechtsgrundlage") || contains(key, "gesetzesgrundlage") || contains(key, "handlungsgrundlage"))
    return Field::legal_basis;
  if (key == "baustein" || key == "bausteintyp" || key == "buildingblocktype") return Field::block_type;
  return Field::none;
}

/// A whole channel list in one value ("Post 60; E-Mail 40"); its shares must add up to 100 %.
void set_channel_list(std::string_view name, std::string_view value, const Site& site, const std::string& node_name,
                      engine::ChannelMix& mix) {
  engine::ChannelMix parsed;
  std::string bad;
  if (!parse_channel_list(value, parsed, bad)) {
    report(site, DiagId::pic_unknown_channel, {bad});
    return;
  }
  if (const double sum = channel_sum_percent(parsed); std::abs(sum - 100.0) > 0.01) {
    report(site, DiagId::pic_channel_sum, {node_name, std::string(trim(name)), fmt_number(std::round(sum * 100) / 100)});
  }
  for (std::size_t i = 0; i < engine::channel_count; ++i) {
    if (parsed.share[i] > 0) mix.share[i] = parsed.share[i];
  }
  if (!mix.present) mix.at = site.at;
  mix.present = true;
}

} // namespace

std::string fold(std::string_view s) { return engine::fold_key(s); }

std::string_view trim(std::string_view s) {
  for (;;) {
    if (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r' || s.front() == '\n')) {
      s.remove_prefix(1);
    } else if (s.size() >= 2 && s[0] == '\xC2' && s[1] == '\xA0') {
      s.remove_prefix(2);
    } else {
      break;
    }
  }
  for (;;) {
    if (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n')) {
      s.remove_suffix(1);
    } else if (s.size() >= 2 && s[s.size() - 2] == '\xC2' && s.back() == '\xA0') {
      s.remove_suffix(2);
    } else {
      break;
    }
  }
  return s;
}

bool is_blank_value(std::string_view v) {
  const std::string k = fold(v);
  return k.empty() || k == "keineangabe" || k == "ka";
}

std::optional<double> parse_number(std::string_view text, bool thousands_dot) {
  std::string s;
  std::string_view t = trim(text);
  // Drop units and decoration around the number.
  for (std::string_view suffix : {"%", "€", "EUR", "Euro", "min", "Min.", "Minuten"}) {
    if (t.size() > suffix.size() && t.substr(t.size() - suffix.size()) == suffix) t = trim(t.substr(0, t.size() - suffix.size()));
  }
  for (std::size_t i = 0; i < t.size(); ++i) {
    const char c = t[i];
    if (c == ' ' || c == '\'') continue;
    if (c == '\xC2' && i + 1 < t.size() && t[i + 1] == '\xA0') {
      ++i;
      continue;
    }
    s += c;
  }
  if (s.empty()) return std::nullopt;
  const bool has_comma = s.find(',') != std::string::npos;
  const auto dots = std::count(s.begin(), s.end(), '.');
  if (has_comma) {
    s.erase(std::remove(s.begin(), s.end(), '.'), s.end());  // "1.234,5": dots group thousands
    std::replace(s.begin(), s.end(), ',', '.');
  } else if (dots > 1 || (thousands_dot && dots == 1 && s.size() - s.find('.') == 4)) {
    s.erase(std::remove(s.begin(), s.end(), '.'), s.end());
  }
  if (s.front() == '+') s.erase(0, 1);
  double v = 0;
  const char* first = s.data();
  const char* last = s.data() + s.size();
  auto [ptr, ec] = std::from_chars(first, last, v);
  if (ec != std::errc{} || ptr != last || !std::isfinite(v)) return std::nullopt;
  return v;
}

std::optional<double> minutes_per_unit(std::string_view unit, TimeKind kind) {
  const std::string k = fold(unit);
  if (k.empty() || starts_with(k, "minute") || k == "min" || k == "mins") return 1.0;
  if (starts_with(k, "sekunde") || k == "sek" || k == "s" || starts_with(k, "second")) return 1.0 / 60.0;
  if (starts_with(k, "stunde") || k == "std" || k == "h" || starts_with(k, "hour")) return 60.0;
  if (starts_with(k, "arbeitstag")) return 480.0;
  if (starts_with(k, "tag") || k == "d" || starts_with(k, "day")) return kind == TimeKind::work ? 480.0 : 1440.0;
  if (starts_with(k, "woche") || starts_with(k, "week")) return kind == TimeKind::work ? 2400.0 : 10080.0;
  return std::nullopt;
}

std::optional<Channel> resolve_channel(std::string_view name) {
  if (auto c = engine::find_channel(name)) return c;
  const std::string k = fold(name);
  if (k == "persoenlich" || k == "persoenlichmuendlich" || k == "vorsprache" || k == "muendlich" ||
      k == "persoenlichevorsprache")
    return Channel::personal_oral;
  if (k == "persoenlichschriftstuecke" || k == "persoenlichunterlagen" || k == "uebergabevonschriftstuecken" ||
      k == "persoenlichschriftlich" || k == "persoenlichuebergabe")
    return Channel::personal_documents;
  if (k == "online" || k == "onlineantrag" || k == "portal" || k == "amt24" || k == "onlinedienst") {
    return Channel::electronic_interface;
  }
  if (k == "tel") return Channel::phone;
  return std::nullopt;
}

bool parse_channel_list(std::string_view text, engine::ChannelMix& mix, std::string& bad) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || text[i] == ',' || text[i] == ';' || text[i] == '\n' || text[i] == '+') {
      // A comma between digits is a decimal comma ("Post 62,5 %").
      if (i < text.size() && text[i] == ',' && i > 0 && i + 1 < text.size() &&
          std::isdigit(static_cast<unsigned char>(text[i - 1])) != 0 &&
          std::isdigit(static_cast<unsigned char>(text[i + 1])) != 0) {
        continue;
      }
      if (auto part = trim(text.substr(start, i - start)); !part.empty()) parts.push_back(part);
      start = i + 1;
    }
  }
  if (parts.empty()) {
    bad = std::string(trim(text));
    return false;
  }
  for (std::string_view part : parts) {
    // Split into the channel name and a number (before or after it), "%" optional.
    std::string_view p = part;
    if (!p.empty() && p.back() == '%') p = trim(p.substr(0, p.size() - 1));
    std::optional<double> share;
    std::string_view name = p;
    const auto last_space = p.find_last_of(' ');
    const auto first_space = p.find(' ');
    if (last_space != std::string_view::npos) {
      if (auto n = parse_number(p.substr(last_space + 1))) {
        share = n;
        name = trim(p.substr(0, last_space));
      } else if (auto m = parse_number(p.substr(0, first_space))) {
        share = m;
        name = trim(p.substr(first_space + 1));
      }
    }
    if (!name.empty() && name.back() == ':') name = trim(name.substr(0, name.size() - 1));
    const auto channel = resolve_channel(name);
    if (!channel || (share && (*share < 0 || *share > 100))) {
      bad = std::string(part);
      return false;
    }
    if (!share) {
      if (parts.size() != 1) {
        bad = std::string(part);
        return false;
      }
      share = 100.0;
    }
    mix[*channel] += *share / 100.0;
  }
  mix.present = true;
  return true;
}

double channel_sum_percent(const engine::ChannelMix& mix) {
  double sum = 0;
  for (double s : mix.share) sum += s;
  return sum * 100.0;
}

std::vector<std::string> split_list(std::string_view value) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= value.size(); ++i) {
    if (i == value.size() || value[i] == ';' || value[i] == '\n') {
      if (auto part = trim(value.substr(start, i - start)); !part.empty()) out.emplace_back(part);
      start = i + 1;
    }
  }
  return out;
}

void add_unique(std::vector<std::string>& list, std::string_view value) {
  const std::string_view v = trim(value);
  if (is_blank_value(v)) return;
  if (std::find(list.begin(), list.end(), v) == list.end()) list.emplace_back(v);
}

bool apply_block_attribute(std::string_view name, std::string_view value, std::string_view unit, Direction group,
                           const Site& site, engine::Node& node) {
  engine::NodeAttributes& a = node.attrs;
  std::string_view raw = trim(name);
  Direction dir = group;
  if (starts_with(raw, "(ein)")) {
    dir = Direction::inbound;
    raw = trim(raw.substr(5));
  } else if (starts_with(raw, "(aus)")) {
    dir = Direction::outbound;
    raw = trim(raw.substr(5));
  }
  const std::string key = fold(raw);
  Field field = classify_block(key);
  std::optional<Channel> channel;
  if (field == Field::none && dir != Direction::none) {
    channel = resolve_channel(raw);
    if (channel) field = Field::channel_share;
  }
  if (field == Field::none) return false;
  if (is_blank_value(value)) return true;
  const engine::SourceLocation at = site.at;
  switch (field) {
  case Field::none: return false;
  case Field::processing:
    if (auto d = duration_or_report(name, value, unit, TimeKind::work, site)) a.processing = engine::Located<engine::Duration>{*d, at};
    break;
  case Field::waiting:
    if (auto d = duration_or_report(name, value, unit, TimeKind::elapsed, site)) {
      if (a.waiting) a.waiting->value += *d;  // Wartezeit and Liegezeit both delay without work
      else a.waiting = engine::Located<engine::Duration>{*d, at};
    }
    break;
  case Field::transport:
    if (auto d = duration_or_report(name, value, unit, TimeKind::elapsed, site)) a.transport = engine::Located<engine::Duration>{*d, at};
    break;
  case Field::occurrence:
    if (auto p = percent_or_report(name, value, site)) a.occurrence = engine::Located<double>{*p / 100.0, at};
    break;
  case Field::stelle: a.stelle = std::string(trim(value)); break;
  case Field::stelle_share:
    if (auto p = percent_or_report(name, value, site)) a.stelle_share = *p / 100.0;
    break;
  case Field::org_unit: a.org_unit = std::string(trim(value)); break;
  case Field::cost_rate:
    if (auto n = number_or_report(name, value, site); n && *n > 0) {
      a.cost_rate = engine::Located<engine::HourlyRate>{engine::HourlyRate::from_euros(*n), at};
    }
    break;
  case Field::fixed_cost:
    if (auto n = number_or_report(name, value, site)) a.fixed_cost = engine::Located<engine::Money>{engine::Money::from_euros(*n), at};
    break;
  case Field::channel_share:
    if (auto p = percent_or_report(name, value, site)) {
      engine::ChannelMix& mix = dir == Direction::inbound ? a.inbound : a.outbound;
      mix[*channel] = *p / 100.0;
      if (!mix.present) mix.at = at;
      mix.present = true;
    }
    break;
  case Field::channel_list_in: set_channel_list(name, value, site, node.name, a.inbound); break;
  case Field::channel_list_out: set_channel_list(name, value, site, node.name, a.outbound); break;
  case Field::formalization: {
    const std::string v = fold(value);
    if (contains(v, "unterschrift")) a.formalization = engine::Formalization::legally_binding_signature;
    else if (contains(v, "formlos")) a.formalization = engine::Formalization::informal;
    else if (contains(v, "formular")) a.formalization = engine::Formalization::form_bound;
    else a.properties.emplace_back(std::string(trim(name)), std::string(trim(value)));
    break;
  }
  case Field::pages:
    if (auto n = number_or_report(name, value, site)) a.pages = static_cast<int>(std::lround(*n));
    break;
  case Field::copies:
    if (auto n = number_or_report(name, value, site)) a.copies = static_cast<int>(std::lround(*n));
    break;
  case Field::it_system:
    for (const auto& v : split_list(value)) add_unique(a.it_systems, v);
    break;
  case Field::document:
    for (const auto& v : split_list(value)) add_unique(a.documents, v);
    break;
  case Field::data_source: a.data_source = std::string(trim(value)); break;
  case Field::legal_basis:
    for (const auto& v : split_list(value)) add_unique(a.legal_basis, v);
    break;
  case Field::block_type:
    if (auto t = engine::find_block_type(value)) {
      a.block = *t;
      a.block_at = at;
    } else {
      report(site, DiagId::pic_unknown_block_type, {std::string(trim(value)), node.name});
    }
    break;
  }
  return true;
}

bool apply_process_attribute(std::string_view name, std::string_view value, std::string_view unit, const Site& site,
                             engine::FactSheet& facts) {
  const std::string key = fold(name);
  enum class P { none, cases, processing, lead, fee, legal, leika, org, status };
  P field = P::none;
  if (key == "fallzahl" || key == "fallzahlprojahr" || key == "fallzahlen" || key == "fallzahlenprojahr" ||
      key == "numberofcases" || key == "jaehrlichefallzahl")
    field = P::cases;
  else if (key == "durchschnittlichebearbeitungszeit" || key == "bearbeitungszeit") field = P::processing;
  else if (key == "durchschnittlichedurchlaufzeit" || key == "durchlaufzeit") field = P::lead;
  else if (starts_with(key, "gebuehr")) field = P::fee;
  else if (contains(key, "rechtsgrundlage") || contains(key, "gesetzesgrundlage") || contains(key, "handlungsgrundlage"))
    field = P::legal;
  else if (starts_with(key, "leika") || key == "leistungsschluessel" || key == "fimleistungsschluessel") field = P::leika;
  else if (key == "organisationseinheit" || key == "zustaendigeorganisationseinheit" ||
           key == "federfuehrendeorganisationseinheit")
    field = P::org;
  else if (key == "bearbeitungsstatus" || key == "freigabestatus") field = P::status;
  if (field == P::none) return false;
  if (is_blank_value(value)) return true;
  const engine::SourceLocation at = site.at;
  switch (field) {
  case P::none: return false;
  case P::cases:
    if (auto n = number_or_report(name, value, site, true)) facts.cases_per_year = engine::Located<engine::CasesPerYear>{{*n}, at};
    break;
  case P::processing:
    if (auto d = duration_or_report(name, value, unit, TimeKind::work, site)) facts.processing_time = engine::Located<engine::Duration>{*d, at};
    break;
  case P::lead:
    if (auto d = duration_or_report(name, value, unit, TimeKind::elapsed, site)) facts.lead_time = engine::Located<engine::Duration>{*d, at};
    break;
  case P::fee:
    if (auto n = parse_number(value)) facts.fee = engine::Located<engine::Money>{engine::Money::from_euros(*n), at};
    else facts.other.emplace_back(std::string(trim(name)), std::string(trim(value)));  // e.g. "10–50 €"
    break;
  case P::legal:
    for (const auto& v : split_list(value)) add_unique(facts.legal_basis, v);
    break;
  case P::leika: facts.leika_id = std::string(trim(value)); break;
  case P::org: facts.org_unit = std::string(trim(value)); break;
  case P::status: facts.status = std::string(trim(value)); break;
  }
  return true;
}

} // namespace lotse::importers::picture_attrs
