#include <doctest/doctest.h>

#include <initializer_list>
#include <string>
#include <string_view>

#include "core/text/html_text.hpp"
#include "core/text/utf8.hpp"

using textx::html_to_text;

namespace {

struct Case {
  const char* html;
  const char* text;
};

// The shape every result must have: valid UTF-8, trimmed, at most one blank line in a row.
void check_shape(const std::string& text) {
  CHECK(textx::repair_utf8(text).replacements == 0);
  CHECK(text.find("\n\n\n") == std::string::npos);
  if (text.empty()) return;
  CHECK(text.front() != '\n');
  CHECK(text.back() != '\n');
}

void check_cases(const Case* begin, const Case* end) {
  for (const Case* c = begin; c != end; ++c) {
    CAPTURE(c->html);
    const std::string text = html_to_text(c->html);
    CHECK(text == c->text);
    check_shape(text);
  }
}

template <std::size_t N>
void check_cases(const Case (&cases)[N]) {
  check_cases(cases, cases + N);
}

// Joins pieces (no `"literal" + std::string`, which trips a GCC 12 -Wrestrict false positive).
std::string concat(std::initializer_list<std::string_view> pieces) {
  std::string out;
  for (const std::string_view piece : pieces) out += piece;
  return out;
}

std::string repeat(std::string_view piece, std::size_t times) {
  std::string out;
  out.reserve(piece.size() * times);
  for (std::size_t i = 0; i < times; ++i) out += piece;
  return out;
}

}  // namespace

TEST_CASE("html_to_text removes tags and keeps their text") {
  const Case cases[] = {
      {"", ""},
      {"plain text", "plain text"},
      {"<b>bold</b> and <i>italic</i>", "bold and italic"},
      {"a<span>b</span>c", "abc"},                     // inline tags add no space
      {"<P>One</P><DIV>Two</DIV>", "One\n\nTwo"},      // any case
      {"<custom-element>x</custom-element>", "x"},     // unknown elements are inline
      {"<p/>a<br/>b", "a\nb"},
      {"\xEF\xBB\xBFtext", "text"},                    // byte-order mark
  };
  check_cases(cases);
}

TEST_CASE("html_to_text drops invisible content") {
  const Case cases[] = {
      {"a<script>alert('x')</script>b", "ab"},
      {"a<style>p { color: red }</style>b", "ab"},
      {"a<noscript>Enable JavaScript</noscript>b", "ab"},
      {"a<template><p>later</p></template>b", "ab"},
      {"a<template><template>x</template>y</template>b", "ab"},  // nested templates
      {"a<iframe src=x>fallback</iframe>b", "ab"},
      {"a<noembed>x</noembed><noframes>y</noframes>b", "ab"},
      {"a<svg><title>icon</title><text>Hi</text></svg>b", "ab"},
      {"a<svg><svg></svg>x</svg>b", "ab"},                       // nested svg
      {"a<svg/>b", "ab"},                                        // self-closing svg has no content
      {"a<math><mi>x</mi><annotation>{\\displaystyle x}</annotation></math>b", "ab"},
      {"a<svg><g>x<p>shown</p>", "a\n\nshown"},                  // an HTML tag ends svg, as in browsers
      {"a<!-- comment <p>x</p> -->b", "ab"},
      {"a<!---->b<!-->c<!--->d", "abcd"},                        // empty comments
      {"a<!-- x --!>b", "ab"},
      {"a<![CDATA[x > y]]>b", "ab"},
      {"<!DOCTYPE html>a", "a"},
      {"<?xml version=\"1.0\"?>a", "a"},
      {"<html><head><meta charset=utf-8><link rel=x></head><body>a</body></html>", "a"},
  };
  check_cases(cases);
}

