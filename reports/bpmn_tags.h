// SPDX-License-Identifier: MIT
// Internal to the BPMN writer: the element names it writes for nodes, event definitions and timers.
#pragma once

#include "engine/model.h"

#include <string>
#include <string_view>

namespace lotse::reports::bpmn_detail {

/// "userTask", "intermediateThrowEvent", … for a node kind.
[[nodiscard]] std::string tag_of(engine::NodeKind k);
/// "timerEventDefinition", … for a trigger.
[[nodiscard]] std::string_view trigger_tag(engine::EventTrigger t);
/// The element a timer text belongs in: timeCycle (R…), timeDate (a date) or timeDuration.
[[nodiscard]] std::string_view timer_tag(std::string_view text);
/// The element name of a node; where the model lacks what the schema requires, a valid neighbour.
[[nodiscard]] std::string written_tag(const engine::Node& x);
/// A QName reference without its prefix ("bpmn2:Process_1" -> "Process_1").
[[nodiscard]] std::string local_qname(std::string_view ref);

} // namespace lotse::reports::bpmn_detail
