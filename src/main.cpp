#include "bengal/cli/app.hpp"

int main(int argc, char** argv) {
  return bengal::cli::run(argc, argv);
}