TEST_CASE("html_to_text makes the first title the first paragraph") {
  const Case cases[] = {
      {"<html><head><title> My \n Page </title></head><body><p>Text</p></body></html>", "My Page\n\nText"},
      {"<p>Text</p><title>Late</title>", "Late\n\nText"},
      {"<title>First</title><title>Second</title>x", "First\n\nx"},
      {"<title>A &amp; <b>B</b></title>", "A & <b>B</b>"},   // escapable raw text: no tags inside
      {"<title>   </title>x", "x"},
      {"<svg><title>icon</title></svg>x", "x"},             // svg's title is not the document's
      {"<title>Open to the end", "Open to the end"},
  };
  check_cases(cases);
}

TEST_CASE("html_to_text keeps block structure as paragraphs and lines") {
  const Case cases[] = {
      {"<p>One</p><p>Two</p>", "One\n\nTwo"},
      {"<p>One<p>Two", "One\n\nTwo"},                       // unclosed p
      {"<h1>Title</h1>Text", "Title\n\nText"},
      {"<ul><li>a</li><li>b</li></ul>", "a\n\nb"},
      {"<div><div><div>deep</div></div></div>after", "deep\n\nafter"},
      {"<blockquote>q</blockquote><section>s</section><footer>f</footer>", "q\n\ns\n\nf"},
      {"<dl><dt>term</dt><dd>definition</dd></dl>", "term\n\ndefinition"},
      {"a<hr>b", "a\n\nb"},
      {"line 1<br>line 2<BR/>line 3", "line 1\nline 2\nline 3"},
      {"a<br><br>b", "a\n\nb"},                             // two breaks look like a paragraph break
      {"a<br><br><br><br>b", "a\n\nb"},                     // never more than one blank line
      {"a </br> b", "a\nb"},                                // </br> is a break, as in browsers
      {"<br><p></p><div>a</div><br><p></p>", "a"},          // no leading or trailing blank lines
      {"<p>a</p>\n\n\n<p>b</p>", "a\n\nb"},
      {"<select><option>A</option><option>B</option></select>", "A\n\nB"},
  };
  check_cases(cases);
}

TEST_CASE("html_to_text separates table cells by tabs and rows by blank lines") {
  const Case cases[] = {
      {"<table><tr><th>Year</th><th>Event</th></tr><tr><td>1848</td><td>Revolution</td></tr></table>",
       "Year\tEvent\n\n1848\tRevolution"},
      {"<table>\n <tr>\n  <td> a </td>\n  <td> b </td>\n </tr>\n</table>", "a\tb"},
      {"<table><tr><td></td><td>b</td><td></td></tr></table>", "b"},  // empty cells leave no separator
      {"<table><caption>Census</caption><tr><td>x</td></tr></table>", "Census\n\nx"},
  };
  check_cases(cases);
}

TEST_CASE("html_to_text collapses whitespace outside pre") {
  const Case cases[] = {
      {"  a \n\t b  ", "a b"},
      {"<p>  a  </p>  <p>\n b \n</p>", "a\n\nb"},
      {"a <b> b </b> c", "a b c"},
      {"a\r\nb", "a b"},
      {"a&nbsp;&nbsp;b", "a\u00A0\u00A0b"},                 // no-break spaces do not collapse
      {"<pre>\n  line 1\n    line 2\n</pre>", "  line 1\n    line 2"},
      {"<pre>a\r\nb\rc</pre>", "a\nb\nc"},
      {"<pre>\r\n\r\nx</pre>", "x"},
      {"<pre>a   \n\n\n\n   b</pre>", "a\n\n   b"},        // trailing spaces and extra blank lines go
      {"x<pre>a  <b>b</b></pre>y", "x\n\na  b\n\ny"},
      {"<listing>\n a</listing>", " a"},
      {"<textarea>\n  <p>x &amp; y</p></textarea>", "  <p>x & y</p>"},
      {"<xmp><b>&amp;</b></xmp>", "<b>&amp;</b>"},
      {"a<plaintext><b>&amp;</b></plaintext>", "a\n\n<b>&amp;</b></plaintext>"},
  };
  check_cases(cases);
}

