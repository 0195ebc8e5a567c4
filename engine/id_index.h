// SPDX-License-Identifier: MIT
// IdIndex: a flat open-addressing index from element ids to (kind, position) that stores no strings.
// Equality is checked against the element itself through a callback, so ids are never copied, there
// is no allocation per id, and entries stay valid when the element vectors grow and move their
// strings. One probe sequence per lookup keeps id resolution linear on 60,000-node models.
#pragma once

#include <cstdint>
#include <cstring>
#include <functional>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

namespace lotse::engine {

class IdIndex {
public:
  struct Entry {
    std::uint8_t kind = 0;
    std::uint32_t index = 0;
  };

  /// Room for `n` ids without rehashing.
  void reserve(std::size_t n) {
    std::size_t want = 16;
    while (want < n * 2 + 2) want *= 2;
    if (want > slots_.size()) rehash(want);
  }
  [[nodiscard]] std::size_t size() const { return size_; }

  /// Inserts `id` -> (kind, index) unless the id is present. `id_of(kind, index)` must return the id of
  /// an element already inserted. Returns the existing entry when the id was taken, nullopt when new.
  template <class IdOf>
  std::optional<Entry> insert(std::string_view id, std::uint8_t kind, std::uint32_t index, const IdOf& id_of) {
    if ((size_ + 1) * 2 > slots_.size()) rehash(slots_.empty() ? 16 : slots_.size() * 2);
    const std::uint32_t h = hash(id);
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = h & mask;; i = (i + 1) & mask) {
      Slot& s = slots_[i];
      if (!s.used) {
        s = Slot{h, index, kind, true};
        ++size_;
        return std::nullopt;
      }
      if (s.hash == h && id_of(s.kind, s.index) == id) return Entry{s.kind, s.index};
    }
  }

  /// The entry of `id`, if present.
  template <class IdOf>
  [[nodiscard]] std::optional<Entry> find(std::string_view id, const IdOf& id_of) const {
    if (size_ == 0) return std::nullopt;
    const std::uint32_t h = hash(id);
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = h & mask;; i = (i + 1) & mask) {
      const Slot& s = slots_[i];
      if (!s.used) return std::nullopt;
      if (s.hash == h && id_of(s.kind, s.index) == id) return Entry{s.kind, s.index};
    }
  }

  void clear() {
    slots_.clear();
    size_ = 0;
  }

private:
  struct Slot {
    std::uint32_t hash = 0;
    std::uint32_t index = 0;
    std::uint8_t kind = 0;
    bool used = false;
  };
  static std::uint32_t hash(std::string_view id) {
    const std::size_t h = std::hash<std::string_view>{}(id);
    return static_cast<std::uint32_t>(h ^ (h >> 32));
  }
  void rehash(std::size_t capacity) {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(capacity, Slot{});
    const std::size_t mask = capacity - 1;
    for (const Slot& s : old) {
      if (!s.used) continue;
      std::size_t i = s.hash & mask;
      while (slots_[i].used) i = (i + 1) & mask;
      slots_[i] = s;
    }
  }
  std::vector<Slot> slots_;
  std::size_t size_ = 0;
};

/// Bump allocator for the reference strings an importer hands over before they can be resolved: one
/// allocation per 64 KiB instead of one per string; views stay valid for the arena's lifetime.
class StringArena {
public:
  StringArena() = default;
  StringArena(const StringArena&) = delete;
  StringArena& operator=(const StringArena&) = delete;
  StringArena(StringArena&&) noexcept = default;
  StringArena& operator=(StringArena&&) noexcept = default;

  std::string_view keep(std::string_view s) {
    if (s.empty()) return {};
    if (s.size() > left_) {
      const std::size_t size = s.size() > chunk_size / 4 ? s.size() : chunk_size;
      chunks_.emplace_back(new char[size]);
      // A string larger than a chunk gets its own block; the current chunk stays in use.
      if (size != chunk_size) {
        std::memcpy(chunks_.back().get(), s.data(), s.size());
        return {chunks_.back().get(), s.size()};
      }
      next_ = chunks_.back().get();
      left_ = size;
    }
    std::memcpy(next_, s.data(), s.size());
    const std::string_view kept(next_, s.size());
    next_ += s.size();
    left_ -= s.size();
    return kept;
  }

private:
  static constexpr std::size_t chunk_size = 64 * 1024;
  std::vector<std::unique_ptr<char[]>> chunks_;
  char* next_ = nullptr;
  std::size_t left_ = 0;
};

} // namespace lotse::engine
