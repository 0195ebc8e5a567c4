// SPDX-License-Identifier: MIT
// INTERIM (issue #10): a minimal doc::Document from the analyze Report (title, key figures, process
// picture, media breaks, Stellen, measures, assumptions), used by the DOCX/XLSX/PDF/poster emitters
// until the per-pass section builders land; then `lotse analyze` takes their Document and this file goes.
#pragma once

#include "reports/analysis_report.h"
#include "reports/document.h"

namespace lotse::reports {

[[nodiscard]] doc::Document interim_document(const Report& r, engine::Lang lang);

} // namespace lotse::reports