TEST_CASE("html_to_text decodes character references") {
  const Case cases[] = {
      {"&#233; &#xE9; &#XE9; &#0233;", "\u00E9 \u00E9 \u00E9 \u00E9"},
      {"&#65&#x42;C", "ABC"},                               // ';' optional for numeric ones
      {"&#0; &#xD800; &#x110000; &#99999999999999999999;", "\uFFFD \uFFFD \uFFFD \uFFFD"},
      {"&#x1F600;", "\U0001F600"},
      {"&#150; &#147;x&#148; &#128;", "\u2013 \u201Cx\u201D \u20AC"},  // Windows-1252, as in browsers
      {"&#; &#x; &# 1", "&#; &#x; &# 1"},                 // no digits: literal
      {"&amp; &lt; &gt; &quot; &apos;", "& < > \" '"},
      {"&eacute;&aacute;&uuml;&szlig;&copy;&reg;&laquo;&raquo;&middot;&yuml;&iexcl;",
       "\u00E9\u00E1\u00FC\u00DF\u00A9\u00AE\u00AB\u00BB\u00B7\u00FF\u00A1"},
      {"&ndash;&mdash;&lsquo;&rsquo;&ldquo;&rdquo;&sbquo;&bdquo;&hellip;&bull;&trade;&euro;",
       "\u2013\u2014\u2018\u2019\u201C\u201D\u201A\u201E\u2026\u2022\u2122\u20AC"},
      {"&prime;&Prime;&thinsp;&ensp;&emsp;&zwj;&zwnj;&lrm;&rlm;&dagger;&Dagger;&permil;",
       "\u2032\u2033\u2009\u2002\u2003\u200D\u200C\u200E\u200F\u2020\u2021\u2030"},
      {"&lsaquo;&rsaquo;&oelig;&OElig;&scaron;&Scaron;&Yuml;&fnof;&circ;&tilde;",
       "\u2039\u203A\u0153\u0152\u0161\u0160\u0178\u0192\u02C6\u02DC"},
      {"&Alpha;&alpha;&Omega;&omega;&Sigma;&sigma;&sigmaf;&thetasym;",
       "\u0391\u03B1\u03A9\u03C9\u03A3\u03C3\u03C2\u03D1"},
      {"&foo; &Eacutex; &AMP; &amp", "&foo; \u00C9x; & &"},
      {"&copy2024 AT&T R&D &nbsp", "\u00A92024 AT&T R&D \u00A0"},  // legacy names without ';'
      {"&notit; &ampx;", "\u00ACit; &x;"},                  // longest legacy prefix, as in browsers
      {"&mdash &hellip", "&mdash &hellip"},                 // newer names need their ';'
      {"&Amp; &NBSP;", "&Amp; &NBSP;"},                     // names are case-sensitive
      {"&lt;p&gt;not a tag&lt;/p&gt;", "<p>not a tag</p>"},
      {"a&#32;&#32;b&#10;c", "a b c"},                      // decoded whitespace collapses too
  };
  check_cases(cases);
}

TEST_CASE("html_to_text never shows attribute values") {
  const Case cases[] = {
      {"<img src=x onerror=alert(1)>", ""},
      {"<a href=\"javascript:alert(1)\">link</a>", "link"},
      {"<a title=\"x>y\">z</a>", "z"},
      {"<a title='x>y' data-x=\"'>'\">z</a>", "z"},
      {"<a href=/a/b/>z</a>", "z"},                         // '/' belongs to an unquoted value
      {"<img alt=\"A picture\" title=\"Hover\">", ""},
      {"<div onclick=\"a()\" style=\"display:none\">still text</div>", "still text"},
      {"<a b\"c>z</a>", "z"},                               // a quote inside a name opens nothing
      {"<a =x>z</a>", "z"},
      {"<p\nclass=x\n>z</p\n>", "z"},
  };
  check_cases(cases);
}

