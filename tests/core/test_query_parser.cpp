#include <doctest/doctest.h>

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "core/query/query_parser.hpp"

namespace {

using textx::Query;
using textx::QueryTerm;

std::string show_terms(const std::vector<QueryTerm>& terms);

// One term as a compact string: W(word) X(glob) R(regex) * G[alt|alt].
std::string show_term(const QueryTerm& t) {
  switch (t.kind) {
    case QueryTerm::Kind::kWord:
      return "W(" + t.text + ")";
    case QueryTerm::Kind::kWildcard:
      return "X(" + t.text + ")";
    case QueryTerm::Kind::kRegex:
      return "R(" + t.text + ")";
    case QueryTerm::Kind::kAnyWord:
      return "*";
    case QueryTerm::Kind::kGroup: {
      std::string out = "G[";
      for (std::size_t i = 0; i < t.alternatives.size(); ++i) {
        if (i) out += '|';
        out += show_terms(t.alternatives[i]);
      }
      return out + "]";
    }
  }
  return "?";
}

std::string show_terms(const std::vector<QueryTerm>& terms) {
  std::string out;
  for (const QueryTerm& t : terms) {
    if (!out.empty()) out += ' ';
    out += show_term(t);
  }
  return out;
}

// A whole query: its sequence, then " NEAR/n " and the second sequence, then " doc(a,b)" and " date(from..to)".
std::string show(const Query& q) {
  std::string out = show_terms(q.sequence);
  if (q.near_distance) out += " NEAR/" + std::to_string(*q.near_distance) + " " + show_terms(q.near_sequence);
  if (!q.filter.names.empty()) {
    out += " doc(";
    for (std::size_t i = 0; i < q.filter.names.size(); ++i) out += (i ? "," : "") + q.filter.names[i];
    out += ")";
  }
  if (!q.filter.date_from.empty() || !q.filter.date_to.empty())
    out += " date(" + q.filter.date_from + ".." + q.filter.date_to + ")";
  return out;
}

// The parse as a string, or "[code] message".
std::string parse(const std::string& text) {
  const textx::Result<Query> r = textx::parse_query(text);
  return r.ok() ? show(r.value()) : r.error().to_string();
}

std::string repeat(const std::string& s, std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += s;
  return out;
}

struct Case {
  std::string query;
  std::string expected;
};

void check_cases(const std::vector<Case>& cases) {
  for (const Case& c : cases) {
    CAPTURE(c.query);
    CHECK(parse(c.query) == c.expected);
  }
}

// Every position and length lies inside the query; groups cover their alternatives.
void check_spans(const std::vector<QueryTerm>& terms, std::size_t length) {
  for (const QueryTerm& t : terms) {
    CHECK(t.position + t.length <= length);
    for (const auto& alt : t.alternatives) {
      CHECK(!alt.empty());
      check_spans(alt, length);
    }
  }
}

}  // namespace

TEST_CASE("query words split as the text model splits text") {
  check_cases({
      {"independence", "W(independence)"},
      {"  independence  ", "W(independence)"},
      {"non-aligned", "W(non) W(aligned)"},
      {"U.S.", "W(U.S)"},
      {"\u201cindependence\u201d", "W(independence)"},
      {"Committee\u2019s", "W(Committee\u2019s)"},
      {"mutual respect for sovereignty", "W(mutual) W(respect) W(for) W(sovereignty)"},
      {"1,000 countries", "W(1,000) W(countries)"},
      {"M\u00e1jer", "W(M\u00e1jer)"},
      {"\uc790\uc8fc\ub294 \uad6d\uc81c", "W(\uc790\uc8fc\ub294) W(\uad6d\uc81c)"},
      {"peace near security", "W(peace) W(near) W(security)"},
      {"Near/5 near/5", "W(Near) W(5) W(near) W(5)"},
      {"NEARby", "W(NEARby)"},
      {"and/or", "W(and) W(or)"},
      {"peace, \u2014 war", "W(peace) W(war)"},
      {"peace\"treaty\"", "W(peace) W(treaty)"},
      {"\u05e6\u05d4\"\u05dc", "W(\u05e6\u05d4\"\u05dc)"},  // a Hebrew acronym keeps its gershayim
      {"\xFFpeace", "W(peace)"},                          // invalid UTF-8 is repaired first
      {"peace\tand\nwar", "W(peace) W(and) W(war)"},
      {"peace\u00a0war\u3000treaty", "W(peace) W(war) W(treaty)"},
  });
}

