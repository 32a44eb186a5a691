package org.nightjar.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MainTest {

  @Test
  void everyCommandAnswersHelp() {
    List<List<String>> paths = new ArrayList<>();
    collect(Main.commandLine(), new ArrayList<>(), paths);
    assertTrue(paths.size() >= 14, "commands found: " + paths);
    PrintStream console = System.err;
    ByteArrayOutputStream warnings = new ByteArrayOutputStream();
    System.setErr(new PrintStream(warnings, true, StandardCharsets.UTF_8));
    try {
      for (List<String> path : paths) {
        CommandLine cli = Main.commandLine();
        StringWriter out = new StringWriter();
        cli.setOut(new PrintWriter(out));
        List<String> args = new ArrayList<>(path);
        args.add("--help");
        assertEquals(0, cli.execute(args.toArray(String[]::new)), String.join(" ", args));
        assertTrue(out.toString().startsWith("Usage: nightjar"), String.join(" ", args) + ":\n" + out);
      }
    } finally {
      System.setErr(console);
    }
    // picocli warns on standard error, e.g. of a lone % in a description, and prints it raw.
    assertFalse(warnings.toString(StandardCharsets.UTF_8).contains("picocli WARN"), warnings.toString(StandardCharsets.UTF_8));
  }

  private static void collect(CommandLine command, List<String> prefix, List<List<String>> paths) {
    paths.add(prefix);
    command.getSubcommands().forEach((name, sub) -> {
      if (!name.equals("help")) {
        List<String> path = new ArrayList<>(prefix);
        path.add(name);
        collect(sub, path, paths);
      }
    });
  }
}
