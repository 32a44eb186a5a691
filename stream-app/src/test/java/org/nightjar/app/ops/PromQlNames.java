package org.nightjar.app.ops;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names a PromQL expression selects. A small scanner, not a parser: it strips what
 * cannot be a metric name (strings, label matchers, ranges, numbers, grouping clauses) and keeps
 * the identifiers that are not function calls or keywords. Enough for dashboards and alert rules.
 */
final class PromQlNames {
  private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|`[^`]*`");
  private static final Pattern MATCHERS = Pattern.compile("\\{[^}]*}");
  private static final Pattern RANGE = Pattern.compile("\\[[^]]*]");
  private static final Pattern GROUPING = Pattern.compile(
      "\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
  private static final Pattern OFFSET = Pattern.compile("\\boffset\\s+-?\\w+");
  private static final Pattern NUMBER = Pattern.compile("(?<![\\w:])\\d+(?:\\.\\d+)?(?:[eE][-+]?\\d+)?");
  private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][\\w:]*");
  private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "inf", "nan", "by", "without", "on",
      "ignoring", "group_left", "group_right", "offset");

  private PromQlNames() {}

  static Set<String> of(String expr) {
    String rest = expr;
    for (Pattern strip : new Pattern[] {STRING, MATCHERS, RANGE, GROUPING, OFFSET, NUMBER}) {
      rest = strip.matcher(rest).replaceAll(" ");
    }
    Set<String> names = new TreeSet<>();
    Matcher m = IDENTIFIER.matcher(rest);
    while (m.find()) {
      String word = m.group();
      boolean call = rest.substring(m.end()).stripLeading().startsWith("(");
      if (!call && !KEYWORDS.contains(word.toLowerCase(java.util.Locale.ROOT))) {
        names.add(word);
      }
    }
    return names;
  }
}
