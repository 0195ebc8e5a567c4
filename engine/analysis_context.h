// SPDX-License-Identifier: MIT
// AnalysisContext: passes ask it for each other's results (`ctx.get<WorkloadPass>()`); each result is
// computed once and cached. There is no invalidation: the model is const during analysis (LLVM's
// AnalysisManager without invalidation, house style 3.5). Options are typed slots (`ctx.options<T>()`).
#pragma once

#include "engine/diagnostics.h"
#include "engine/model.h"
#include "engine/scenario.h"

#include <memory>
#include <stdexcept>
#include <typeindex>
#include <unordered_map>
#include <unordered_set>

namespace lotse::engine {

class AnalysisContext {
public:
  explicit AnalysisContext(const ProcessModel& model, Scenario scenario = {})
      : model_(model), scenario_(std::move(scenario)) {}
  AnalysisContext(const AnalysisContext&) = delete;
  AnalysisContext& operator=(const AnalysisContext&) = delete;

  [[nodiscard]] const ProcessModel& model() const { return model_; }
  [[nodiscard]] const Scenario& scenario() const { return scenario_; }

  /// The result of pass P on this model, computed on first use. P is a type with
  /// `using Result = ...;` and `Result run(const ProcessModel&, AnalysisContext&) const;`.
  template <class P> const typename P::Result& get() {
    const std::type_index key(typeid(P));
    if (auto it = results_.find(key); it != results_.end()) {
      return *static_cast<const typename P::Result*>(it->second.get());
    }
    if (!running_.insert(key).second) throw std::logic_error("cyclic pass dependency");
    auto result = std::make_shared<typename P::Result>(P{}.run(model_, *this));
    running_.erase(key);
    const auto* raw = result.get();
    results_.emplace(key, std::move(result));
    return *raw;
  }

  /// True when pass P has already run.
  template <class P> [[nodiscard]] bool has() const { return results_.count(std::type_index(typeid(P))) != 0; }

  /// A typed option slot (default-constructed on first use); the CLI fills it before running passes.
  template <class T> T& options() {
    const std::type_index key(typeid(T));
    auto it = options_.find(key);
    if (it == options_.end()) it = options_.emplace(key, std::make_shared<T>()).first;
    return *static_cast<T*>(it->second.get());
  }

  /// Diagnostics produced by passes (structure findings, defaults used, ...).
  [[nodiscard]] Diagnostics& diagnostics() { return diagnostics_; }

private:
  const ProcessModel& model_;
  Scenario scenario_;
  std::unordered_map<std::type_index, std::shared_ptr<void>> results_;
  std::unordered_map<std::type_index, std::shared_ptr<void>> options_;
  std::unordered_set<std::type_index> running_;
  Diagnostics diagnostics_;
};

} // namespace lotse::engine
