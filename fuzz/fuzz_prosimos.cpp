// SPDX-License-Identifier: MIT
// libFuzzer harness: a Prosimos scenario (`lotse simulate --scenario`, docs/simulation.md) applied to a
// small model with a gateway, two tasks and an intermediate timer (the ids the seeds name), then
// compiled and simulated for a few cases — the JSON reader with positions, every conversion of
// distributions, calendars, staff groups and batch rules, and the kernel with what they produce.
#include "fuzz/fuzz_common.h"

#include "analysis/sim/run.h"
#include "importers/prosimos_scenario.h"

#include <cstdlib>

namespace {

const char* const model_text = R"(<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="http://example.org/t">
  <bpmn:process id="P" isExecutable="true">
    <bpmn:startEvent id="S"/>
    <bpmn:exclusiveGateway id="G" name="vollständig?"/>
    <bpmn:task id="A" name="Nachfordern"/>
    <bpmn:intermediateCatchEvent id="W" name="Antwort abwarten"><bpmn:messageEventDefinition/></bpmn:intermediateCatchEvent>
    <bpmn:task id="B" name="Bescheiden"/>
    <bpmn:exclusiveGateway id="J"/>
    <bpmn:endEvent id="E"/>
    <bpmn:sequenceFlow id="f1" sourceRef="S" targetRef="G"/>
    <bpmn:sequenceFlow id="fa" sourceRef="G" targetRef="A"/>
    <bpmn:sequenceFlow id="fw" sourceRef="A" targetRef="W"/>
    <bpmn:sequenceFlow id="fb" sourceRef="G" targetRef="B"/>
    <bpmn:sequenceFlow id="f3" sourceRef="W" targetRef="J"/>
    <bpmn:sequenceFlow id="f4" sourceRef="B" targetRef="J"/>
    <bpmn:sequenceFlow id="f5" sourceRef="J" targetRef="E"/>
  </bpmn:process>
</bpmn:definitions>
)";

const lotse::engine::ProcessModel& model() {
  static const auto r = lotse::importers::import_source(lotse::engine::SourceFile("fuzz.bpmn", model_text));
  if (!r.model) std::abort();
  return *r.model;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto r = lotse::importers::apply_prosimos_scenario(lotse::fuzz::source(data, size, "fuzz.json"), model());
  lotse::fuzz::check_result(r);
  if (!r.model) return 0;
  lotse::analysis::sim::SimOptions o;
  o.cases = 20;
  o.replications = 1;
  o.threads = 1;
  o.horizon_years_limit = 50;  // a scenario with absurd times ends with SIM-033, not after minutes
  (void)lotse::analysis::sim::simulate(*r.model, o);
  return 0;
}
