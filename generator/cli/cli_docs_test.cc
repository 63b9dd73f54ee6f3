// The man page and bash completion are generated from the App that parses the command line:
// every visible option of every subcommand appears in both, the hidden generators in neither.
// (tests/cli_docs_test.sh compares them with the real `--help` output of the binary.)
#include "cli/cli_docs.h"

#include <catch2/catch.hpp>
#include <sstream>

#include "cli/cli_app.h"

namespace quorum {
namespace {

std::string escaped(const std::string& option) {  // "--base-url" as roff writes it
  std::string out;
  for (const char c : option) out += c == '-' ? std::string("\\-") : std::string(1, c);
  return out;
}

TEST_CASE("the man page and completion list every option of every subcommand") {
  CliState state;
  const auto app = make_app(state, "");
  const std::string man = man_page(*app, version_string());
  const std::string completion = bash_completion(*app);
  for (const CLI::App* sub : {state.build_cmd, state.check_cmd, state.serve_cmd}) {
    CHECK(man.find(".SS " + sub->get_name() + "\n") != std::string::npos);
    for (const CLI::Option* opt : sub->get_options()) {
      for (const auto& name : opt->get_lnames()) {
        INFO(sub->get_name() << " --" << name);
        CHECK(man.find("\\fB" + escaped("--" + name) + "\\fR") != std::string::npos);
        CHECK(completion.find("--" + name) != std::string::npos);
      }
    }
  }
  CHECK(man.find("print-man") == std::string::npos);
  CHECK(completion.find("print-man") == std::string::npos);
  // The subcommand alternatives: every visible subcommand, and no hidden one.
  const auto cmd_at = completion.find(") cmd=\"${COMP_WORDS[i]}\"");
  REQUIRE(cmd_at != std::string::npos);
  const auto line_start = completion.find_first_not_of(' ', completion.rfind('\n', cmd_at) + 1);
  const std::string alternatives = "|" + completion.substr(line_start, cmd_at - line_start) + "|";
  for (const CLI::App* sub : {state.build_cmd, state.check_cmd, state.serve_cmd}) {
    CHECK(alternatives.find("|" + sub->get_name() + "|") != std::string::npos);
  }
  CHECK(alternatives.find("print") == std::string::npos);
  CHECK(completion.find("complete -F _quorum quorum") != std::string::npos);
}

TEST_CASE("the man page names the version and has no control characters from descriptions") {
  CliState state;
  const auto app = make_app(state, "");
  app->description(".leading dot and a back\\slash");
  const std::string man = man_page(*app, version_string());
  CHECK(man.rfind(".TH QUORUM 1 \"\" \"" + escaped(version_string()) + "\"", 0) == 0);
  CHECK(man.find("\n\\&.leading dot and a back\\eslash") != std::string::npos);
  CHECK(man.find("\n.leading") == std::string::npos);
}

TEST_CASE("the version string names the version and the commit") {
  CHECK(version_string().rfind("quorum ", 0) == 0);
  CHECK(version_string().find(" (commit ") != std::string::npos);
}

}  // namespace
}  // namespace quorum
