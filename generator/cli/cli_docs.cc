#include "cli/cli_docs.h"

#include <algorithm>
#include <cctype>
#include <sstream>
#include <vector>

namespace quorum {
namespace {

// The subcommands a user sees (hidden ones have an empty group; option groups have no name).
std::vector<const CLI::App*> visible_subcommands(const CLI::App& app) {
  return app.get_subcommands(
      [](const CLI::App* sub) { return !sub->get_name().empty() && !sub->get_group().empty(); });
}

std::vector<const CLI::Option*> visible_options(const CLI::App& app) {
  return app.get_options(
      [](const CLI::Option* opt) { return opt->nonpositional() && !opt->get_group().empty(); });
}

// Every spelling of an option, long names first: {"--source", "-s"}.
std::vector<std::string> spellings(const CLI::Option& opt) {
  std::vector<std::string> names;
  for (const auto& l : opt.get_lnames()) names.push_back("--" + l);
  for (const auto& s : opt.get_snames()) names.push_back("-" + s);
  return names;
}

bool takes_value(const CLI::Option& opt) { return opt.get_items_expected_max() > 0; }

// Text for roff: backslashes and hyphens escaped, no line starting with a control character.
std::string roff(const std::string& text) {
  std::string out;
  bool line_start = true;
  for (const char c : text) {
    if (line_start && (c == '.' || c == '\'')) out += "\\&";
    if (c == '\\') {
      out += "\\e";
    } else if (c == '-') {
      out += "\\-";
    } else {
      out += c;
    }
    line_start = c == '\n';
  }
  return out;
}

std::string first_line(const std::string& text) { return text.substr(0, text.find('\n')); }

// "Quorum: a static site generator ... decisions." -> "a static site generator ... decisions",
// for the NAME line (`quorum \- a static site generator ...`).
std::string summary(const std::string& name, const std::string& description) {
  std::string line = first_line(description);
  if (line.size() > name.size() + 1 && line[name.size()] == ':' &&
      std::equal(name.begin(), name.end(), line.begin(), [](char a, char b) {
        return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
      })) {
    line = line.substr(name.size() + 1);
  }
  while (!line.empty() && (line.front() == ' ')) line.erase(0, 1);
  if (!line.empty() && line.back() == '.') line.pop_back();
  return line;
}

// The footer without its "Exit status:" heading, which the man page has as a section.
std::string without_prefix(const std::string& text, const std::string& prefix) {
  return text.rfind(prefix, 0) == 0 ? text.substr(prefix.size()) : text;
}

void man_options(std::ostringstream& out, const CLI::App& app) {
  for (const auto* opt : visible_options(app)) {
    out << ".TP\n";
    const auto names = spellings(*opt);
    for (std::size_t i = 0; i < names.size(); ++i) {
      out << (i == 0 ? "" : ", ") << "\\fB" << roff(names[i]) << "\\fR";
    }
    if (takes_value(*opt)) out << " \\fI" << roff(opt->get_type_name()) << "\\fR";
    out << '\n' << roff(opt->get_description()) << '\n';
  }
}

// A bash identifier-safe list of words.
std::string words(const std::vector<std::string>& list) {
  std::string out;
  for (const auto& w : list) out += (out.empty() ? "" : " ") + w;
  return out;
}

}  // namespace

std::string man_page(const CLI::App& app, const std::string& version) {
  std::ostringstream out;
  const std::string name = app.get_name();
  // No date: the same source makes the same page on any day.
  out << ".TH QUORUM 1 \"\" \"" << roff(version) << "\" \"User Commands\"\n";
  out << ".SH NAME\n" << name << " \\- " << roff(summary(name, app.get_description())) << '\n';
  out << ".SH SYNOPSIS\n";
  for (const auto* sub : visible_subcommands(app)) {
    out << ".B " << name << ' ' << roff(sub->get_name()) << '\n';
    for (const auto* opt : visible_options(*sub)) {
      const std::string spelled = spellings(*opt).front();
      out << "[\\fB" << roff(spelled) << "\\fR";
      if (takes_value(*opt)) out << " \\fI" << roff(opt->get_type_name()) << "\\fR";
      out << "]\n";
    }
    out << ".br\n";
  }
  for (const auto* opt : visible_options(app))
    out << ".B " << name << ' ' << roff(spellings(*opt).front()) << "\n.br\n";
  out << ".SH DESCRIPTION\n" << roff(app.get_description()) << '\n';
  out << ".SH OPTIONS\n";
  man_options(out, app);
  out << ".SH COMMANDS\n";
  for (const auto* sub : visible_subcommands(app)) {
    out << ".SS " << roff(sub->get_name()) << '\n' << roff(sub->get_description()) << '\n';
    man_options(out, *sub);
  }
  if (!app.get_footer().empty())
    out << ".SH EXIT STATUS\n" << roff(without_prefix(app.get_footer(), "Exit status: ")) << '\n';
  out << ".SH FILES\n.TP\n.I share/quorum/themes/default\nThe default theme, found beside the executable "
         "(<prefix>/bin/../share/quorum/themes).\n";
  out << ".SH SEE ALSO\nREADME.md and content\\-model.md in share/doc/quorum under the install prefix.\n";
  return out.str();
}

std::string bash_completion(const CLI::App& app) {
  const std::string name = app.get_name();
  const std::string fn = "_" + name;
  std::vector<std::string> top;
  std::vector<std::string> subnames;
  for (const auto* sub : visible_subcommands(app)) {
    top.push_back(sub->get_name());
    subnames.push_back(sub->get_name());
  }
  for (const auto* opt : visible_options(app)) {
    for (const auto& s : spellings(*opt)) top.push_back(s);
  }
  std::ostringstream out;
  out << "# bash completion for " << name << "; generated by `" << name << " print-completion bash`.\n";
  out << fn << "() {\n";
  out << "  local cur=\"${COMP_WORDS[COMP_CWORD]}\" prev=\"${COMP_WORDS[COMP_CWORD-1]}\" cmd=\"\" opts=\"\" "
         "i\n";
  out << "  for ((i = 1; i < COMP_CWORD; i++)); do\n";
  out << "    case \"${COMP_WORDS[i]}\" in\n";
  std::string alternatives;
  for (const auto& s : subnames) alternatives += (alternatives.empty() ? "" : "|") + s;
  out << "      " << alternatives << ") cmd=\"${COMP_WORDS[i]}\"; break ;;\n";
  out << "    esac\n  done\n";
  out << "  case \"$cmd\" in\n";
  for (const auto* sub : visible_subcommands(app)) {
    std::vector<std::string> opts;
    std::vector<std::string> dir_opts;
    std::vector<std::string> value_opts;
    for (const auto* opt : visible_options(*sub)) {
      for (const auto& s : spellings(*opt)) {
        opts.push_back(s);
        if (takes_value(*opt)) (opt->get_type_name() == "DIR" ? dir_opts : value_opts).push_back(s);
      }
    }
    out << "    " << sub->get_name() << ")\n";
    out << "      opts=\"" << words(opts) << "\"\n";
    out << "      case \"$prev\" in\n";
    if (!dir_opts.empty()) {
      std::string alt;
      for (const auto& s : dir_opts) alt += (alt.empty() ? "" : "|") + s;
      out << "        " << alt << ") COMPREPLY=($(compgen -d -- \"$cur\")); return ;;\n";
    }
    if (!value_opts.empty()) {
      std::string alt;
      for (const auto& s : value_opts) alt += (alt.empty() ? "" : "|") + s;
      out << "        " << alt << ") COMPREPLY=(); return ;;\n";
    }
    out << "      esac ;;\n";
  }
  out << "    *) opts=\"" << words(top) << "\" ;;\n";
  out << "  esac\n";
  out << "  COMPREPLY=($(compgen -W \"$opts\" -- \"$cur\"))\n";
  out << "}\n";
  out << "complete -F " << fn << ' ' << name << '\n';
  return out.str();
}

}  // namespace quorum
