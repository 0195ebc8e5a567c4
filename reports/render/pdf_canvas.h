// SPDX-License-Identifier: MIT
// A cairo PDF surface with pango text for the PDF emitters: pages of a fixed size, text boxes with
// wrapping (sizes in points), collected into a byte string.
#pragma once

#include "reports/document.h"

#include <memory>
#include <string>

struct _cairo;

namespace lotse::reports::pdf {

struct TextStyle {
  double size = 10;
  bool bold = false;
  bool right = false;
  unsigned rgb = 0x222222;
};

class Canvas {
public:
  /// `sink` false: a dry run that only counts pages (nothing kept).
  Canvas(double width, double height, const doc::Meta& meta, bool sink = true);
  ~Canvas();
  Canvas(const Canvas&) = delete;
  Canvas& operator=(const Canvas&) = delete;

  [[nodiscard]] double width() const { return width_; }
  [[nodiscard]] double height() const { return height_; }
  [[nodiscard]] _cairo* cr() const;
  /// Ends the current page and starts the next (of the same size).
  void next_page();
  /// Ends the current page and starts the next with the size `width` x `height` (e.g. A4 landscape).
  void next_page(double width, double height);
  [[nodiscard]] int page() const { return page_; }

  /// Height of `markup` (pango markup) laid out in `width` points.
  [[nodiscard]] double measure(const std::string& markup, const TextStyle& s, double width) const;
  /// Draws it with its top-left at (x, y); returns its height.
  double text(const std::string& markup, const TextStyle& s, double x, double y, double width) const;
  void fill_rect(double x, double y, double w, double h, unsigned rgb) const;
  void line(double x0, double y0, double x1, double y1, double width, unsigned rgb) const;
  void circle(double cx, double cy, double r, unsigned rgb) const;

  /// Finishes the document; the PDF bytes (empty for a dry run).
  [[nodiscard]] std::string finish();

private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  double width_, height_;
  int page_ = 1;
};

/// Inline text as pango markup (strong, emphasis, code), escaped.
[[nodiscard]] std::string markup(const doc::Inline& in, engine::Lang lang);
/// Plain text as pango markup, escaped.
[[nodiscard]] std::string markup(const std::string& plain);

} // namespace lotse::reports::pdf
