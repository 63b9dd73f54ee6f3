// Hostile and heavy Markdown shapes, timed (issues 20 and 21). Figures are printed, never
// asserted.
//
//   quorum_bench_markdown shapes [NAME...]   each shape grown x4 until cmark-gfm takes over
//       a second (or the text passes 8 MB): bytes, cmark-gfm's CPU time (Quorum's options and
//       extensions, parse and render), the growth exponent (1 = linear, 2 = quadratic), and
//       the time of Quorum's pre-scan (markdown_bounds.h) with what it says;
//   quorum_bench_markdown prescan [BYTES]    the pre-scan alone on each shape of about BYTES
//       (default 1 MB): how long refusing (or passing) takes;
//   quorum_bench_markdown capped              each shape just under its limit, to about 1 MB:
//       the most cmark-gfm work the limits let through;
//   quorum_bench_markdown report [SCALE]      render_markdown on a report of 2,000 headings and
//       500 tables (times SCALE, default 1 and 10; fractions allowed), CPU time and the
//       ratio to the first scale.
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm/cmark-gfm.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <functional>
#include <string>
#include <vector>

#include "parse/markdown.h"
#include "parse/markdown_bounds.h"

namespace {

double cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

std::size_t cmark_alone(const std::string& markdown) {
  constexpr int kOptions = CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8;
  cmark_parser* parser = cmark_parser_new(kOptions);
  for (const char* name : {"table", "strikethrough", "autolink"}) {
    if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name)) {
      cmark_parser_attach_syntax_extension(parser, ext);
    }
  }
  cmark_parser_feed(parser, markdown.data(), markdown.size());
  cmark_node* doc = cmark_parser_finish(parser);
  char* html = cmark_render_html(doc, kOptions, cmark_parser_get_syntax_extensions(parser));
  const std::size_t size = std::string(html).size();
  std::free(html);  // NOLINT(cppcoreguidelines-no-malloc)
  cmark_node_free(doc);
  cmark_parser_free(parser);
  return size;
}

std::string rep(const std::string& s, std::size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (std::size_t i = 0; i < n; ++i) out += s;
  return out;
}

struct Shape {
  const char* name;
  std::function<std::string(std::size_t)> make;
};

