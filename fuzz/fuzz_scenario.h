// SPDX-License-Identifier: MIT
// A Prosimos scenario as the fuzz harness drives it (fuzz/fuzz_prosimos.cpp; the regression test runs
// the seeds the same way): applied to a small model with a gateway, two tasks and a message catch event
// (the ids the seeds name), then compiled and simulated for 20 cases.
#pragma once

#include "analysis/sim/run.h"
#include "engine/source_file.h"
#include "importers/importer.h"
#include "importers/prosimos_scenario.h"

#include <cstdlib>
#include <string>
#include <string_view>

namespace lotse::fuzz {

inline const engine::ProcessModel& scenario_model() {
  static const auto r = importers::import_source(engine::SourceFile("fuzz.bpmn", R"(<?xml version="1.0" encoding="UTF-8"?>
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
)"));
  if (!r.model) std::abort();
  return *r.model;
}

/// The scenario applied (a model, or error diagnostics that say why not) and, with a model, simulated.
inline importers::ImportResult apply_and_simulate(std::string_view scenario) {
  auto r = importers::apply_prosimos_scenario(engine::SourceFile("fuzz.json", std::string(scenario)), scenario_model());
  if (!r.model) return r;
  analysis::sim::SimOptions o;
  o.cases = 20;
  o.replications = 1;
  o.threads = 1;
  o.horizon_years_limit = 50;  // a scenario with absurd times ends with SIM-033, not after minutes
  (void)analysis::sim::simulate(*r.model, o);
  return r;
}

} // namespace lotse::fuzz