TEST_CASE("query wildcards and any-word gaps") {
  check_cases({
      {"independ*", "X(independ*)"},
      {"organi?ation", "X(organi?ation)"},
      {"*ism", "X(*ism)"},
      {"*ism*", "X(*ism*)"},
      {"198?", "X(198?)"},
      {"?", "X(?)"},
      {"*?", "X(*?)"},
      {"non-align*", "W(non) X(align*)"},
      {"\u201cindepend*\u201d", "X(independ*)"},
      {"*", "*"},
      {"**", "*"},
      {"***", "*"},
      {"non-*", "W(non) *"},
      {"*-aligned", "* W(aligned)"},
      {"the * of", "W(the) * W(of)"},
      {"non * * affairs", "W(non) * * W(affairs)"},
      {"what is independence?", "W(what) W(is) X(independence?)"},
  });
}

TEST_CASE("query alternatives and parentheses") {
  std::string deepest = repeat("(", textx::kMaxQueryNesting) + "peace" + repeat(")", textx::kMaxQueryNesting);
  check_cases({
      {"independence|sovereignty", "G[W(independence)|W(sovereignty)]"},
      {"independence | sovereignty", "G[W(independence)|W(sovereignty)]"},
      {"independence |sovereignty", "G[W(independence)|W(sovereignty)]"},
      {"independence| sovereignty", "G[W(independence)|W(sovereignty)]"},
      {"a|b|c", "G[W(a)|W(b)|W(c)]"},
      {"(mutual respect)|equality", "G[W(mutual) W(respect)|W(equality)]"},
      {"(peace|war) treaty", "G[W(peace)|W(war)] W(treaty)"},
      {"mutual respect|equality", "W(mutual) G[W(respect)|W(equality)]"},
      {"non-aligned|neutral", "G[W(non) W(aligned)|W(neutral)]"},
      {"\"internal affairs\"|sovereignty", "G[W(internal) W(affairs)|W(sovereignty)]"},
      {"independ*|sovereign*", "G[X(independ*)|X(sovereign*)]"},
      {"*|peace", "G[*|W(peace)]"},
      {"(a|b)|c", "G[W(a)|W(b)|W(c)]"},
      {"a|(b|c)", "G[W(a)|W(b)|W(c)]"},
      {"(a|(b c)) d", "G[W(a)|W(b) W(c)] W(d)"},
      {"((a|b) c)|d", "G[G[W(a)|W(b)] W(c)|W(d)]"},
      {"((peace))", "W(peace)"},
      {"(mutual respect) treaty", "W(mutual) W(respect) W(treaty)"},
      {"peace(war)", "W(peace) W(war)"},
      {"(peace \u2014)", "W(peace)"},
      {deepest, "W(peace)"},
  });
}

TEST_CASE("query regular expressions") {
  check_cases({
      {"/imperialis(m|t)s?/", "R(imperialis(m|t)s?)"},
      {"the /imperialis(m|t)s?/ forces", "W(the) R(imperialis(m|t)s?) W(forces)"},
      {"/a\\/b/", "R(a\\/b)"},
      {"/[/]x/", "R([/]x)"},
      {"/[\\]/]/", "R([\\]/])"},
      {"/a b/", "R(a b)"},
      {"/\"/", "R(\")"},
      {"(/ab/|c)", "G[R(ab)|W(c)]"},
      {"/ab/|c", "G[R(ab)|W(c)]"},
      {"/ab/)", "[query.syntax] At character 5: this closing parenthesis has no opening one."},
  });
}

