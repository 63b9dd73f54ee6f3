// The `quorum` command line as one CLI11 App, built in one place so that `--help`, the man
// page and the bash completion (cli_docs.h) all come from the same definitions.
#pragma once

#include <CLI/CLI.hpp>
#include <memory>
#include <string>

#include "build/run_build.h"
#include "cli/new_command.h"
#include "cli/serve_command.h"

namespace quorum {

// What the parsed command line asks for; filled in by CLI11 while parsing.
struct CliState {
  BuildRequest build;
  BuildRequest check;
  std::string build_ref;
  std::string check_ref;
  std::string completion_shell = "bash";
  CLI::App* build_cmd = nullptr;
  CLI::App* check_cmd = nullptr;
  NewRequest fresh;  // `quorum new`
  CLI::App* new_cmd = nullptr;
  ServeRequest serve;
  CLI::App* serve_cmd = nullptr;
  CLI::App* man_cmd = nullptr;         // hidden: `quorum print-man`
  CLI::App* completion_cmd = nullptr;  // hidden: `quorum print-completion [bash]`
};

// "quorum 0.1.0 (commit abc1234567)": the version and the commit it was built from.
std::string version_string();

// The whole command line: subcommands, options, descriptions. `state` must outlive the App.
std::unique_ptr<CLI::App> make_app(CliState& state, const std::string& executable);

// Parses argv and runs what it asks for; returns the process exit code.
int run_cli(int argc, char** argv, std::ostream& out, std::ostream& err);

}  // namespace quorum
