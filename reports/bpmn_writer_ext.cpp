// SPDX-License-Identifier: MIT
// `lotse:attribute` elements of the BPMN writer (see bpmn_writer_ext.h).
#include "reports/bpmn_writer_ext.h"

#include "reports/bpmn_writer_qbp.h"
#include "reports/escape.h"

#include <fmt/format.h>

#include <array>

namespace lotse::reports::bpmn_detail {
namespace {

std::string_view channel_id(std::size_t i) {
  static constexpr std::array<std::string_view, engine::channel_count> ids{
      "personal_oral", "personal_documents", "phone", "post", "internal_mail", "email", "fax", "electronic_interface"};
  return ids.at(i);
}

} // namespace

void AttrList::add(std::string_view name, std::string_view value) {
  lines_.push_back(fmt::format("<lotse:attribute name=\"{}\" value=\"{}\" />", escape_xml(name), escape_xml(value)));
}

void AttrList::add(std::string_view name, double value) { add(name, num(value)); }

std::string AttrList::render(std::string_view indent) const {
  std::string out = fmt::format("{}<lotse:attributes>\n", indent);
  for (const auto& l : lines_) out += fmt::format("{}  {}\n", indent, l);
  out += fmt::format("{}</lotse:attributes>\n", indent);
  return out;
}

AttrList node_attributes(const engine::NodeAttributes& a) {
  AttrList l;
  if (a.processing) l.add("processing_minutes", engine::to_minutes(a.processing->value));
  if (a.waiting) l.add("waiting_minutes", engine::to_minutes(a.waiting->value));
  if (a.transport) l.add("transport_minutes", engine::to_minutes(a.transport->value));
  if (a.occurrence) l.add("occurrence", a.occurrence->value);
  if (a.loop_probability) l.add("loop_probability", a.loop_probability->value);
  if (a.completion_share) l.add("completion_share", a.completion_share->value);
  if (a.batch) {
    if (!a.batch->release.empty()) l.add("batch_release", a.batch->release);
    if (a.batch->size > 0) l.add("batch_size", static_cast<double>(a.batch->size));
    if (a.batch->max_wait) l.add("batch_max_wait_minutes", engine::to_minutes(*a.batch->max_wait));
    if (a.batch->setup) l.add("batch_setup_minutes", engine::to_minutes(*a.batch->setup));
    if (a.batch->per_item) l.add("batch_item_minutes", engine::to_minutes(*a.batch->per_item));
  }
  if (a.block != engine::BlockType::none) l.add("block", engine::block_id(a.block));
  if (!a.stelle.empty()) l.add("stelle", a.stelle);
  if (a.stelle_share != 1.0) l.add("stelle_share", a.stelle_share * 100.0);
  if (!a.org_unit.empty()) l.add("org_unit", a.org_unit);
  if (a.cost_rate) l.add("cost_rate_eur_per_hour", a.cost_rate->value.euros_per_hour());
  if (a.fixed_cost) l.add("fixed_cost_eur", a.fixed_cost->value.euros());
  for (const auto* mix : {&a.inbound, &a.outbound}) {
    if (!mix->present) continue;
    const std::string_view dir = mix == &a.inbound ? "inbound." : "outbound.";
    bool any = false;
    for (double s : mix->share) any = any || s != 0.0;
    for (std::size_t i = 0; i < engine::channel_count; ++i) {
      if (mix->share[i] != 0.0 || !any) l.add(fmt::format("{}{}", dir, channel_id(i)), mix->share[i] * 100.0);
    }
  }
  switch (a.formalization) {
  case engine::Formalization::unknown: break;
  case engine::Formalization::informal: l.add("formalization", "informal"); break;
  case engine::Formalization::form_bound: l.add("formalization", "form_bound"); break;
  case engine::Formalization::legally_binding_signature: l.add("formalization", "legally_binding_signature"); break;
  }
  if (a.pages) l.add("pages", *a.pages);
  if (a.copies) l.add("copies", *a.copies);
  for (const auto& s : a.it_systems) l.add("it_system", s);
  for (const auto& s : a.documents) l.add("document", s);
  for (const auto& s : a.legal_basis) l.add("legal_basis", s);
  if (a.data_source == "physikalische Dokumente") l.add("data_source", "paper");
  else if (a.data_source == "EDV-System") l.add("data_source", "it_system");
  else if (!a.data_source.empty()) l.add("property.data_source", a.data_source);
  if (a.rag_type > 0) l.add("rag_type", a.rag_type);
  if (!a.rag_name.empty()) l.add("rag_name", a.rag_name);
  for (const auto& r : a.resources) l.add("resource", r);
  for (const auto& [k, v] : a.properties) l.add(fmt::format("property.{}", k), v);
  return l;
}

AttrList node_attributes(const engine::Node& n) {
  AttrList l = node_attributes(n.attrs);
  if (engine::is_event(n.kind) && n.attrs.duration && n.attrs.duration->value.kind != engine::DistKind::histogram) {
    const engine::Distribution& d = n.attrs.duration->value;
    const bool first_is_count = d.kind == engine::DistKind::gamma || d.kind == engine::DistKind::erlang;
    static constexpr std::array<int, 8> arity{1, 1, 2, 2, 2, 3, 2, 2};
    const std::array<double, 3> p{d.p1, d.p2, d.p3};
    std::string v(engine::dist_kind_name(d.kind));
    for (int i = 0; i < arity.at(static_cast<std::size_t>(d.kind)); ++i) {
      v += " " + num(first_is_count && i == 0 ? p[static_cast<std::size_t>(i)] : p[static_cast<std::size_t>(i)] / 60.0);
    }
    l.add("duration_distribution", v);
  }
  return l;
}

AttrList process_attributes(const engine::FactSheet& own, const engine::FactSheet* model) {
  AttrList l;
  auto pick = [&](auto member) -> decltype(auto) {
    const auto& v = own.*member;
    if (model == nullptr) return v;
    if constexpr (requires { v.has_value(); }) return v ? v : model->*member;
    else return v.empty() ? model->*member : v;
  };
  if (const auto& v = pick(&engine::FactSheet::cases_per_year)) l.add("cases_per_year", v->value.value);
  if (const auto& v = pick(&engine::FactSheet::fee)) l.add("fee_eur", v->value.euros());
  if (const auto& v = pick(&engine::FactSheet::processing_time)) l.add("processing_time_minutes", engine::to_minutes(v->value));
  if (const auto& v = pick(&engine::FactSheet::lead_time)) l.add("lead_time_minutes", engine::to_minutes(v->value));
  for (const auto& s : pick(&engine::FactSheet::legal_basis)) l.add("legal_basis", s);
  if (const auto& v = pick(&engine::FactSheet::leika_id); !v.empty()) l.add("leika_id", v);
  if (const auto& v = pick(&engine::FactSheet::org_unit); !v.empty()) l.add("org_unit", v);
  if (const auto& v = pick(&engine::FactSheet::classification); !v.empty()) l.add("classification", v);
  if (const auto& v = pick(&engine::FactSheet::status); !v.empty()) l.add("status", v);
  for (const auto& [k, v] : pick(&engine::FactSheet::other)) l.add(fmt::format("property.{}", k), v);
  return l;
}

std::string loop_characteristics(const engine::Node& n, std::string_view id, std::string_view indent) {
  if (n.loop == engine::LoopKind::standard) {
    const std::string max = n.loop_maximum ? fmt::format(" loopMaximum=\"{}\"", num(*n.loop_maximum)) : "";
    return fmt::format("{}  <bpmn:standardLoopCharacteristics id=\"{}\"{} />\n", indent, escape_xml(id), max);
  }
  const std::string seq = n.loop == engine::LoopKind::sequential_multi_instance ? " isSequential=\"true\"" : "";
  if (!n.loop_cardinality) {
    return fmt::format("{}  <bpmn:multiInstanceLoopCharacteristics id=\"{}\"{} />\n", indent, escape_xml(id), seq);
  }
  return fmt::format("{0}  <bpmn:multiInstanceLoopCharacteristics id=\"{1}\"{2}>\n{0}    <bpmn:loopCardinality "
                     "xsi:type=\"bpmn:tFormalExpression\">{3}</bpmn:loopCardinality>\n{0}  "
                     "</bpmn:multiInstanceLoopCharacteristics>\n",
                     indent, escape_xml(id), seq, num(*n.loop_cardinality));
}

} // namespace lotse::reports::bpmn_detail