TEST_CASE("query quoted phrases") {
  check_cases({
      {"\"non-interference in internal affairs\"", "W(non) W(interference) W(in) W(internal) W(affairs)"},
      {"\"peace * (war) | a/b?\"", "W(peace) W(war) W(a) W(b)"},
      {"\"independence?\"", "W(independence)"},
      {"\"independ*\"", "W(independ)"},
      {"peace \"*\"", "W(peace)"},
      {"\"NEAR/5 doc:x\"", "W(NEAR) W(5) W(doc:x)"},  // a colon between letters joins them (UAX #29)
      {"\"peace\"treaty", "W(peace) W(treaty)"},
      {"peace \"\" war", "W(peace) W(war)"},
      {"\"/imperialism/\"", "W(imperialism)"},
  });
}

TEST_CASE("query proximity") {
  check_cases({
      {"peace NEAR/5 security", "W(peace) NEAR/5 W(security)"},
      {"peace NEAR/0 security", "W(peace) NEAR/0 W(security)"},
      {"peace NEAR/100 security", "W(peace) NEAR/100 W(security)"},
      {"peace NEAR/007 security", "W(peace) NEAR/7 W(security)"},
      {"(peace|war) NEAR/10 \"internal affairs\"", "G[W(peace)|W(war)] NEAR/10 W(internal) W(affairs)"},
      {"peace NEAR/5(security|safety)", "W(peace) NEAR/5 G[W(security)|W(safety)]"},
      {"mutual respect NEAR/3 independ*", "W(mutual) W(respect) NEAR/3 X(independ*)"},
      {"peace NEAR/3 security date:1980", "W(peace) NEAR/3 W(security) date(1980..1980)"},
  });
}

TEST_CASE("query document filters") {
  check_cases({
      {"independence doc:1980*", "W(independence) doc(1980*)"},
      {"doc:1980* doc:2023* independence", "W(independence) doc(1980*,2023*)"},
      {"doc:\"my file (1).txt\" peace", "W(peace) doc(my file (1).txt)"},
      {"DOC:x Date:1980 peace", "W(peace) doc(x) date(1980..1980)"},
      {"peace doc:x security", "W(peace) W(security) doc(x)"},
      {"date:1980..1990 peace", "W(peace) date(1980..1990)"},
      {"date:1980-10.. peace", "W(peace) date(1980-10..)"},
      {"date:..2000 peace", "W(peace) date(..2000)"},
      {"date:1980 peace", "W(peace) date(1980..1980)"},
      {"date:1980-1-5 peace", "W(peace) date(1980-01-05..1980-01-05)"},
      {"date:1980-10..1980 peace", "W(peace) date(1980-10..1980)"},
      {"date:1980-10-06..1980-10-06 peace", "W(peace) date(1980-10-06..1980-10-06)"},
      {"peace date:2000-02-29", "W(peace) date(2000-02-29..2000-02-29)"},
      {"peace date:\"1980\"", "W(peace) date(1980..1980)"},
      {"document:x", "W(document:x)"},
      {"\"doc:x\"", "W(doc:x)"},
      {"\"doc: x\"", "W(doc) W(x)"},
  });
}

