// SPDX-License-Identifier: MIT
// Element names of the BPMN writer (reports/bpmn_tags.h).
#include "reports/bpmn_tags.h"

#include "reports/bpmn_writer.h"

#include <cctype>

namespace lotse::reports::bpmn_detail {

std::string tag_of(engine::NodeKind k) {
  if (k == engine::NodeKind::implicit_throw_event) return "intermediateThrowEvent";
  std::string t(engine::bpmn_type_name(k).substr(5));
  t[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(t[0])));
  return t;
}

std::string_view trigger_tag(engine::EventTrigger t) {
  switch (t) {
  case engine::EventTrigger::message: return "messageEventDefinition";
  case engine::EventTrigger::timer: return "timerEventDefinition";
  case engine::EventTrigger::error: return "errorEventDefinition";
  case engine::EventTrigger::escalation: return "escalationEventDefinition";
  case engine::EventTrigger::compensate: return "compensateEventDefinition";
  case engine::EventTrigger::conditional: return "conditionalEventDefinition";
  case engine::EventTrigger::signal: return "signalEventDefinition";
  case engine::EventTrigger::link: return "linkEventDefinition";
  case engine::EventTrigger::cancel: return "cancelEventDefinition";
  case engine::EventTrigger::terminate: return "terminateEventDefinition";
  }
  return "eventDefinition";
}

/// The element a timer text belongs in: timeCycle (R…), timeDate (a date) or timeDuration.
std::string_view timer_tag(std::string_view text) {
  if (!text.empty() && (text.front() == 'R' || text.find("R/") != std::string_view::npos)) return "timeCycle";
  if (text.size() >= 10 && std::isdigit(static_cast<unsigned char>(text[0])) != 0 && text[4] == '-') return "timeDate";
  return "timeDuration";
}

/// The element name of a node. Where the model lacks what the schema requires, a valid neighbour: a
/// boundary event whose activity was not found (reported on import) becomes an intermediate catch event;
/// choreography activities (their participant references are not kept) become task, sub-process, call.
std::string written_tag(const engine::Node& x) {
  using engine::NodeKind;
  if (x.kind == NodeKind::boundary_event && x.attached_to == engine::npos) return "intermediateCatchEvent";
  if (x.kind == NodeKind::choreography_task) return "task";
  if (x.kind == NodeKind::sub_choreography) return "subProcess";
  if (x.kind == NodeKind::call_choreography) return "callActivity";
  return tag_of(x.kind);
}

/// A QName reference without its prefix ("bpmn2:Process_1" -> "Process_1"): the input's prefixes are
/// not declared in the output, and the referenced ids are the document's own.
std::string local_qname(std::string_view ref) {
  const auto colon = ref.rfind(':');
  return colon == std::string_view::npos ? std::string(ref) : bpmn_id(ref.substr(colon + 1));
}

} // namespace lotse::reports::bpmn_detail
