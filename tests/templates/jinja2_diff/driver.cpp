// The bengal half of the differential test against Jinja2 (jinja2_diff.py): reads the cases as
// one JSON document on stdin, {"cases": [{"name", "template", "context"}]}, renders each as an
// autoescaped template ("case.html") with its context, and writes one JSON line per case:
// {"name": ..., "ok": true|false, "out": output or error message}.
#include <iostream>
#include <iterator>
#include <memory>
#include <string>

#include "bengal/config/document.hpp"
#include "bengal/core/json_text.hpp"
#include "bengal/templates/engine/environment.hpp"

namespace {

using bengal::templates::Value;

std::string render_case(const bengal::Value& c, bool& ok) {
  const bengal::Value* source = c.find("template");
  const bengal::Value* context = c.find("context");
  auto loader = std::make_shared<bengal::templates::MemoryLoader>();
  loader->add("case.html", source ? source->as_string() : "");
  bengal::templates::Environment env(loader);
  bengal::templates::Vars vars;
  if (context != nullptr && context->type() == bengal::Value::Type::kTable)
    for (const auto& [k, v] : context->as_table()) vars.emplace_back(k, Value::from(v));
  std::string out;
  bengal::Diagnostic error;
  ok = env.render("case.html", vars, out, error);
  return ok ? out : error.format();
}

}  // namespace

int main() {
  std::string input{std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>()};
  bengal::config::Document doc =
      bengal::config::parse_document(input, bengal::config::Format::kJson, "<stdin>");
  if (doc.error) {
    std::cerr << doc.error->format() << "\n";
    return 2;
  }
  const bengal::Value* cases = doc.root.find("cases");
  if (cases == nullptr || cases->type() != bengal::Value::Type::kArray) {
    std::cerr << "<stdin>: expected {\"cases\": [...]}\n";
    return 2;
  }
  for (const bengal::Value& c : cases->as_array()) {
    bool ok = false;
    std::string result = render_case(c, ok);
    const bengal::Value* name = c.find("name");
    std::string line = "{\"name\": ";
    bengal::append_json_string(line, name ? name->as_string() : "");
    line += ok ? ", \"ok\": true, \"out\": " : ", \"ok\": false, \"out\": ";
    bengal::append_json_string(line, result);
    line += "}\n";
    std::cout << line;
  }
  return 0;
}