// The shapes of cmark's and cmark-gfm's pathological tests and advisories (CVE-2022-39209,
// CVE-2023-22483/22484/22486, CVE-2023-24824, CVE-2023-26485, CVE-2023-37463), a few more,
// and benign documents of the same characters that must not be refused.
std::vector<Shape> shapes() {
  return {
      {"nested ![[ (issue 20)", [](std::size_t n) { return rep("![[", n) + "\n"; }},
      {"nested [ a ]", [](std::size_t n) { return rep("[", n) + "a" + rep("]", n) + "\n"; }},
      {"![[]() CVE-2023-22486", [](std::size_t n) { return rep("![[]()", n) + "\n"; }},
      {"![[]()  spaced", [](std::size_t n) { return rep("![[]() ", n) + "\n"; }},
      {"![l CVE-2022-39209", [](std::size_t n) { return rep("![l", n) + "\n"; }},
      {"[a openers", [](std::size_t n) { return rep("[a ", n) + "\n"; }},
      {"a] closers", [](std::size_t n) { return rep("a] ", n) + "\n"; }},
      {"[ (]( pattern", [](std::size_t n) { return rep("[ (](", n) + "\n"; }},
      {"[](  unclosed", [](std::size_t n) { return rep("[](", n) + "\n"; }},
      {"[a](b unclosed", [](std::size_t n) { return rep("[a](b", n) + "\n"; }},
      {"[a](<b unclosed", [](std::size_t n) { return rep("[a](<b", n) + "\n"; }},
      {"[ a_ link+emph", [](std::size_t n) { return rep("[ a_", n) + "\n"; }},
      {"ref def + nested [",
       [](std::size_t n) { return "[x]: y\n\n" + rep("[", n) + "a" + rep("]", n) + "\n"; }},
      {"[\\\\\\ backslashes", [](std::size_t n) { return "[" + rep("\\", n) + "\n"; }},
      {"*a **a nested emph",
       [](std::size_t n) { return rep("*a **a ", n) + "b" + rep(" a** a*", n) + "\n"; }},
      {"a_ closers", [](std::size_t n) { return rep("a_ ", n) + "\n"; }},
      {"_a openers", [](std::size_t n) { return rep("_a ", n) + "\n"; }},
      {"*a_ mismatched", [](std::size_t n) { return rep("*a_ ", n) + "\n"; }},
      {"a**b c* mult of 3", [](std::size_t n) { return "a**b" + rep("c* ", n) + "\n"; }},
      {"*_* _ neither", [](std::size_t n) { return rep("*_* _ ", n) + "\n"; }},
      {"*t _t*_ CVE-2023-22483", [](std::size_t n) { return rep("*t ", n) + rep("_t*_ ", n) + "\n"; }},
      {"___.___ CVE-2023-26485", [](std::size_t n) { return rep("_", n) + "." + rep("_", n) + "\n"; }},
      {"~e,z~~ strikethrough", [](std::size_t n) { return "~e" + rep(",z~~", n) + "\n"; }},
      {"> > > quotes", [](std::size_t n) { return rep("> ", n) + "a\n"; }},
      {">>>... CVE-2023-22483", [](std::size_t n) { return rep(">", n) + rep(".", n) + "\n"; }},
      {">>>a* CVE-2023-24824", [](std::size_t n) { return rep(">", n) + rep("a*", n) + "\n"; }},
      {"nested lists",
       [](std::size_t n) {
         std::string s;
         for (std::size_t i = 0; i < n; ++i) s += std::string(2 * i, ' ') + "* a\n";
         return s;
       }},
      {" - - - x CVE-2023-24824", [](std::size_t n) { return rep(" -", n) + "x" + rep("\n", n); }},
      {"- - - x blank lines", [](std::size_t n) { return rep("- ", n) + "x\n" + rep("\n", n); }},
      {"1. 2. 2. CVE-2023-26485", [](std::size_t n) { return "1.\n" + rep(" 2.\n", n); }},
      {" -\\n x CVE-2023-26485", [](std::size_t n) { return rep(" -\n", n) + "x\n"; }},
      {"e` e`` backticks",
       [](std::size_t n) {
         std::string s;
         for (std::size_t i = 1; i <= n; ++i) s += "e" + std::string(i, '`');
         return s + "\n";
       }},
      {"```aaa` fence", [](std::size_t n) { return std::string(n, '`') + std::string(n, 'a') + "`\n"; }},
      {"</<!-- CVE-2023-22484", [](std::size_t n) { return "</" + rep("<!--", n) + "\n"; }},
      {"a<!-- comments", [](std::size_t n) { return "a" + rep("<!--", n) + "\n"; }},
      {"-1<?x CVE-2023-22483", [](std::size_t n) { return "-1" + rep("<?x", n) + "y\n"; }},
      {"<http://s autolinks", [](std::size_t n) { return rep("<http://s", n) + "\n"; }},
      {"z_www. CVE-2023-22483", [](std::size_t n) { return rep("z_www.", n) + "\n"; }},
      {"www.))) CVE-2023-22483", [](std::size_t n) { return "www." + rep(")", n) + "\n"; }},
      {"www. www. prefixes", [](std::size_t n) { return "\xC3\xA9 " + rep("www. ", n) + "\n"; }},
      {"|-\\nt>|- CVE-2023-22483", [](std::size_t n) { return rep("|-\nt>|-\n", n) + "y\n"; }},
      {"| - | then |||| CVE-2023-22483", [](std::size_t n) { return "x\n| - |\n" + rep("|", n) + "y\n"; }},
      {":-\\n:\\n CVE-2023-22483", [](std::size_t n) { return ":-\n" + rep(":\n", n) + ":-\n"; }},
      {"aaa\\rbbb\\n- tables", [](std::size_t n) { return rep("aaa\rbbb\n-\v\n", n); }},
      {"wide table CVE-2023-37463",
       [](std::size_t n) { return "|" + rep("x|", n) + "\n|" + rep("-|", n) + "\n"; }},
      {"wide table + rows",
       [](std::size_t n) { return "|" + rep("x|", n) + "\n|" + rep("-|", n) + "\n" + rep("a\n", n); }},
      {"table, empty rows", [](std::size_t n) { return "|a|b|\n|-|-|\n" + rep("|||\n", n); }},
      {"ref defs [a]: u", [](std::size_t n) { return rep("[a]: u\n", n); }},
      {"distinct ref defs + uses",
       [](std::size_t n) {
         std::string s;
         for (std::size_t i = 0; i < n; ++i) s += "[r" + std::to_string(i) + "]: /u\n";
         return s + "\n" + rep("[r0] ", n) + "\n";
       }},
      {"[f]:u CVE-2023-22483", [](std::size_t n) { return "[f]:u\n\"\n" + rep("[f]\n", n) + "[f]:u \"t\n"; }},
      {"[f]:u variant: no end", [](std::size_t n) { return "[f]:u\n\"\n" + rep("[f]\n", n); }},
      {"[f]:u variant: no quote", [](std::size_t n) { return "[f]:u\n" + rep("[f]\n", n) + "[f]:u \"t\n"; }},
      {"[f]:u variant: plain [f]", [](std::size_t n) { return "[f]:u\n\n" + rep("[f]\n", n); }},
      {"[f]:u variant: quote, a",
       [](std::size_t n) { return "[f]:u\n\"\n" + rep("a\n", n) + "[f]:u \"t\n"; }},
      {"**** rule", [](std::size_t n) { return std::string(n, '*') + "\n"; }},
      {"    indent", [](std::size_t n) { return std::string(n, ' ') + "\xC3\xA9\n"; }},
      // Benign: must stay linear and must not be refused.
      {"benign: [a](b) links",
       [](std::size_t n) { return rep("See [a](https://example.org/b) and ", n) + "\n"; }},
      {"benign: **bold** _it_",
       [](std::size_t n) { return rep("Some **bold** and _italic_ text. ", n) + "\n"; }},
      {"benign: 20-col tables",
       [](std::size_t n) {
         std::string t =
             "\n|" + rep(" h |", 20) + "\n|" + rep("---|", 20) + "\n" + rep("|" + rep(" c |", 20) + "\n", 5);
         return rep(t, n);
       }},
      {"benign: list items", [](std::size_t n) { return rep("- item with `code` and a [link](x)\n", n); }},
      {"benign: quotes", [](std::size_t n) { return rep("> quoted line\n\n", n); }},
  };
}

