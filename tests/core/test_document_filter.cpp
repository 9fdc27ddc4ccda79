// Document selections: dates read from file names, doc:/date: filters parsed on their own.
#include <doctest/doctest.h>

#include "core/corpus/corpus.hpp"
#include "core/corpus/document_date.hpp"
#include "core/query/document_filter.hpp"
#include "core/query/query_parser.hpp"

using textx::date_from_name;

TEST_CASE("dates are read from the start of file names") {
  CHECK(date_from_name("1980-10-kwp-6th-congress-closing-decree.txt") == "1980-10");
  CHECK(date_from_name("2023-02-03-independence-basis.txt") == "2023-02-03");
  CHECK(date_from_name("1790_george_washington_n.txt") == "1790");
  CHECK(date_from_name("corpus/sub/1862_12_01_lincoln.txt") == "1862-12-01");
  CHECK(date_from_name("C:\\texts\\1945.txt") == "1945");
  CHECK(date_from_name("19801005-speech.txt") == "1980-10-05");
  CHECK(date_from_name("2001.report.txt") == "2001");
  CHECK(date_from_name("1980-13-decree.txt") == "1980");        // no month 13: the year alone
  CHECK(date_from_name("1980-10-32.txt") == "1980-10");         // no day 32
  CHECK(date_from_name("1980-1-5.txt") == "1980");              // one-digit parts are not read
  CHECK(date_from_name("123456.txt") == "");
  CHECK(date_from_name("12345.txt") == "");
  CHECK(date_from_name("0999-notes.txt") == "");
  CHECK(date_from_name("3000-future.txt") == "");
  CHECK(date_from_name("decree-1980.txt") == "");
  CHECK(date_from_name("") == "");
  CHECK(date_from_name("198") == "");
  CHECK(date_from_name("1980") == "1980");
  CHECK(date_from_name("1980-10") == "1980-10");
  CHECK(date_from_name("1980-101.txt") == "1980");              // a month followed by a digit is not a month
}

TEST_CASE("a document without a date takes the one in its name; a given date is kept") {
  textx::Corpus corpus;
  const auto named = corpus.add_document({.name = "1980-10-decree.txt"}, "Independence.");
  const auto given = corpus.add_document({.name = "1980-10-decree.txt", .date = "1981"}, "Independence.");
  const auto none = corpus.add_document({.name = "decree.txt"}, "Independence.");
  REQUIRE(named.ok());
  REQUIRE(given.ok());
  REQUIRE(none.ok());
  CHECK(corpus.document(named.value()).info.date == "1980-10");
  CHECK(corpus.document(given.value()).info.date == "1981");
  CHECK(corpus.document(none.value()).info.date == "");
}

TEST_CASE("a selection of documents is doc: and date: filters only") {
  const auto both = textx::parse_document_filter("doc:1980* doc:2023* date:1970..1990");
  REQUIRE(both.ok());
  CHECK(both.value().names == std::vector<std::string>{"1980*", "2023*"});
  CHECK(both.value().date_from == "1970");
  CHECK(both.value().date_to == "1990");

  const auto all = textx::parse_document_filter("  ");
  REQUIRE(all.ok());
  CHECK(all.value().names.empty());
  CHECK(all.value().date_from.empty());

  const auto word = textx::parse_document_filter("doc:1980* independence");
  REQUIRE_FALSE(word.ok());
  CHECK(word.error().code == "query.syntax");
  CHECK(word.error().message.find("At character 11") == 0);

  CHECK(textx::parse_document_filter("date:").error().code == "query.syntax");
  CHECK(textx::parse_document_filter("NEAR/3").error().code == "query.syntax");
  CHECK(textx::parse_document_filter(std::string("doc:a\0b", 7)).error().code == "query.invalid");
}

TEST_CASE("allowed documents: names by glob, dates at the precision of each bound, removed ones never") {
  textx::Corpus corpus;
  REQUIRE(corpus.add_document({.name = "1979-12-31-a.txt"}, "x").ok());
  REQUIRE(corpus.add_document({.name = "1980-10-b.txt"}, "x").ok());
  REQUIRE(corpus.add_document({.name = "1990-12-31-c.txt"}, "x").ok());
  REQUIRE(corpus.add_document({.name = "undated.txt"}, "x").ok());
  REQUIRE(corpus.add_document({.name = "1985-gone.txt"}, "x").ok());
  REQUIRE(corpus.remove_document(4));
  const auto allowed = [&](const char* selection) {
    return textx::allowed_documents(corpus, textx::parse_document_filter(selection).value());
  };
  CHECK(allowed("") == std::vector<bool>{true, true, true, true, false});
  CHECK(allowed("date:1980..1990") == std::vector<bool>{false, true, true, false, false});
  CHECK(allowed("date:..1979") == std::vector<bool>{true, false, false, false, false});
  CHECK(allowed("doc:UND*") == std::vector<bool>{false, false, false, true, false});
  CHECK(allowed("doc:*b.txt doc:*c.txt date:1980-11..") == std::vector<bool>{false, false, true, false, false});
}

TEST_CASE("a date that does not start with a year is in no date range") {
  // Regression: "circa 1990" compared as text sorted after "1985" and passed date:1985..
  textx::DocumentFilter from_1985;
  from_1985.date_from = "1985";
  CHECK_FALSE(textx::date_in_range("circa 1990", from_1985));
  CHECK_FALSE(textx::date_in_range("198", from_1985));
  CHECK(textx::date_in_range("1990 (approx.)", from_1985));
  CHECK(textx::date_in_range("circa 1990", textx::DocumentFilter{}));  // no range: every document
}