TEST_CASE("html_to_text survives malformed and hostile markup") {
  const Case cases[] = {
      {"a < b and c > d", "a < b and c > d"},
      {"1 <3 2", "1 <3 2"},
      {"x <", "x <"},
      {"x </", "x </"},
      {"a</>b", "ab"},
      {"a</ x>b", "ab"},                                    // bogus comment
      {"text<a href='x", "text"},                           // tag cut off by the end: dropped
      {"text<a href=x", "text"},
      {"text<div", "text"},
      {"a<!-- never closed <p>b</p>", "a"},
      {"a<![CDATA[ never closed", "a"},
      {"a<!doctype", "a"},
      {"a<script>document.write(\"</scr\" + \"ipt>\"); b</script>c", "ac"},
      {"a<script>x = '<!--';</script>b", "ab"},
      {"a<script>x</SCRIPT >b", "ab"},
      {"a<SCRIPT type=text/javascript>x</script foo=\"bar\">b", "ab"},
      {"a<script>x</scripty></script>b", "ab"},
      {"a<script>never closed <p>b</p>", "a"},
      {"a<style>never closed", "a"},
      {"a<textarea>never closed <p>b</p>", "a\n\nnever closed <p>b</p>"},
      {"a<script/>b</script>c", "ac"},                      // self-closing is ignored on HTML elements
      {"</div></div></p>a<div>", "a"},                      // unbalanced
      {"<b><i>a</b></i>b", "ab"},
      {"<p>a<div>b</p>c</div>", "a\n\nb\n\nc"},
      {"a</template>b</svg>c", "abc"},                      // stray end tags
  };
  check_cases(cases);
  CHECK(html_to_text(std::string_view("a\0b", 3)) == std::string("a\0b", 3));
}

TEST_CASE("html_to_text of a realistic news article") {
  const char* page = R"(<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>The Independence Debate | The Daily Historian</title>
  <meta name="description" content="A look back &amp; forward">
  <link rel="stylesheet" href="/site.css">
  <style>body { font-family: serif; } .ad > p { display: none; }</style>
  <script>
    window.dataLayer = [];
    if (a < b && c > d) { document.write("</scr" + "ipt>"); }
  </script>
</head>
<body>
  <nav class="top"><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>
  <!-- article starts -->
  <article>
    <h1>The &ldquo;Independence&rdquo; Debate</h1>
    <p class="byline">By Jane&nbsp;Doe &middot; July&nbsp;4, 2026</p>
    <p>In 1776, the Second Continental Congress adopted the
       Declaration &mdash; a text that historians still read
       closely.</p>
    <p>&ldquo;We hold these truths to be self-evident,&rdquo; it begins. Caf&eacute; owners
       in Philadelphia reportedly celebrated.<br>
       Nobody agrees on the details&hellip;</p>
    <figure><img src="decl.jpg" alt="The Declaration"><figcaption>The engrossed copy, 1776.</figcaption></figure>
  </article>
  <aside><script src="ads.js"></script><iframe src="ad.html">ad fallback</iframe></aside>
  <footer><p>&copy; 2026 The Daily Historian. All rights reserved.</p></footer>
</body>
</html>
)";
  const std::string expected =
      "The Independence Debate | The Daily Historian\n\n"
      "Home\n\n"
      "World\n\n"
      "The \u201CIndependence\u201D Debate\n\n"
      "By Jane\u00A0Doe \u00B7 July\u00A04, 2026\n\n"
      "In 1776, the Second Continental Congress adopted the Declaration \u2014 a text that historians still "
      "read closely.\n\n"
      "\u201CWe hold these truths to be self-evident,\u201D it begins. Caf\u00E9 owners in Philadelphia "
      "reportedly celebrated.\n"
      "Nobody agrees on the details\u2026\n\n"
      "The engrossed copy, 1776.\n\n"
      "\u00A9 2026 The Daily Historian. All rights reserved.";
  CHECK(html_to_text(page) == expected);
}