void run_shapes(const std::vector<std::string>& only) {
  std::printf("%-32s %10s %10s %7s  %-11s %s\n", "shape", "bytes", "cmark s", "growth", "pre-scan ms",
              "pre-scan says");
  for (const auto& shape : shapes()) {
    if (!only.empty()) {
      bool wanted = false;
      for (const auto& o : only) wanted = wanted || std::string(shape.name).find(o) != std::string::npos;
      if (!wanted) continue;
    }
    double last_t = 0;
    std::size_t last_b = 0;
    for (std::size_t n = 1000;; n *= 4) {
      const std::string text = shape.make(n);
      double t0 = cpu_seconds();
      cmark_alone(text);
      const double t = cpu_seconds() - t0;
      t0 = cpu_seconds();
      const auto hazard = quorum::find_markdown_hazard(text);
      const double check = cpu_seconds() - t0;
      std::string growth = "-";
      if (last_b > 0 && last_t > 0.002) {
        char buf[16];
        std::snprintf(buf, sizeof buf, "%.2f",
                      std::log(t / last_t) / std::log(double(text.size()) / double(last_b)));
        growth = buf;
      }
      std::string says = hazard ? "line " + std::to_string(hazard->line) + ":" +
                                      std::to_string(hazard->column) + " " + hazard->message.substr(0, 60)
                                : "accepted";
      std::printf("%-32s %10zu %10.3f %7s  %11.2f %s\n", shape.name, text.size(), t, growth.c_str(),
                  check * 1000, says.c_str());
      std::fflush(stdout);
      last_t = t;
      last_b = text.size();
      if (t > 1.0 || text.size() > 8'000'000 || n > 4'000'000) break;
    }
  }
}

// The pre-scan alone on each shape made about `bytes` long: what refusing (or passing) costs.
void run_prescan(std::size_t bytes) {
  std::printf("%-32s %10s %12s  %s\n", "shape", "bytes", "pre-scan ms", "pre-scan says");
  for (const auto& shape : shapes()) {
    std::size_t n = 1000;
    std::string text = shape.make(n);
    while (text.size() < bytes && n < 100'000'000) text = shape.make(n *= 2);
    const double t0 = cpu_seconds();
    const auto hazard = quorum::find_markdown_hazard(text);
    const double t = cpu_seconds() - t0;
    const std::string says = hazard
                                 ? "refused at " + std::to_string(hazard->line) + ":" +
                                       std::to_string(hazard->column) + ": " + hazard->message.substr(0, 50)
                                 : "accepted";
    std::printf("%-32s %10zu %12.2f  %s\n", shape.name, text.size(), t * 1000, says.c_str());
  }
}