TEST_CASE("query errors name the character at fault") {
  const std::string empty =
      "[query.empty] The query has no words to search for; type a word such as independence.";
  const std::string near_number =
      "NEAR must be followed by / and a number of words from 0 to 100, such as NEAR/5.";
  const std::string near_sides = "NEAR needs words to search for on both sides, such as peace NEAR/5 security.";
  const std::string date =
      "date: needs a date or a range of dates, such as date:1980, date:1980-10..1990 or date:..2000.";
  const std::string filter_alt =
      "a filter cannot be an alternative; several doc: filters already mean any of them, such as "
      "doc:1980* doc:2023*.";
  const std::string syntax = "[query.syntax] At character ";
  check_cases({
      {"", empty},
      {"   \n", empty},
      {"\u2014,.;!", empty},
      {"\"*\"", empty},
      {"\"\"", empty},
      {"doc:1980*", empty},
      {"date:1980 doc:x", empty},
      {std::string("peace\0war", 9), "[query.invalid] The query contains a NUL character."},
      {"(peace", syntax + "1: this parenthesis is never closed."},
      {"M\u00e1jer (peace", syntax + "7: this parenthesis is never closed."},
      {"((peace)", syntax + "1: this parenthesis is never closed."},
      {"peace)", syntax + "6: this closing parenthesis has no opening one."},
      {"(a))", syntax + "4: this closing parenthesis has no opening one."},
      {"\"peace", syntax + "1: this quotation mark is never closed."},
      {"peace \"war", syntax + "7: this quotation mark is never closed."},
      {"peace\"", "W(peace)"},  // a quotation mark opens a phrase only where a word starts
      {"/peace", syntax + "1: this regular expression is never closed; end it with /."},
      {"peace /war\\/", syntax + "7: this regular expression is never closed; end it with /."},
      {"/[/]", syntax + "1: this regular expression is never closed; end it with /."},
      {"//", syntax + "1: this regular expression is empty."},
      {"/a/b", syntax + "4: put a space between a regular expression's closing / and what follows."},
      {"()", syntax + "1: these parentheses hold nothing to search for."},
      {"peace (\u2014)", syntax + "7: these parentheses hold nothing to search for."},
      {"a|", syntax + "2: there is nothing to search for after this |."},
      {"|a", syntax + "1: there is nothing to search for before this |."},
      {"a||b", syntax + "2: there is nothing to search for after this |."},
      {"a | \u2014", syntax + "3: there is nothing to search for after this |."},
      {"\u2014|peace", syntax + "2: there is nothing to search for before this |."},
      {"(|a)", syntax + "2: there is nothing to search for before this |."},
      {"(a|)", syntax + "3: there is nothing to search for after this |."},
      {"a|NEAR/3 b", syntax + "2: there is nothing to search for after this |."},
      {"peace NEAR/ security", syntax + "7: " + near_number},
      {"peace NEAR security", syntax + "7: " + near_number},
      {"peace NEAR/x security", syntax + "7: " + near_number},
      {"peace NEAR", syntax + "7: " + near_number},
      {"NEAR/5 security", syntax + "1: " + near_sides},
      {"\u2014 NEAR/5 security", syntax + "3: " + near_sides},
      {"peace NEAR/5", syntax + "7: " + near_sides},
      {"peace NEAR/5 doc:x", syntax + "7: " + near_sides},
      {"peace NEAR/500 x", syntax + "12: the distance after NEAR/ can be at most 100 words."},
      {"peace NEAR/101 x", syntax + "12: the distance after NEAR/ can be at most 100 words."},
      {"peace NEAR/99999999999999999999999 x", syntax + "12: the distance after NEAR/ can be at most 100 words."},
      {"peace NEAR/5x y", syntax + "13: put a space between NEAR/5 and what follows."},
      {"a NEAR/1 b NEAR/2 c", syntax + "12: a query can have only one NEAR."},
      {"(a NEAR/1 b)", syntax + "4: NEAR cannot be used inside parentheses."},
      {"date:abc", syntax + "6: " + date},
      {"peace date:", syntax + "7: " + date},
      {"peace date:1980-13", syntax + "12: " + date},
      {"peace date:1981-02-29", syntax + "12: " + date},
      {"peace date:1980-04-31", syntax + "12: " + date},
      {"peace date:80", syntax + "12: " + date},
      {"peace date:19800", syntax + "12: " + date},
      {"peace date:1980-", syntax + "12: " + date},
      {"peace date:1980-10-06-01", syntax + "12: " + date},
      {"peace date:..", syntax + "12: " + date},
      {"peace date:1980..1990..2000", syntax + "18: " + date},
      {"peace date:1980...1990", syntax + "18: " + date},
      {"peace date:1990..1980", syntax + "12: this date range ends before it starts."},
      {"peace date:1980 date:1990",
       syntax + "17: a query can have only one date: filter; give a range instead, such as date:1980..1990."},
      {"doc:", syntax + "1: doc: needs a document name or a pattern, such as doc:1980*."},
      {"peace doc:\"\"", syntax + "7: doc: needs a document name or a pattern, such as doc:1980*."},
      {"peace doc:\"x", syntax + "11: this quotation mark is never closed."},
      {"doc:a|doc:b peace", syntax + "6: " + filter_alt},
      {"peace|doc:a", syntax + "7: " + filter_alt},
      {"(peace doc:a)", syntax + "8: doc: and date: filters cannot be used inside parentheses."},
  });
}

