#include "tripwire/matcher.h"

#include <catch2/catch.hpp>
#include <string>

#include "tripwire/words.h"

using quorum::tripwire::Matcher;
using quorum::tripwire::words_of;

namespace {

const std::string kLong =
    "The council intends to buy the Riverside depot from Acme Holdings for four million pounds";
const std::string kShort = "Chief executive's disciplinary hearing";  // 5 words

bool finds(const std::string& text, const std::string& bytes) {
  return Matcher({text}).find(bytes).has_value();
}

}  // namespace

TEST_CASE("words fold case, punctuation, markup and escapes to the same words", "[tripwire]") {
  const auto plain = words_of("cafe crème, Ça va: don't");
  CHECK(words_of("CAFE Crème — ça  VA… don’t") == plain);
  CHECK(words_of("cafe cr&egrave;me &amp; &#231;a va &#x2014; don&#39;t") == plain);
  CHECK(words_of("cafe cr\\u00e8me \\\"\\u00c7a\\\" va\\ndon\\u2019t") == plain);
  CHECK(words_of("cafe <em>crème</em><br/>\n<p class=\"x\">ça va</p> \"don\"\"t\"") == plain);
  CHECK(words_of("cafe crème ça va don t").size() == 6);
  CHECK(words_of("").empty());
  CHECK(words_of("a").size() == 1);
}

TEST_CASE("a long withheld text is found by any run of sixteen of its words", "[tripwire]") {
  CHECK(finds(kLong, "<p>Minutes: " + kLong + ".</p>"));
  const std::string text =
      "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
      "seventeen eighteen nineteen twenty twentyone twentytwo twentythree twentyfour twentyfive";
  std::vector<std::string> words;
  for (std::size_t at = 0, next = 0; at != std::string::npos;
       at = next == std::string::npos ? next : next + 1) {
    next = text.find(' ', at);
    words.push_back(text.substr(at, next == std::string::npos ? std::string::npos : next - at));
  }
  REQUIRE(words.size() == 25);
  const auto run = [&](std::size_t from, std::size_t count) {
    std::string out = "x ";
    for (std::size_t i = from; i < from + count; ++i) out += words[i] + " ";
    return out + "y";
  };
  for (std::size_t from = 0; from + quorum::tripwire::kSureRun <= words.size(); ++from) {
    INFO(from);
    CHECK(finds(text, run(from, quorum::tripwire::kSureRun)));
  }
  CHECK(finds(text, run(words.size() - 12, 12)));  // the text's last twelve words
  for (std::size_t from = 0; from + 11 <= words.size(); ++from) CHECK_FALSE(finds(text, run(from, 11)));
  CHECK_FALSE(finds(kLong, "The council intends to buy the Riverside library from Acme Holdings"));
}

TEST_CASE("a withheld text is found through HTML, JSON and CSV escaping and re-wrapping", "[tripwire]") {
  const std::string text = "Mr O'Brien's \"final\" offer & the café lease at 12 High Street";
  CHECK(finds(
      text,
      "<td>Mr O&#39;Brien&#39;s &quot;final&quot; offer &amp; the caf&eacute; lease at 12 High Street</td>"));
  CHECK(finds(
      text,
      "{\"text\":\"Mr O'Brien's \\\"final\\\" offer \\u0026 the caf\\u00e9 lease at 12 High Street\"}"));
  CHECK(finds(text, "id,note\n7,\"Mr O'Brien's \"\"final\"\" offer & the café lease\nat 12 High Street\"\n"));
  CHECK(finds(text,
              "Mr O’Brien’s <strong>“final”</strong> offer\n&amp;\nthe\r\nCAFÉ lease at 12 <a "
              "href=\"/x\">High Street</a>"));
  CHECK(finds(text,
              "<meta name=\"description\" content=\"Mr O&#39;Brien&#39;s final offer &amp; the café lease at "
              "12 High\">"));
}

TEST_CASE("a short withheld text is found whole, and a very short one is not searched for", "[tripwire]") {
  CHECK(finds(kShort, "<li>Chief Executive&#8217;s disciplinary hearing</li>"));
  CHECK_FALSE(finds(kShort, "<li>Chief Executive&#8217;s hearing</li>"));
  CHECK_FALSE(finds(kShort, "the chief executive's report on disciplinary procedures"));
  const Matcher few({"Commercially sensitive", "Home address", "Land"});
  CHECK(few.empty());
  CHECK_FALSE(few.find("commercially sensitive home address land").has_value());
}

TEST_CASE("the matcher names the text found and where the match ends", "[tripwire]") {
  const Matcher m({"one two three", kShort, kLong});
  const std::string bytes = "xx\n" + kLong + "\nyy";
  const auto hit = m.find(bytes);
  REQUIRE(hit);
  CHECK(hit->text == 2);
  CHECK(hit->end <= 3 + kLong.size());
  CHECK(hit->end > 3);
}

TEST_CASE("something that only looks like a tag does not hide the text after it", "[tripwire]") {
  CHECK(finds(kLong, "a <b " + kLong + " and no closing bracket"));
  CHECK(finds(kLong, "x < y: " + kLong + " > z"));
  CHECK(finds(kLong, "<img alt=\"" + kLong + "\">"));
}

TEST_CASE("binary bytes around a withheld text do not hide it", "[tripwire]") {
  std::string bytes("\x01\x00\xff\xfe", 4);
  bytes += kLong;
  bytes += std::string("\x00\x85\xc3", 3);
  CHECK(finds(kLong, bytes));
}

TEST_CASE("many withheld texts cost one lookup a word and all are found", "[tripwire]") {
  std::vector<std::string> texts;
  for (int i = 0; i < 2000; ++i) {
    texts.push_back("private matter number " + std::to_string(i) + " concerning the tenancy of unit " +
                    std::to_string(i * 7) + " at the market hall");
  }
  const std::vector<std::string_view> views(texts.begin(), texts.end());
  const Matcher m(views);
  CHECK(m.needles() == 2000 * 2);  // 14 words: shingles at 0 and 2 (the last)
  for (const int i : {0, 1, 999, 1999}) {
    const auto hit = m.find("<p>" + texts[static_cast<std::size_t>(i)] + "</p>");
    REQUIRE(hit);
    CHECK(hit->text == static_cast<std::size_t>(i));
  }
  CHECK_FALSE(m.find("private matter number 5 concerning a lease of unit 35 at the town hall").has_value());
}
