#include "bengal/pipeline/body_warnings.hpp"

namespace bengal::pipeline {

std::vector<Diagnostic> body_warnings(const std::string& file, uint32_t body_line,
                                      const std::vector<markdown::RenderWarning>& warnings) {
  std::vector<Diagnostic> out;
  out.reserve(warnings.size());
  for (const auto& w : warnings) {
    uint32_t line = w.line == 0 ? 0 : w.line + body_line - 1;
    out.push_back(make_warning(file, line, w.column, w.message));
  }
  return out;
}

}  // namespace bengal::pipeline
