// SPDX-License-Identifier: MIT
// The Prozesslotse BPMN extension reader: `<lotse:attributes><lotse:attribute name=".." value=".."/>`
// inside bpmn:extensionElements of flow nodes, sequence flows, processes and lanes, exactly as
// docs/lotse-bpmn-extension.md specifies. Numbers use a decimal point; bad values give LEX-0xx with
// file:line, unknown names a warning (kept as free properties where the target has any).
#include "importers/bpmn_hooks.h"

#include "engine/text_fold.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <limits>
#include <optional>
#include <string>
#include <system_error>
#include <vector>

namespace lotse::importers::lotse_ext {
namespace {

using engine::trim;

using engine::DiagId;

/// One `lotse:attribute` with the context needed for diagnostics.
struct Attr {
  std::string_view name;
  std::string_view value;
  engine::SourceLocation at;
  const std::string& file;
  std::string_view element_id;
  engine::Diagnostics& diags;

  void report(DiagId id, std::vector<std::string> args) const {
    diags.add(id, file, at, std::string(element_id), std::move(args));
  }
};

/// A finite number with a decimal point; reports LEX-002 otherwise.
std::optional<double> number(const Attr& a) {
  const std::string_view v = trim(a.value);
  double out = 0;
  const char* first = v.data();
  if (!v.empty() && v.front() == '+') ++first;
  const auto [ptr, ec] = std::from_chars(first, v.data() + v.size(), out);
  if (v.empty() || ec != std::errc{} || ptr != v.data() + v.size() || !std::isfinite(out)) {
    a.report(DiagId::lex_bad_number, {std::string(a.name), std::string(a.value)});
    return std::nullopt;
  }
  return out;
}

/// A number within [lo, hi]; reports LEX-003 outside.
std::optional<double> number_in(const Attr& a, double lo, double hi, std::string_view range) {
  auto v = number(a);
  if (v && (*v < lo || *v > hi)) {
    a.report(DiagId::lex_out_of_range, {std::string(a.name), std::string(trim(a.value)), std::string(range)});
    return std::nullopt;
  }
  return v;
}

std::optional<double> non_negative(const Attr& a) {
  return number_in(a, 0.0, std::numeric_limits<double>::max(), "[0, ∞)");
}

std::optional<int> whole(const Attr& a, int lo, int hi, std::string_view range) {
  auto v = number_in(a, lo, hi, range);
  if (!v) return std::nullopt;
  if (*v != std::floor(*v)) {
    a.report(DiagId::lex_bad_number, {std::string(a.name), std::string(a.value)});
    return std::nullopt;
  }
  return static_cast<int>(*v);
}

template <class T> engine::Located<T> located(T v, const Attr& a) { return engine::Located<T>{v, a.at}; }

/// `property.<name>` keeps a free property silently (what the writer emits for properties).
constexpr std::string_view property_prefix = "property.";

bool apply_channel(const Attr& a, engine::NodeAttributes& attrs) {
  const bool in = a.name.starts_with("inbound.");
  const bool out = a.name.starts_with("outbound.");
  if (!in && !out) return false;
  static constexpr std::array<std::string_view, engine::channel_count> ids{
      "personal_oral", "personal_documents", "phone", "post", "internal_mail", "email", "fax", "electronic_interface"};
  const std::string_view key = a.name.substr(in ? 8 : 9);
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (key != ids[i]) continue;
    if (auto v = number_in(a, 0.0, 100.0, "[0, 100]")) {
      engine::ChannelMix& mix = in ? attrs.inbound : attrs.outbound;
      mix.share[i] = *v / 100.0;
      if (!mix.present) mix.at = a.at;
      mix.present = true;
    }
    return true;
  }
  a.report(DiagId::lex_bad_value,
           {std::string(a.name), std::string(key),
            "personal_oral, personal_documents, phone, post, internal_mail, email, fax, electronic_interface"});
  return true;
}

/// batch_release ("Fr 10:00", checked by the simulation), batch_size, batch_max_wait_minutes,
/// batch_setup_minutes, batch_item_minutes; false for another batch_ name.
bool apply_batch_attr(const Attr& a, engine::NodeAttributes& attrs) {
  const std::string_view n = a.name;
  if (n != "batch_release" && n != "batch_size" && n != "batch_max_wait_minutes" && n != "batch_setup_minutes" &&
      n != "batch_item_minutes") {
    return false;
  }
  engine::BatchRule& b = attrs.batch ? *attrs.batch : attrs.batch.emplace();
  if (!b.at.known()) b.at = a.at;
  if (n == "batch_release") {
    b.release = std::string(trim(a.value));
  } else if (n == "batch_size") {
    if (auto v = number_in(a, 1.0, 1'000'000.0, "[1, 1000000]")) b.size = static_cast<int>(*v);
  } else if (n == "batch_max_wait_minutes" || n == "batch_setup_minutes" || n == "batch_item_minutes") {
    if (auto v = non_negative(a)) {
      (n == "batch_max_wait_minutes" ? b.max_wait : n == "batch_setup_minutes" ? b.setup : b.per_item) = engine::from_minutes(*v);
    }
  }
  return true;
}

/// `duration_distribution`: "EXPONENTIAL 30", "UNIFORM 10 50", "TRIANGULAR 10 20 40", "NORMAL 30 5",
/// "LOGNORMAL 30 10", "FIXED 30", "GAMMA 2 15" (shape, scale), "ERLANG 3 30" (phases, mean); times in
/// minutes. Sets attrs.duration, as QBP's durationDistribution does (work of an activity, time of an event).
void apply_distribution(const Attr& a, engine::NodeAttributes& attrs) {
  static constexpr std::array<std::string_view, 8> kinds{"FIXED", "EXPONENTIAL", "NORMAL", "LOGNORMAL",
                                                         "UNIFORM", "TRIANGULAR", "GAMMA", "ERLANG"};
  static constexpr std::array<int, 8> arity{1, 1, 2, 2, 2, 3, 2, 2};
  std::vector<std::string_view> words;
  std::string_view rest = trim(a.value);
  while (!rest.empty()) {
    const std::size_t end = std::min(rest.find(' '), rest.size());
    words.push_back(rest.substr(0, end));
    rest = trim(rest.substr(end));
  }
  std::string kind = words.empty() ? std::string() : std::string(words.front());
  for (auto& ch : kind) ch = static_cast<char>(ch >= 'a' && ch <= 'z' ? ch - 'a' + 'A' : ch);
  std::size_t k = kinds.size();
  for (std::size_t i = 0; i < kinds.size(); ++i) {
    if (kind == kinds[i]) k = i;
  }
  if (k == kinds.size() || words.size() != static_cast<std::size_t>(arity[k]) + 1) {
    a.report(DiagId::lex_bad_value, {std::string(a.name), std::string(trim(a.value)),
                                     "FIXED m, EXPONENTIAL m, NORMAL m sd, LOGNORMAL m sd, UNIFORM min max, "
                                     "TRIANGULAR min mode max, GAMMA shape scale, ERLANG k m (minutes)"});
    return;
  }
  std::array<double, 3> p{};
  for (std::size_t i = 1; i < words.size(); ++i) {
    const Attr one{a.name, words[i], a.at, a.file, a.element_id, a.diags};
    const auto v = non_negative(one);
    if (!v) return;
    p[i - 1] = *v;
  }
  const auto kd = static_cast<engine::DistKind>(k);
  // Minutes to seconds, except the shape of GAMMA and the phases of ERLANG.
  for (std::size_t i = 0; i < 3; ++i) {
    if (!((kd == engine::DistKind::gamma || kd == engine::DistKind::erlang) && i == 0)) p[i] *= 60.0;
  }
  attrs.duration = located(engine::Distribution{kd, p[0], p[1], p[2], {}}, a);
}

void apply_node_attr(const Attr& a, engine::NodeAttributes& attrs) {
  const std::string value(trim(a.value));
  const std::string_view n = a.name;
  if (n == "processing_minutes" || n == "waiting_minutes" || n == "transport_minutes") {
    if (auto v = non_negative(a)) {
      auto d = located(engine::from_minutes(*v), a);
      (n == "processing_minutes" ? attrs.processing : n == "waiting_minutes" ? attrs.waiting : attrs.transport) = d;
    }
  } else if (n == "occurrence") {
    if (auto v = non_negative(a)) attrs.occurrence = located(*v, a);
  } else if (n == "probability") {
    // Of a boundary event or an event sub-process: the probability that the event occurs (stored as the
    // occurrence, which means the same for events); of an activity, P(Baustein) up to 1.
    if (auto v = number_in(a, 0.0, 1.0, "[0, 1]")) attrs.occurrence = located(*v, a);
  } else if (n == "completion_share") {
    if (auto v = number_in(a, 0.0, 1.0, "[0, 1]")) attrs.completion_share = located(*v, a);
  } else if (n == "duration_distribution") {
    apply_distribution(a, attrs);
  } else if (n.substr(0, 6) == "batch_" && apply_batch_attr(a, attrs)) {
  } else if (n == "loop_probability") {
    if (auto v = number_in(a, 0.0, 0.999, "[0, 0.999]")) attrs.loop_probability = located(*v, a);
  } else if (n == "block") {
    if (auto t = engine::find_block_type(value)) {
      attrs.block = *t;
      attrs.block_at = a.at;
    } else {
      a.report(DiagId::lex_bad_value, {std::string(n), value, "PICTURE-Baustein (z. B. edvinput)"});
    }
  } else if (n == "stelle") {
    attrs.stelle = value;
  } else if (n == "stelle_share") {
    if (auto v = number_in(a, 0.0, 100.0, "[0, 100]")) attrs.stelle_share = *v / 100.0;
  } else if (n == "org_unit") {
    attrs.org_unit = value;
  } else if (n == "cost_rate_eur_per_hour") {
    if (auto v = non_negative(a)) attrs.cost_rate = located(engine::HourlyRate::from_euros(*v), a);
  } else if (n == "fixed_cost_eur") {
    if (auto v = non_negative(a)) attrs.fixed_cost = located(engine::Money::from_euros(*v), a);
  } else if (apply_channel(a, attrs)) {
  } else if (n == "formalization") {
    if (value == "informal") attrs.formalization = engine::Formalization::informal;
    else if (value == "form_bound") attrs.formalization = engine::Formalization::form_bound;
    else if (value == "legally_binding_signature") attrs.formalization = engine::Formalization::legally_binding_signature;
    else a.report(DiagId::lex_bad_value, {std::string(n), value, "informal, form_bound, legally_binding_signature"});
  } else if (n == "pages") {
    if (auto v = whole(a, 0, 1000000, "[0, 1000000]")) attrs.pages = *v;
  } else if (n == "copies") {
    if (auto v = whole(a, 0, 1000000, "[0, 1000000]")) attrs.copies = *v;
  } else if (n == "it_system") {
    attrs.it_systems.push_back(value);
  } else if (n == "document") {
    attrs.documents.push_back(value);
  } else if (n == "legal_basis") {
    attrs.legal_basis.push_back(value);
  } else if (n == "data_source") {
    if (value == "paper" || value == "physikalische Dokumente") attrs.data_source = "physikalische Dokumente";
    else if (value == "it_system" || value == "EDV-System") attrs.data_source = "EDV-System";
    else a.report(DiagId::lex_bad_value, {std::string(n), value, "paper, it_system"});
  } else if (n == "rag_type") {
    if (auto v = whole(a, 0, 99, "[0, 99]")) attrs.rag_type = *v;
  } else if (n == "rag_name") {
    attrs.rag_name = value;
  } else if (n == "resource") {
    attrs.resources.push_back(value);
  } else if (n.starts_with(property_prefix)) {
    attrs.properties.emplace_back(std::string(n.substr(property_prefix.size())), std::string(a.value));
  } else {
    a.report(DiagId::lex_unknown_name, {std::string(n)});
    attrs.properties.emplace_back(std::string(n), std::string(a.value));
  }
}

void apply_process_attr(const Attr& a, engine::FactSheet& facts) {
  const std::string value(trim(a.value));
  const std::string_view n = a.name;
  if (n == "cases_per_year") {
    if (auto v = non_negative(a)) facts.cases_per_year = located(engine::CasesPerYear{*v}, a);
  } else if (n == "fee_eur") {
    if (auto v = non_negative(a)) facts.fee = located(engine::Money::from_euros(*v), a);
  } else if (n == "processing_time_minutes") {
    if (auto v = non_negative(a)) facts.processing_time = located(engine::from_minutes(*v), a);
  } else if (n == "lead_time_minutes") {
    if (auto v = non_negative(a)) facts.lead_time = located(engine::from_minutes(*v), a);
  } else if (n == "legal_basis") {
    facts.legal_basis.push_back(value);
  } else if (n == "leika_id") {
    facts.leika_id = value;
  } else if (n == "org_unit") {
    facts.org_unit = value;
  } else if (n == "classification") {
    facts.classification = value;
  } else if (n == "status") {
    facts.status = value;
  } else if (n.starts_with(property_prefix)) {
    facts.other.emplace_back(std::string(n.substr(property_prefix.size())), std::string(a.value));
  } else {
    a.report(DiagId::lex_unknown_name, {std::string(n)});
    facts.other.emplace_back(std::string(n), std::string(a.value));
  }
}

void apply_flow_attr(const Attr& a, engine::Flow& flow) {
  if (a.name == "probability") {
    if (auto v = number_in(a, 0.0, 1.0, "[0, 1]")) flow.probability = located(engine::Probability{*v}, a);
  } else {
    a.report(DiagId::lex_unknown_ignored, {std::string(a.name), flow.id});
  }
}

void apply_lane_attr(const Attr& a, engine::Lane& lane) {
  if (a.name == "stelle") {
    lane.stelle = std::string(trim(a.value));
  } else if (a.name == "cost_rate_eur_per_hour") {
    if (auto v = non_negative(a)) lane.cost_rate = located(engine::HourlyRate::from_euros(*v), a);
  } else {
    a.report(DiagId::lex_unknown_ignored, {std::string(a.name), lane.id});
  }
}

/// Calls `fn(Attr)` for every lotse:attribute in `element` (a lotse:attributes list or one attribute).
template <class Fn>
void for_each_attribute(const pugi::xml_node& element, const XmlDocument& doc, std::string_view element_id,
                        engine::Diagnostics& diags, Fn fn) {
  const std::string& file = doc.text.path();
  auto one = [&](const pugi::xml_node& e) {
    const pugi::xml_attribute name = e.attribute("name");
    if (!name || trim(name.value()).empty()) {
      diags.add(DiagId::lex_missing_name, file, doc.where(e), std::string(element_id));
      return;
    }
    fn(Attr{trim(name.value()), e.attribute("value").value(), doc.where(e), file, element_id, diags});
  };
  const std::string_view local = local_name(element.name());
  if (local == "attribute") {
    one(element);
    return;
  }
  if (local != "attributes") {
    diags.add(DiagId::lex_unknown_element, file, doc.where(element), std::string(element_id), {element.name()});
    return;
  }
  for (const pugi::xml_node& child : element.children()) {
    if (child.type() != pugi::node_element) continue;
    if (local_name(child.name()) == "attribute") one(child);
    else diags.add(DiagId::lex_unknown_element, file, doc.where(child), std::string(element_id), {child.name()});
  }
}

} // namespace

bool handles(std::string_view ns, const pugi::xml_node& element) {
  return ns == ns_uri && element.type() == pugi::node_element;
}

void apply_node(const pugi::xml_node& element, const XmlDocument& doc, engine::Node& node, engine::Diagnostics& diags) {
  for_each_attribute(element, doc, node.id, diags, [&](const Attr& a) { apply_node_attr(a, node.attrs); });
}

void apply_flow(const pugi::xml_node& element, const XmlDocument& doc, engine::Flow& flow, engine::Diagnostics& diags) {
  for_each_attribute(element, doc, flow.id, diags, [&](const Attr& a) { apply_flow_attr(a, flow); });
}

void apply_process(const pugi::xml_node& element, const XmlDocument& doc, engine::Process& process,
                   engine::Diagnostics& diags) {
  for_each_attribute(element, doc, process.id, diags, [&](const Attr& a) { apply_process_attr(a, process.facts); });
}

void apply_lane(const pugi::xml_node& element, const XmlDocument& doc, engine::Lane& lane, engine::Diagnostics& diags) {
  for_each_attribute(element, doc, lane.id, diags, [&](const Attr& a) { apply_lane_attr(a, lane); });
}

} // namespace lotse::importers::lotse_ext
