#include "bengal/pipeline/heading_id_style.hpp"

#include <fmt/format.h>

namespace bengal::pipeline {

markdown::HeadingIdStyle heading_id_style(const config::SiteConfig& config,
                                          Diagnostics* diagnostics) {
  using markdown::HeadingIdStyle;
  const Value* section = config.raw.find("markdown");
  const Value* v =
      section != nullptr && section->is_table() ? section->find("heading_ids") : nullptr;
  if (v == nullptr) return HeadingIdStyle::kBengal;
  if (v->is_string() && v->as_string() == "bengal") return HeadingIdStyle::kBengal;
  if (v->is_string() && v->as_string() == "github") return HeadingIdStyle::kGithub;
  if (diagnostics != nullptr) {
    auto [line, col] = config.document.value_position_of("markdown.heading_ids");
    std::string given = v->is_string() ? fmt::format("\"{}\"", v->as_string()) : v->type_name();
    diagnostics->add(make_error(config.config_file, line, col,
                                fmt::format("[markdown] heading_ids must be \"bengal\" or "
                                            "\"github\", not {}; \"bengal\" is used",
                                            given)));
  }
  return HeadingIdStyle::kBengal;
}

}  // namespace bengal::pipeline