TEST_CASE("html_to_text handles huge and deeply nested input without recursion") {
  SUBCASE("100,000 nested divs") {
    const std::string html = concat({repeat("<div>", 100000), "deep", repeat("</div>", 100000)});
    CHECK(html_to_text(html) == "deep");
  }
  SUBCASE("100,000 nested svgs, templates and unclosed pres") {
    CHECK(html_to_text(concat({repeat("<svg>", 100000), "x", repeat("</svg>", 100000), "y"})) == "y");
    CHECK(html_to_text(concat({repeat("<template>", 100000), "x", repeat("</template>", 100000), "y"})) == "y");
    CHECK(html_to_text(concat({repeat("<pre>", 100000), "x"})) == "x");
  }
  SUBCASE("5 MB of paragraphs") {
    const std::string paragraph = "<p>Paragraph with &amp; entity and <b>bold</b> text.</p>\n";
    const std::size_t count = 5'000'000 / paragraph.size() + 1;
    const std::string text = html_to_text(repeat(paragraph, count));
    const std::string expected_paragraph = "Paragraph with & entity and bold text.";
    CHECK(text.size() == count * expected_paragraph.size() + (count - 1) * 2);
    CHECK(text.starts_with(concat({expected_paragraph, "\n\n"})));
    CHECK(text.ends_with(concat({"\n\n", expected_paragraph})));
  }
  SUBCASE("1 MB attribute values, names and unterminated constructs") {
    const std::string mb = repeat("x>", 500000);
    CHECK(html_to_text(concat({"<a title=\"", mb, "\">link</a>"})) == "link");
    CHECK(html_to_text(concat({"a<a title=\"", mb})) == "a");
    CHECK(html_to_text(concat({"<", repeat("x", 1000000), ">z"})) == "z");
    CHECK(html_to_text(concat({"a<!--", repeat("-", 1000000)})) == "a");
    CHECK(html_to_text(concat({"a<script>", repeat("</scrip", 200000), "</script>b"})) == "ab");
  }
  SUBCASE("1 MB of things that are almost markup or references") {
    check_shape(html_to_text(repeat("&", 1000000)));
    CHECK(html_to_text(repeat("&amp", 250000)) == repeat("&", 250000));
    CHECK(html_to_text(concat({"&", repeat("a", 1000000)})) == concat({"&", repeat("a", 1000000)}));
    CHECK(html_to_text(repeat("&#", 500000)) == repeat("&#", 500000));
    CHECK(html_to_text(repeat("< ", 500000)) == concat({repeat("< ", 499999), "<"}));
    CHECK(html_to_text(concat({"a", repeat("</", 500000)})) == "a");  // "</<" opens a bogus comment, as in browsers
    CHECK(html_to_text(concat({"&#", repeat("9", 1000000), ";"})) == "\uFFFD");
  }
}

TEST_CASE("looks_like_html sniffs documents, not text that mentions tags") {
  struct Sniff {
    const char* bytes;
    bool html;
  };
  const Sniff cases[] = {
      {"<!DOCTYPE html><html><body>x</body></html>", true},
      {"\xEF\xBB\xBF  \n<!doctype HTML PUBLIC \"-//W3C//DTD HTML 4.01//EN\">", true},
      {"<html lang=en>", true},
      {"<HEAD><title>x</title>", true},
      {"<body>", true},
      {"<?xml version=\"1.0\"?>\n<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\">", true},
      {"<!-- saved from url=(0014)about:internet -->\n<html>", true},
      {"<p>A fragment.</p><p>Another.</p>", true},
      {"Some text<br>\nmore text<br>\n", true},
      {"<div class=\"post\">Text", false},                  // one block tag alone is not enough
      {"Use <b>bold</b> and <i>italic</i> sparingly.", false},
      {"The <p> element marks a paragraph.", false},
      {"if a < b and b > c then <html is not a tag", false},
      {"<htmlish>", false},
      {"<!doctype xml>", false},
      {"plain text", false},
      {"", false},
      {"<!-- never closed <html>", false},
  };
  for (const Sniff& c : cases) {
    CAPTURE(c.bytes);
    CHECK(textx::looks_like_html(c.bytes) == c.html);
  }
  // Block tags count only early on.
  CHECK_FALSE(textx::looks_like_html(concat({std::string(5000, 'x'), "<p>a</p><p>b</p>"})));
}
