// SPDX-License-Identifier: MIT
// libFuzzer harness: the container layer of XProzess on its own (the XML harness rarely mutates its
// way into a valid ZIP): the input as base64 text (decoded, then opened as ZIP) and as raw ZIP bytes;
// an extracted model file goes on to the BPMN importer as in a real export.
#include "fuzz/fuzz_common.h"
#include "importers/bpmn.h"
#include "importers/xprozess_archive.h"

#include <string_view>

namespace {

void open_zip(std::string_view bytes) {
  namespace xp = lotse::importers::xprozess;
  const xp::ZipExtract z = xp::extract_model_file(bytes, std::size_t{64} << 20);
  if (z.status != xp::ZipExtract::Status::ok) return;
  if (z.name.empty()) std::abort();  // "ok" must name the chosen entry
  lotse::fuzz::check_result(lotse::importers::bpmn::read(lotse::engine::SourceFile(z.name, z.bytes)));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const auto decoded = lotse::importers::xprozess::decode_base64(input);
  if (!decoded.error_at) open_zip(decoded.bytes);
  open_zip(input);
  return 0;
}
