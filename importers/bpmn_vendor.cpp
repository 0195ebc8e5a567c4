// SPDX-License-Identifier: MIT
// Camunda properties and ADONIS times/costs. ADONIS writes durations as attributes of type "UTC" whose
// value is an integer number of milliseconds (dates use the same type as milliseconds since 1970, as the
// FIM XProzess export of ADONIS NP shows); 0 is the value of an attribute nobody filled in, so it is not
// imported as a real zero.
#include "importers/bpmn_vendor.h"

#include <array>
#include <charconv>
#include <cstring>
#include <string>

namespace lotse::importers::bpmn {

using engine::DiagId;

namespace {

bool read_camunda_properties(const pugi::xml_node& el, engine::Node& node) {
  for (pugi::xml_node p = el.first_child(); p; p = p.next_sibling()) {
    if (p.type() != pugi::node_element || local_name(p.name()) != "property") continue;
    node.attrs.properties.emplace_back(p.attribute("name").value(), p.attribute("value").value());
  }
  return true;
}

void read_adonis_attribute(Context& ctx, const pugi::xml_node& attr, engine::Node& node) {
  const std::string_view name = attr.attribute("name").value();
  std::optional<engine::Located<engine::Duration>>* slot = nullptr;
  if (name == "A_EXECUTION_TIME") slot = &node.attrs.processing;
  else if (name == "A_WAITING_TIME" || name == "A_RESTING_TIME") slot = &node.attrs.waiting;
  else if (name == "A_TRANSPORT_TIME") slot = &node.attrs.transport;
  else if (name != "COSTS") return;
  std::string_view value;
  for (pugi::xml_node c = attr.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_element && local_name(c.name()) == "value") value = trim(c.text().get());
  }
  if (value.empty()) return;
  if (slot == nullptr) {
    const auto euros = parse_number(value);
    if (!euros || *euros != *euros) {
      ctx.report(DiagId::bpmn_adonis_bad_time, attr, node.id, {std::string(name), std::string(value)});
    } else if (*euros != 0.0) {
      node.attrs.fixed_cost = engine::Located<engine::Money>{engine::Money::from_euros(*euros), ctx.doc.where(attr)};
    }
    return;
  }
  const auto d = parse_adonis_duration(value);
  if (!d) {
    ctx.report(DiagId::bpmn_adonis_bad_time, attr, node.id, {std::string(name), std::string(value)});
    return;
  }
  if (d->count() == 0) return;
  // Waiting and resting time both mean lead time without work: they add up.
  if (*slot && slot == &node.attrs.waiting) {
    (*slot)->value += *d;
  } else {
    *slot = engine::Located<engine::Duration>{*d, ctx.doc.where(attr)};
  }
}

} // namespace

std::optional<engine::Duration> parse_adonis_duration(std::string_view text) {
  text = trim(text);
  if (text.empty()) return std::nullopt;
  if (text.find(':') == std::string_view::npos) {
    std::int64_t ms = 0;
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), ms);
    if (ec != std::errc{} || ptr != text.data() + text.size() || ms < 0) return std::nullopt;
    return engine::Duration{ms};
  }
  // YY:DDD:HH:MM:SS
  std::array<std::int64_t, 5> parts{};
  std::size_t count = 0;
  const char* p = text.data();
  const char* end = text.data() + text.size();
  while (p < end && count < parts.size()) {
    const auto [ptr, ec] = std::from_chars(p, end, parts[count]);
    if (ec != std::errc{} || parts[count] < 0) return std::nullopt;
    ++count;
    p = ptr;
    if (p < end) {
      if (*p != ':') return std::nullopt;
      ++p;
    }
  }
  if (count != parts.size() || p != end) return std::nullopt;
  const std::int64_t seconds =
      (((parts[0] * 365 + parts[1]) * 24 + parts[2]) * 60 + parts[3]) * 60 + parts[4];
  return engine::Duration{seconds * 1000};
}

bool read_vendor_extension(Context& ctx, Ns ns, std::string_view local, const pugi::xml_node& el, engine::Node& node) {
  if (ns == Ns::camunda && local == "properties") return read_camunda_properties(el, node);
  if (ns != Ns::adonis) return false;
  if (local == "attribute") {
    read_adonis_attribute(ctx, el, node);
    return true;
  }
  if (local == "instance") {
    for (pugi::xml_node c = el.first_child(); c; c = c.next_sibling()) {
      if (c.type() == pugi::node_element && local_name(c.name()) == "attribute") read_adonis_attribute(ctx, c, node);
    }
    return true;
  }
  return false;
}

} // namespace lotse::importers::bpmn
