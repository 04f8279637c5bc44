// The terms the glossary directive lists: data/glossary.yaml, `terms: [{term, definition,
// tags}]`. The file is read and parsed with every data file (site.data.glossary, whose syntax
// errors load_data reports); this checks its shape and turns it into terms.
#pragma once

#include <filesystem>
#include <vector>

#include "bengal/core/diagnostic.hpp"
#include "bengal/markdown/directive_host.hpp"
#include "bengal/site/site.hpp"

namespace bengal::pipeline {

// The glossary's terms in file order; none when the site has no glossary. Entries that are not
// a table with `term` and `definition` text (and `tags`, if any, text or a list of text) are
// skipped, and the first of them is reported as one error with the file and the line of
// `terms:` (read again from `site_dir`, so only when something is wrong).
std::vector<markdown::GlossaryTerm> load_glossary(const site::Site& site,
                                                  const std::filesystem::path& site_dir,
                                                  Diagnostics& diagnostics);

}  // namespace bengal::pipeline