TEST_CASE("query limits") {
  const std::string too_deep = "[query.too_complex] At character 9: parentheses can be nested at most 8 deep.";
  const std::string too_long = "[query.too_complex] The query is longer than 10,000 characters; shorten it.";
  const std::string too_many =
      "[query.too_complex] At character 129: this is search term 65; a query can hold at most 64 words, "
      "wildcards, * gaps and regular expressions.";
  check_cases({
      {repeat("(", 20) + "peace" + repeat(")", 20), too_deep},
      {repeat("(", 9) + "peace" + repeat(")", 9), too_deep},
      {std::string(10000, 'x'), std::string("W(") + std::string(10000, 'x') + ")"},
      {std::string(10001, 'x'), too_long},
      {repeat("\u00e9", 10000).substr(0, 2 * 9999) + "a", std::string("W(") + repeat("\u00e9", 9999) + "a)"},
      {repeat("\u00e9", 10001), too_long},
      {repeat("\U00020000", 10001), too_long},
      {repeat("\xFF", 10001), too_long},
      {std::string(200000, ' '), too_long},
      {repeat("a ", 64), show(textx::parse_query(repeat("a ", 64)).value())},
      {repeat("a ", 65), too_many},
      {repeat("a|", 64) + "a", too_many},
      {repeat("* ", 65), too_many},
      {repeat("\"", 1) + repeat("a ", 65) + "\"", "[query.too_complex] At character 130: this is search term 65; a query can "
                                      "hold at most 64 words, wildcards, * gaps and regular expressions."},
  });
  const textx::Result<Query> sixty_four = textx::parse_query(repeat("a ", 64));
  REQUIRE(sixty_four.ok());
  CHECK(sixty_four.value().sequence.size() == 64);
}

TEST_CASE("query term positions and lengths are code points of the query") {
  struct Span {
    std::string query;
    std::size_t index;  // in the top-level sequence
    std::size_t position;
    std::size_t length;
  };
  const Span spans[] = {
      {"non-aligned", 0, 0, 3},
      {"non-aligned", 1, 4, 7},
      {"  \u201cindependence\u201d", 0, 3, 12},
      {"(peace|war) treaty", 0, 0, 11},
      {"(peace|war) treaty", 1, 12, 6},
      {"(mutual respect)|equality", 0, 0, 25},
      {"a | b", 0, 0, 5},
      {"/ab/ x", 0, 0, 4},
      {"/ab/ x", 1, 5, 1},
      {"\"internal affairs\"", 0, 1, 8},
      {"\"internal affairs\"", 1, 10, 7},
      {"M\u00e1jer peace", 1, 6, 5},
      {"\U00020000 peace", 1, 2, 5},
      {"\xFFpeace", 0, 1, 5},
      {"non-align*", 1, 4, 6},
      {"the * of", 1, 4, 1},
      {"doc:x peace", 0, 6, 5},
  };
  for (const Span& s : spans) {
    CAPTURE(s.query);
    CAPTURE(s.index);
    const textx::Result<Query> r = textx::parse_query(s.query);
    REQUIRE(r.ok());
    REQUIRE(s.index < r.value().sequence.size());
    CHECK(r.value().sequence[s.index].position == s.position);
    CHECK(r.value().sequence[s.index].length == s.length);
  }
  const textx::Result<Query> near = textx::parse_query("peace NEAR/5 security|safety");
  REQUIRE(near.ok());
  REQUIRE(near.value().near_sequence.size() == 1);
  CHECK(near.value().near_sequence[0].position == 13);
  CHECK(near.value().near_sequence[0].length == 15);
  const auto& alts = near.value().near_sequence[0].alternatives;
  REQUIRE(alts.size() == 2);
  CHECK(alts[1][0].position == 22);
  CHECK(alts[1][0].length == 6);
}