// Each hostile shape held just under its limit, repeated to about 1 MB: the worst the
// limits allow, for cmark-gfm (the pre-scan passes all of them).
void run_capped() {
  const auto paragraphs = [](const std::string& p) {
    return rep(p + "\n\n", 1'000'000 / (p.size() + 2) + 1);
  };
  const std::vector<std::pair<const char*, std::string>> capped = {
      {"499 open ![ then links", "Intro " + rep("![ ", 499) + rep("[]() ", 200'000) + "\n"},
      {"![[]() x 80 per paragraph", paragraphs(rep("![[]() ", 80))},
      {"*t _t*_ at 5,000 marks", paragraphs(rep("*t ", 1250) + rep("_t*_ ", 1250))},
      {"~e,z~~ at 1,000 marks", paragraphs("~e" + rep(",z~~", 999))},
      {"<?x at 1,000", paragraphs("-1" + rep("<?x", 999) + "y")},
      {"32 nested lists, blank lines", rep(" -", 32) + "x" + rep("\n", 1'000'000)},
      {"32 quotes and a*", paragraphs(rep(">", 32) + rep("a*", 2000))},
      {"64 columns, 3,900 1-cell rows",
       "|" + rep("x|", 64) + "\n|" + rep("-|", 64) + "\n" + rep("a\n", 3900)},
      {"as many, 1 MB of 5-cell rows", "|" + rep("x|", 64) + "\n|" + rep("-|", 64) + "\n" +
                                           rep("|a|b|c|d|e|\n", 3900) + "\n\n" + rep("x ", 480'000)},
      {"128 bars a row", paragraphs("x\n| - |\n" + rep("|", 128) + "y")},
      {"50 rule lines", paragraphs(rep("|-\nt>|-\n", 50))},
      {"z_www. 32 a word", paragraphs(rep(rep("z_www.", 32) + " ", 100))},
      {"www.))) 127 a word", paragraphs(rep("www." + rep(")", 127) + " ", 20))},
  };
  std::printf("%-32s %10s %10s %s\n", "shape at its limit", "bytes", "cmark s", "pre-scan");
  for (const auto& [name, text] : capped) {
    const double t0 = cpu_seconds();
    cmark_alone(text);
    const double t = cpu_seconds() - t0;
    std::printf("%-32s %10zu %10.3f %s\n", name, text.size(), t,
                quorum::find_markdown_hazard(text) ? "refused" : "accepted");
    std::fflush(stdout);
  }
}

// A report like the independent archive's, scaled: per unit, 4 headings, one table of 5
// columns and 6 rows under every fourth heading, and paragraphs between.
std::string report(double scale) {
  std::string s;
  for (std::size_t i = 0; i < static_cast<std::size_t>(500 * scale); ++i) {
    for (int h = 0; h < 4; ++h) {
      s += "## Section " + std::to_string(i) + "." + std::to_string(h) +
           "\n\nThe committee noted the figures for the " +
           "quarter and asked officers to report back with the options considered.\n\n";
    }
    s += "| Scheme | 2023 | 2024 | Change | Note |\n|:---|---:|---:|:---:|---|\n";
    for (int r = 0; r < 6; ++r) s += "| Row " + std::to_string(r) + " | 1,200 | 1,350 | +12% | on track |\n";
    s += "\n";
  }
  return s;
}

void run_report(const std::vector<double>& scales) {
  std::printf("%-8s %10s %9s %9s %12s\n", "scale", "bytes", "headings", "tables", "render CPU s");
  double first = 0;
  for (const double scale : scales) {
    const std::string text = report(scale);
    const double t0 = cpu_seconds();
    const std::string html = quorum::render_markdown(text, {}, [](const std::string& url) {
      return quorum::LinkTarget{true, url};
    });
    const double t = cpu_seconds() - t0;
    if (first == 0) first = t;
    std::printf("%-8g %10zu %9.0f %9.0f %12.3f", scale, text.size(), 2000 * scale, 500 * scale, t);
    if (t != first) std::printf("   x%.1f of scale %g", t / first, scales.front());
    std::printf("\n");
  }
}

}  // namespace

int main(int argc, char** argv) {
  cmark_gfm_core_extensions_ensure_registered();
  const std::string mode = argc > 1 ? argv[1] : "shapes";
  std::vector<std::string> rest(argv + std::min(argc, 2), argv + argc);
  if (mode == "shapes") {
    run_shapes(rest);
  } else if (mode == "capped") {
    run_capped();
  } else if (mode == "prescan") {
    run_prescan(rest.empty() ? 1'000'000 : std::stoul(rest[0]));
  } else if (mode == "report") {
    std::vector<double> scales;
    for (const auto& r : rest) scales.push_back(std::stod(r));
    if (scales.empty()) scales = {1, 10};
    run_report(scales);
  } else {
    std::fprintf(
        stderr,
        "usage: quorum_bench_markdown shapes [NAME...] | capped | prescan [BYTES] | report [SCALE...]\n");
    return 2;
  }
  return 0;
}
