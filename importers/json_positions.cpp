// SPDX-License-Identifier: MIT
#include "importers/json_positions.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <iterator>
#include <string>
#include <vector>

namespace lotse::importers {
namespace {

using json = nlohmann::json;

// Positions: a char iterator that publishes how far the JSON lexer has read, and a SAX handler that
// records that offset for every value (and member key) under its JSON pointer.

struct TrackingIterator {
  using iterator_category = std::forward_iterator_tag;
  using value_type = char;
  using difference_type = std::ptrdiff_t;
  using pointer = const char*;
  using reference = const char&;
  const char* p = nullptr;
  const char** cursor = nullptr;
  reference operator*() const { return *p; }
  TrackingIterator& operator++() {
    ++p;
    *cursor = p;
    return *this;
  }
  TrackingIterator operator++(int) {
    TrackingIterator old = *this;
    ++*this;
    return old;
  }
  friend bool operator==(const TrackingIterator& a, const TrackingIterator& b) { return a.p == b.p; }
  friend bool operator!=(const TrackingIterator& a, const TrackingIterator& b) { return a.p != b.p; }
};

class PositionSax : public nlohmann::json_sax<json> {
public:
  PositionSax(const char* const* cursor, const char* begin, std::map<std::string, std::size_t>& out)
      : cursor_(cursor), begin_(begin), out_(out) {}
  bool null() override { return value(); }
  bool boolean(bool) override { return value(); }
  bool number_integer(number_integer_t) override { return value(); }
  bool number_unsigned(number_unsigned_t) override { return value(); }
  bool number_float(number_float_t, const string_t&) override { return value(); }
  bool string(string_t&) override { return value(); }
  bool binary(binary_t&) override { return value(); }
  bool start_object(std::size_t) override { return open(false); }
  bool end_object() override { return close(); }
  bool start_array(std::size_t) override { return open(true); }
  bool end_array() override { return close(); }
  bool key(string_t& k) override {
    if (frames_.empty()) return true;
    frames_.back().key = escape(k);
    record(child());
    return true;
  }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override { return false; }

private:
  struct Frame {
    std::string path;
    bool array = false;
    std::size_t index = 0;
    std::string key;
  };
  static std::string escape(const std::string& k) {
    std::string e;
    for (const char c : k) {
      if (c == '~') e += "~0";
      else if (c == '/') e += "~1";
      else e += c;
    }
    return e;
  }
  [[nodiscard]] std::string child() const {
    if (frames_.empty()) return "";
    const Frame& f = frames_.back();
    return f.path + "/" + (f.array ? std::to_string(f.index) : f.key);
  }
  void record(const std::string& path) {
    const auto at = static_cast<std::size_t>(*cursor_ - begin_);
    out_.emplace(path, at == 0 ? 0 : at - 1);
  }
  void advance() {
    if (!frames_.empty() && frames_.back().array) ++frames_.back().index;
  }
  bool value() {
    record(child());
    advance();
    return true;
  }
  bool open(bool array) {
    std::string path = child();
    record(path);
    frames_.push_back({std::move(path), array, 0, {}});
    return true;
  }
  bool close() {
    if (!frames_.empty()) frames_.pop_back();
    advance();
    return true;
  }
  const char* const* cursor_;
  const char* begin_;
  std::map<std::string, std::size_t>& out_;
  std::vector<Frame> frames_;
};

} // namespace

std::map<std::string, std::size_t> json_value_offsets(std::string_view text) {
  std::map<std::string, std::size_t> out;
  const char* cursor = text.data();
  PositionSax sax(&cursor, text.data(), out);
  json::sax_parse(TrackingIterator{text.data(), &cursor}, TrackingIterator{text.data() + text.size(), &cursor}, &sax);
  return out;
}

} // namespace lotse::importers