TEST_CASE("hostile query text gives a parse or an error, never a crash") {
  check_cases({
      {std::string(10000, '('), "[query.too_complex] At character 9: parentheses can be nested at most 8 deep."},
      {std::string(10000, ')'), "[query.syntax] At character 1: this closing parenthesis has no opening one."},
      {std::string(10000, '|'), "[query.syntax] At character 1: there is nothing to search for before this |."},
      {std::string(10000, '"'),
       "[query.empty] The query has no words to search for; type a word such as independence."},
      {std::string(9999, '"'), "[query.syntax] At character 9999: this quotation mark is never closed."},
      {std::string(10000, '/'), "[query.syntax] At character 1: this regular expression is empty."},
      {"/" + std::string(9999, '['), "[query.syntax] At character 1: this regular expression is never closed; end it with /."},
      {"/" + std::string(9999, '\\'), "[query.syntax] At character 1: this regular expression is never closed; end it with /."},
      {std::string(10000, '*'), "*"},
      {std::string(10000, '?'), std::string("X(") + std::string(10000, '?') + ")"},
      {repeat("NEAR/1 ", 1000), "[query.syntax] At character 1: " 
                               "NEAR needs words to search for on both sides, such as peace NEAR/5 security."},
      {repeat("doc:a ", 1000), "[query.empty] The query has no words to search for; type a word such as independence."},
      {repeat("date:1 ", 1000), "[query.syntax] At character 6: date: needs a date or a range of dates, such as "
                               "date:1980, date:1980-10..1990 or date:..2000."},
      {repeat("(a|", 3000), "[query.too_complex] At character 25: parentheses can be nested at most 8 deep."},
  });

  // Random queries over the operator characters, letters, spaces and arbitrary bytes.
  const std::string alphabet = "()|\"/\\[]*?:.-NEARdocate019 \t\xC3\xA9\xE2\x80\x9C\xFF\x80";
  std::mt19937 rng(20240601);
  std::size_t parsed = 0;
  std::size_t failed = 0;
  for (int round = 0; round < 3000; ++round) {
    std::string query;
    const std::size_t length = rng() % 40;
    for (std::size_t i = 0; i < length; ++i)
      query.push_back(rng() % 8 == 0 ? static_cast<char>(rng() % 256) : alphabet[rng() % alphabet.size()]);
    CAPTURE(query);
    const textx::Result<Query> r = textx::parse_query(query);
    if (r.ok()) {
      ++parsed;
      CHECK(!r.value().sequence.empty());
      CHECK(r.value().near_distance.has_value() == !r.value().near_sequence.empty());
      check_spans(r.value().sequence, query.size());
      check_spans(r.value().near_sequence, query.size());
    } else {
      ++failed;
      const std::string& code = r.error().code;
      CHECK((code == "query.syntax" || code == "query.empty" || code == "query.invalid" ||
             code == "query.too_complex"));
      if (code == "query.syntax") CHECK(r.error().message.rfind("At character ", 0) == 0);
      CHECK(r.error().message.back() == '.');
    }
  }
  CHECK(parsed > 100);
  CHECK(failed > 100);
}
