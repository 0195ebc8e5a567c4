// SPDX-License-Identifier: MIT
// A flat open-addressing table of the ids seen so far (views into the parsed document) with the line of
// their first occurrence: one probe sequence per element, no allocation per id, cheap to destroy, so
// that duplicate detection stays linear on 60,000-node models.
#pragma once

#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

namespace lotse::importers::bpmn {

class IdTable {
public:
  /// Inserts `id` with `line`; returns 0 if it was new, else the line of the earlier occurrence (>= 1).
  std::uint32_t insert(std::string_view id, std::uint32_t line) {
    if ((size_ + 1) * 2 > slots_.size()) grow();
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = std::hash<std::string_view>{}(id) & mask;; i = (i + 1) & mask) {
      Slot& s = slots_[i];
      if (s.id.data() == nullptr) {
        s = {id, line == 0 ? 1 : line};
        ++size_;
        return 0;
      }
      if (s.id == id) return s.line;
    }
  }

private:
  struct Slot {
    std::string_view id;
    std::uint32_t line = 0;
  };
  void grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.empty() ? 256 : old.size() * 2, Slot{});
    size_ = 0;
    for (const Slot& s : old) {
      if (s.id.data() != nullptr) insert(s.id, s.line);
    }
  }
  std::vector<Slot> slots_;
  std::size_t size_ = 0;
};

} // namespace lotse::importers::bpmn
