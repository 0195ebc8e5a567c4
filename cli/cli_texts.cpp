// SPDX-License-Identifier: MIT
#include "cli/cli_texts.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdlib>
#include <regex>

namespace lotse::cli {
namespace {

using engine::Lang;

// Every subcommand and option of `lotse` in German and English. A new option needs a line here
// (tests/cli/cli_texts_test.cpp walks every --help and names the missing ones).
constexpr std::array texts{
    CliText{"", "", "lotse - Prozesslotse: Medienbrüche, Aufwand und Digitalisierungsmaßnahmen für kommunale Prozesse",
            "lotse - Prozesslotse: media breaks, workload and digitisation measures for municipal processes"},
    CliText{"", "--version", "Programmversion anzeigen und beenden", "Show the program version and exit"},
    CliText{"", "--help", "Diese Hilfe anzeigen und beenden", "Show this help and exit"},
    CliText{"", "--data-dir",
            "Ordner mit dem Datensatz (StBA-Tabellen, Lexikon, Maßnahmenkatalog); Standard: LOTSE_DATA_DIR, sonst "
            "<Programmordner>/../share/lotse (siehe data/README.md)",
            "Folder of the data set (StBA tables, lexicon, measures catalogue); default: LOTSE_DATA_DIR, else "
            "<program folder>/../share/lotse (see data/README.md)"},
    // shared by several subcommands (command "*")
    CliText{"*", "--help", "Diese Hilfe anzeigen und beenden", "Show this help and exit"},
    CliText{"*", "--lang", "Sprache der Ausgabe: de (Standard) oder en", "Output language: de (default) or en"},
    CliText{"*", "--quiet", "Keine Fortschrittsanzeige und keine Warnungen auf stderr",
            "No progress display and no warnings on stderr"},
    CliText{"*", "--verbose", "Mehr Einzelheiten (auch Hinweise)", "More detail (notes too)"},
    CliText{"*", "--max-input-mb", "Größte Eingabedatei in MB (Standard 256); größere Dateien und endlose Geräte werden nicht gelesen",
            "Largest input file in MB (default 256); larger files and endless devices are not read"},
    CliText{"*", "--recursive", "Ordner mit Unterordnern nach Modelldateien durchsuchen",
            "Search folders and their sub-folders for model files"},
    CliText{"*", "--data-dir",
            "Ordner mit dem Datensatz (StBA-Tabellen, Lexikon, Maßnahmenkatalog); Standard: LOTSE_DATA_DIR, sonst "
            "<Programmordner>/../share/lotse (siehe data/README.md)",
            "Folder of the data set (StBA tables, lexicon, measures catalogue); default: LOTSE_DATA_DIR, else "
            "<program folder>/../share/lotse (see data/README.md)"},
    CliText{"*", "--tables-override",
            "Ortswerte: JSON-Datei mit eigenen Zeitwerten/Kostensätzen der Kommune, die einzelne Werte der "
            "StBA-Standardtabellen ersetzt (siehe data/README.md), z. B. --tables-override samples/ortswerte-musterstadt.json",
            "Local values: JSON file with the town's own time values/cost rates replacing single entries of the "
            "StBA default tables (see data/README.md), e.g. --tables-override samples/ortswerte-musterstadt.json"},
    CliText{"*", "files", "Prozessmodelle (BPMN, PICTURE-XML, XProzess, Bausteintabelle CSV) oder Ordner damit",
            "Process models (BPMN, PICTURE XML, XProzess, building-block table CSV) or folders holding them"},
    // check
    CliText{"check", "", "Modelle prüfen und Befunde wie ein Compiler ausgeben", "Check models and print findings like a compiler"},
    // stats
    CliText{"stats", "", "Zählen, was gelesen wurde", "Count what was read"},
    CliText{"stats", "--format", "text (Standard), json oder jsonl", "text (default), json or jsonl"},
    // analyze
    CliText{"analyze", "", "Bericht: Medienbrüche, Aufwand, Maßnahmen", "Report: media breaks, workload, measures"},
    CliText{"analyze", "--format",
            "html, md, json, jsonl, docx, xlsx, pdf, poster (A3), csv (alle Tabellen) oder eine Liste wie md,docx "
            "(Standard: html in Dateien, md bei -o -)",
            "html, md, json, jsonl, docx, xlsx, pdf, poster (A3), csv (every table) or a list like md,docx "
            "(default: html into files, md with -o -)"},
    CliText{"analyze", "--csv-dialect",
            "CSV-Konventionen für --format csv: standard (Komma, Dezimalpunkt) oder excel-de (BOM, Semikolon, "
            "Dezimalkomma: öffnet in deutschem Excel/LibreOffice)",
            "CSV conventions for --format csv: standard (comma, decimal point) or excel-de (BOM, semicolon, "
            "decimal comma: opens in German Excel/LibreOffice)"},
    CliText{"analyze", "--town", "Kommune für Kopf- und Fußzeile des Berichts", "Town shown in the report's header and footer"},
    CliText{"analyze", "--author", "Bearbeiterin/Bearbeiter für Kopf- und Fußzeile", "Author shown in the report's header and footer"},
    CliText{"analyze", "--date", "Stand (JJJJ-MM-TT) im Bericht; ohne Angabe kein Datum",
            "Date of the report (YYYY-MM-DD); none without it"},
    CliText{"analyze", "--uptake",
            "Nutzungsquote einer bürgerseitigen Maßnahme, z. B. --uptake online_application=0,4 (wiederholbar)",
            "Uptake of a citizen-facing measure, e.g. --uptake online_application=0.4 (repeatable)"},
    CliText{"analyze", "--template", "Word-Vorlage der Kommune (.docx): Formatvorlagen und Kopfzeile mit Logo",
            "The town's Word template (.docx): styles and a header with the logo"},
    CliText{"analyze", "--stamp", "heutiges Datum als Stand in den Bericht schreiben", "Put today's date into the report"},
    CliText{"analyze", "--output", "Zielordner (wird angelegt) oder - für die Standardausgabe (Standard: .)",
            "Target folder (created if missing) or - for standard output (default: .)"},
    CliText{"analyze", "--cases-per-year", "Fallzahl pro Jahr statt der im Modell", "Cases per year instead of the model's"},
    CliText{"analyze", "--hours-per-fte", "Arbeitsstunden je VZÄ und Jahr (Standard 1600)",
            "Working hours per FTE and year (default 1600)"},
    CliText{"analyze", "--verteilzeit", "Verteilzeitzuschlag auf die Personalkosten als Faktor, z. B. 1,1 (Standard 1,0)",
            "Allowance for personal and idle time on the personnel cost as a factor, e.g. 1.1 (default 1.0)"},
    CliText{"analyze", "--lead-time", "Durchlaufzeit simulieren (dauert länger)", "Simulate the lead time (takes longer)"},
    CliText{"analyze", "--soll",
            "Soll-Modell desselben Verfahrens: Ist/Soll-Vergleich mit genau einem Ist-Modell, Bericht <ist>-vergleich.<format>",
            "To-be model of the same service: as-is/to-be comparison with exactly one as-is model, report <as-is>-vergleich.<format>"},
    // agenda, compare (issue #11)
    CliText{"agenda", "", "Portfolio einer Gemeinde: Agenda-Kapitel, Ratsvorlage, Arbeitsmappe",
            "A town's portfolio: agenda chapter, council paper, workbook"},
    CliText{"agenda", "inputs", "Ordner der Gemeinde oder Modelldateien", "The town's folder or model files"},
    CliText{"agenda", "--town-file", "Stadtdatei (JSON); Standard: stadt.json im Ordner", "Town file (JSON); default: stadt.json in the folder"},
    CliText{"agenda", "--format", "html, md, json, docx, xlsx, pdf oder eine Liste (Standard: html,docx,xlsx,pdf; json bei -o -)",
            "html, md, json, docx, xlsx, pdf or a list (default: html,docx,xlsx,pdf; json with -o -)"},
    CliText{"agenda", "--output", "Zielordner (wird angelegt) oder - für die Standardausgabe (Standard: .)",
            "Output folder (created) or - for standard output (default: .)"},
    CliText{"workshop", "", "Workshop-Material einer Gemeinde: Foliensatz, Steckbriefe, Poster",
            "Workshop material of a town: slide deck, measure profiles, posters"},
    CliText{"workshop", "inputs", "Ordner der Gemeinde oder Modelldateien", "The town's folder or model files"},
    CliText{"workshop", "--town-file", "Stadtdatei (JSON); Standard: stadt.json im Ordner", "Town file (JSON); default: stadt.json in the folder"},
    CliText{"workshop", "--output", "Zielordner (wird angelegt; Standard: .)", "Output folder (created; default: .)"},
    CliText{"workshop", "--no-posters", "keine A3-Poster je Modell schreiben", "Write no A3 poster per model"},
    CliText{"compare", "", "Dieselbe Leistung in mehreren Gemeinden vergleichen", "Compare the same service across towns"},
    CliText{"compare", "towns", "Ordner je Gemeinde (Modelle und stadt.json)", "One folder per town (models and stadt.json)"},
    CliText{"compare", "--service", "nur diese Leistung (Dateiname ohne Endung, z. B. hundesteuer)",
            "Only this service (file name without extension, e.g. hundesteuer)"},
    CliText{"compare", "--anonym", "Gemeinden als Gemeinde A, B, ... zeigen", "Show towns as Gemeinde A, B, ..."},
    CliText{"compare", "--format", "html, md, json, xlsx, docx, pdf oder eine Liste (Standard: html,xlsx; json bei -o -)",
            "html, md, json, xlsx, docx, pdf or a list (default: html,xlsx; json with -o -)"},
    CliText{"compare", "--output", "Zielordner (wird angelegt) oder - für die Standardausgabe (Standard: .)",
            "Output folder (created) or - for standard output (default: .)"},
    CliText{"agenda", "--hours-per-fte", "Arbeitsstunden je VZÄ und Jahr (Standard 1600)", "Working hours per FTE and year (default 1600)"},
    CliText{"agenda", "--uptake", "Nutzungsquote einer bürgerseitigen Maßnahme, z. B. --uptake online_application=0,4 (wiederholbar)",
            "Uptake of a citizen-facing measure, e.g. --uptake online_application=0.4 (repeatable)"},
    CliText{"agenda", "--date", "Stand (JJJJ-MM-TT) in den Dokumenten; ohne Angabe kein Datum", "Date (YYYY-MM-DD) shown in the documents; none by default"},
    CliText{"agenda", "--stamp", "heutiges Datum als Stand in die Dokumente schreiben", "Put today's date into the documents"},
    CliText{"compare", "--hours-per-fte", "Arbeitsstunden je VZÄ und Jahr (Standard 1600)", "Working hours per FTE and year (default 1600)"},
    CliText{"compare", "--uptake", "Nutzungsquote einer bürgerseitigen Maßnahme, z. B. --uptake online_application=0,4 (wiederholbar)",
            "Uptake of a citizen-facing measure, e.g. --uptake online_application=0.4 (repeatable)"},
    CliText{"compare", "--date", "Stand (JJJJ-MM-TT) in den Dokumenten; ohne Angabe kein Datum", "Date (YYYY-MM-DD) shown in the documents; none by default"},
    CliText{"compare", "--stamp", "heutiges Datum als Stand in die Dokumente schreiben", "Put today's date into the documents"},
    CliText{"workshop", "--hours-per-fte", "Arbeitsstunden je VZÄ und Jahr (Standard 1600)", "Working hours per FTE and year (default 1600)"},
    CliText{"workshop", "--uptake", "Nutzungsquote einer bürgerseitigen Maßnahme, z. B. --uptake online_application=0,4 (wiederholbar)",
            "Uptake of a citizen-facing measure, e.g. --uptake online_application=0.4 (repeatable)"},
    CliText{"workshop", "--date", "Stand (JJJJ-MM-TT) in den Dokumenten; ohne Angabe kein Datum", "Date (YYYY-MM-DD) shown in the documents; none by default"},
    CliText{"workshop", "--stamp", "heutiges Datum als Stand in die Dokumente schreiben", "Put today's date into the documents"},
    // simulate
    CliText{"simulate", "", "Durchlaufzeit und Auslastung simulieren", "Simulate lead time and utilisation"},
    CliText{"simulate", "file", "Prozessmodell oder - für die Standardeingabe", "Process model, or - for standard input"},
    CliText{"simulate", "--cases", "Fälle je Durchlauf (Standard: processInstances des Modells, sonst 10000)",
            "Cases per replication (default: the model's processInstances, else 10000)"},
    CliText{"simulate", "--seed", "Startwert des Zufallsgenerators (Standard 1)", "Random seed (default 1)"},
    CliText{"simulate", "--replications", "Unabhängige Durchläufe für Vertrauensintervalle (Standard 5)",
            "Independent replications for confidence intervals (default 5)"},
    CliText{"simulate", "--threads", "Rechenkerne (Standard: alle); ändert nie die Ergebnisse",
            "Worker threads (default: all cores); never changes the results"},
    CliText{"simulate", "--format", "text (Standard) oder json", "text (default) or json"},
    CliText{"simulate", "--log",
            "Ereignisprotokoll schreiben: DATEI.xes (XES), DATEI.csv (Spalten wie BIMP/Prosimos) oder - (Standardausgabe; "
            "die Zusammenfassung geht dann auf die Fehlerausgabe)",
            "Event log to write: FILE.xes (XES), FILE.csv (BIMP/Prosimos columns) or - (standard output; the summary "
            "then goes to standard error)"},
    CliText{"simulate", "--log-format", "Format von --log - : csv (Standard) oder xes", "Format of --log - : csv (default) or xes"},
    CliText{"simulate", "--log-replications",
            "Replikationen im Ereignisprotokoll: 1 (Standard, die erste) oder all (Fallnummern laufen über die "
            "Replikationen weiter)",
            "Replications in the event log: 1 (default, the first) or all (case ids go on across replications)"},
    CliText{"simulate", "--csv-dialect",
            "CSV-Konventionen: standard (Kommas, ISO-Zeiten, für Process-Mining-Werkzeuge) oder excel-de (BOM, Semikolons, "
            "Ortszeit: öffnet in deutschem Excel/LibreOffice)",
            "CSV conventions: standard (default; commas, ISO times, for process-mining tools) or excel-de (BOM, semicolons, "
            "local times: opens in German Excel/LibreOffice)"},
    CliText{"simulate", "--max-log-mb", "Größtes Ereignisprotokoll in MB (Standard 2048); ein größeres wird nicht geschrieben",
            "Largest event log to write in MB (default 2048); a larger one is not written"},
    CliText{"simulate", "--time-zone", "Zeitzone der Modelluhr und der Protokollzeiten (Standard Europe/Berlin)",
            "Time zone of the model's clock and of log times (default Europe/Berlin)"},
    CliText{"simulate", "--cases-per-year", "Ankunftsrate als Fallzahl pro Jahr, innerhalb der Öffnungszeiten",
            "Arrival rate as cases per year (Fallzahl), within opening hours"},
    CliText{"simulate", "--staff", "Personen in einem Ressourcenpool, z. B. --staff Sachbearbeitung=3; Teilzeit mit eigenen Arbeitszeiten: --staff \"Sachbearbeitung=2, 1 (Mo-Mi 08:00-12:00)\" (mehrfach möglich)",
            "Persons in a resource pool, e.g. --staff Sachbearbeitung=3; part-time staff with their own hours: --staff \"Sachbearbeitung=2, 1 (Mo-We 08:00-12:00)\" (repeatable)"},
    CliText{"simulate", "--timetable", "Arbeitszeiten aller Ressourcen, z. B. \"Mo-Fr 08:00-16:00; Sa 09:00-12:00\"",
            "Working hours of every resource, e.g. \"Mo-Fr 08:00-16:00; Sa 09:00-12:00\""},
    CliText{"simulate", "--arrival-timetable",
            "Zeiten, in denen Vorgänge eingehen, z. B. \"Mo-Fr 08:00-16:00\" (Standard: rund um die Uhr, mit "
            "--cases-per-year der Standard-Arbeitszeitplan)",
            "Hours in which cases arrive, e.g. \"Mo-Fr 08:00-16:00\" (default: around the clock, or the default "
            "timetable with --cases-per-year)"},
    CliText{"simulate", "--holidays",
            "Tage, an denen alle Arbeitszeitpläne ruhen: sachsen (gesetzliche Feiertage in Sachsen), Daten wie "
            "2026-12-24, -2026-10-31 öffnet einen Feiertag; durch Kommas getrennt",
            "Days on which every timetable is closed: sachsen (public holidays of Saxony), dates such as 2026-12-24, "
            "-2026-10-31 opens a holiday; comma-separated"},
    CliText{"simulate", "--scenario",
            "Prosimos-Szenario (JSON), dessen Parameter die des Modells ersetzen (Standard: <Modell>.json neben dem "
            "Modell, wenn es eines ist)",
            "Prosimos scenario (JSON) whose parameters replace the model's (default: <model>.json next to the model, "
            "when it is one)"},
    CliText{"simulate", "--no-scenario", "Ein Prosimos-Szenario neben dem Modell nicht verwenden",
            "Do not apply a Prosimos scenario found next to the model"},
    // convert
    CliText{"convert", "", "Als BPMN 2.0 mit Diagramm schreiben", "Write as BPMN 2.0 with a diagram"},
    CliText{"convert", "input", "Eingabedatei (BPMN, PICTURE-XML, XProzess 2.0, Bausteintabelle CSV)",
            "Input file (BPMN, PICTURE XML, XProzess 2.0, building-block table CSV)"},
    CliText{"convert", "--output", "Ausgabedatei .bpmn, - für die Standardausgabe", "Output .bpmn file, - for standard output"},
    CliText{"convert", "--for",
            "camunda (Standard: QBP-Block in process/extensionElements, öffnet in Camunda Modeler/bpmn.io) oder "
            "bimp (QBP-Block unter definitions, wie der BIMP-Simulator ihn liest)",
            "camunda (default: QBP block in process/extensionElements, opens in Camunda Modeler/bpmn.io) or "
            "bimp (QBP block under definitions, as the BIMP simulator reads it)"},
    // formats, passes
    CliText{"formats", "", "Unterstützte Eingabeformate auflisten", "List the supported input formats"},
    CliText{"passes", "", "Analyseschritte auflisten", "List the analysis passes"},
};

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

/// CLI11's labels in the help ("Usage", "OPTIONS", "REQUIRED", type names).
void set_labels(CLI::Formatter& f, Lang lang) {
  if (lang == Lang::en) return;
  f.label("Usage", "Aufruf");
  f.label("OPTIONS", "OPTIONEN");
  f.label("SUBCOMMAND", "UNTERBEFEHL");
  f.label("SUBCOMMANDS", "UNTERBEFEHLE");
  f.label("Positionals", "Argumente");
  f.label("REQUIRED", "PFLICHT");
  f.label("TEXT", "TEXT");
  f.label("FLOAT", "ZAHL");
  f.label("INT", "GANZZAHL");
  f.label("UINT", "GANZZAHL");
  f.label("Needs", "Braucht");
  f.label("Excludes", "Schließt aus");
  f.label("Env", "Umgebung");
}

/// "Examples:" and "Example:" at the start of a footer in `lang`.
std::string localise_footer(const std::string& footer, Lang lang) {
  if (lang == Lang::en) return footer;
  for (const auto& [en, de] : {std::pair{"Examples:", "Beispiele:"}, std::pair{"Example:", "Beispiel:"}}) {
    if (starts_with(footer, en)) return de + footer.substr(std::string_view(en).size());
  }
  return footer;
}

void localise_options(CLI::App& sub, std::string_view command, Lang lang) {
  for (CLI::Option* opt : sub.get_options()) {
    const std::string name = opt->get_name();
    const CliText* t = find_text(command, name);
    if (t == nullptr) t = find_text("*", name);
    if (t != nullptr) opt->description(tr(lang, t->de, t->en));
    opt->group(tr(lang, "Optionen", "Options"));
    if (name == "--lang" || name == "--format" || name == "--for") {
      opt->transform([](std::string v) { return lower(std::move(v)); }, "", "lower case");
    }
  }
}

/// "1.000000" -> "1", "8760.000000" -> "8760" (CLI11 prints range bounds with std::to_string).
std::string plain_number(const std::string& s) {
  if (s.find('.') == std::string::npos) return s;
  std::string t = s;
  while (!t.empty() && t.back() == '0') t.pop_back();
  if (!t.empty() && t.back() == '.') t.pop_back();
  return t;
}

/// A sentence for one CLI11 error message (German), nullopt when the message is not known.
std::optional<std::string> german(const std::string& what) {
  std::smatch m;
  static const std::regex range(R"((.*): Value (.*) not in range (\S+) to (\S+))");
  static const std::regex member(R"((.*): (.*) not in \{(.*)\})");
  static const std::regex required(R"((\S+) is required)");
  static const std::regex extras(R"(The following arguments? (?:was|were) not expected: (.*))");
  static const std::regex convert(R"(Could not convert: (\S+) = (.*))");
  static const std::regex count(R"(Expected (?:exactly|at least) \d+ arguments? to (\S+), got \d+)");
  static const std::regex missing(R"((\S+): \d+ required .* missing)");
  static const std::regex excludes(R"((\S+) excludes (\S+))");
  static const std::regex requires_(R"((\S+) requires (\S+))");
  static const std::regex validation(R"((--?[A-Za-z][\w-]*|\w+): (.*))");
  if (std::regex_match(what, m, range)) {
    const double hi = std::atof(m[4].str().c_str());
    if (hi > 1e300) return m[1].str() + ": " + m[2].str() + " ist keine positive Zahl";
    return m[1].str() + ": " + m[2].str() + " liegt nicht zwischen " + plain_number(m[3]) + " und " + plain_number(m[4]);
  }
  if (std::regex_match(what, m, member)) {
    return m[1].str() + ": „" + m[2].str() + "“ ist nicht möglich; erlaubt sind " + m[3].str();
  }
  if (std::regex_match(what, m, required)) {
    const std::string name = m[1];
    if (starts_with(name, "-")) return "Die Angabe " + name + " fehlt (Pflichtangabe)";
    return "Es fehlt die Eingabe (" + name + "): bitte mindestens eine Datei oder einen Ordner angeben";
  }
  if (std::regex_match(what, m, extras)) return "Nicht erwartete Angabe(n): " + m[1].str();
  if (std::regex_match(what, m, convert)) return m[1].str() + ": „" + m[2].str() + "“ ist keine gültige Zahl";
  if (std::regex_match(what, m, count) || std::regex_match(what, m, missing)) {
    return m[1].str() + ": hier fehlt ein Wert";
  }
  if (std::regex_match(what, m, excludes)) return m[1].str() + " und " + m[2].str() + " schließen sich aus";
  if (std::regex_match(what, m, requires_)) return m[1].str() + " braucht auch " + m[2].str();
  if (what.find("not found") != std::string::npos) return "Unbekannte Option: " + what.substr(0, what.find(' '));
  if (std::regex_match(what, m, validation)) {
    // Messages of lotse's own checks (cmd_*.cpp) are English: known ones get their German text.
    const std::string msg = m[2];
    if (msg.find("expected md, html, json") != std::string::npos) {
      return m[1].str() + ": erwartet md, html, json oder eine Liste davon wie md,html";
    }
    if (msg.find("needs a .xes or .csv") != std::string::npos) {
      return m[1].str() + ": braucht einen Dateinamen auf .xes oder .csv";
    }
  }
  return std::nullopt;
}

/// The subcommand list for "a subcommand is required".
std::string subcommand_hint(const CLI::App& app, Lang lang) {
  std::string out = tr(lang, "lotse braucht einen Unterbefehl. Möglich sind:\n", "lotse needs a subcommand:\n");
  for (const CLI::App* sub : app.get_subcommands({})) {
    std::string name = sub->get_name();
    name.resize(std::max<std::size_t>(name.size(), 10), ' ');
    out += "  " + name + sub->get_description() + "\n";
  }
  out += tr(lang, "Beispiel: lotse analyze prozess.bpmn\nMehr dazu: lotse --help\n",
            "Example: lotse analyze process.bpmn\nMore: lotse --help\n");
  return out;
}

} // namespace

engine::Lang language_from(const std::vector<std::string>& args) {
  for (std::size_t i = 0; i < args.size(); ++i) {
    std::string v;
    if (args[i] == "--lang" && i + 1 < args.size()) v = args[i + 1];
    if (starts_with(args[i], "--lang=")) v = args[i].substr(7);
    if (!v.empty()) return lower(v) == "en" ? Lang::en : Lang::de;
  }
  for (const char* var : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
    const char* value = std::getenv(var);
    if (value != nullptr && *value != '\0') return starts_with(value, "en") ? Lang::en : Lang::de;
  }
  return Lang::de;
}

const CliText* find_text(std::string_view command, std::string_view option) {
  const auto it = std::find_if(texts.begin(), texts.end(),
                               [&](const CliText& t) { return t.command == command && t.option == option; });
  return it == texts.end() ? nullptr : &*it;
}

std::string exit_code_help(Lang lang) {
  return tr(lang,
            "Rückgabewerte (exit codes):\n"
            "  0   in Ordnung (Warnungen möglich)\n"
            "  1   Befunde der Schwere Fehler in einem lesbaren Modell\n"
            "  2   Aufruffehler (falsche Optionen)\n"
            "  65  Eingabe nicht lesbar (die übrigen Dateien werden trotzdem verarbeitet)\n"
            "  70  interner Fehler\n"
            "  74  eine Ausgabedatei konnte nicht geschrieben werden\n",
            "Exit codes:\n"
            "  0   ok (warnings allowed)\n"
            "  1   findings of error severity in a readable model\n"
            "  2   usage error (wrong options)\n"
            "  65  unreadable or unparsable input (other files of the batch are still processed)\n"
            "  70  internal error\n"
            "  74  an output file could not be written\n");
}

void localise(CLI::App& app, Lang lang) {
  auto formatter = std::make_shared<CLI::Formatter>();
  set_labels(*formatter, lang);
  // Room for a long option with its type ("--log-format TEXT:{csv,xes}") so a description never
  // touches its option.
  formatter->column_width(34);
  app.formatter(formatter);
  const CliText* about = find_text("", "");
  app.description(tr(lang, about->de, about->en));
  app.set_help_flag("-h,--help", tr(lang, find_text("", "--help")->de, find_text("", "--help")->en));
  if (CLI::Option* v = app.get_option_no_throw("--version"); v != nullptr) {
    v->description(tr(lang, find_text("", "--version")->de, find_text("", "--version")->en));
  }
  for (CLI::Option* opt : app.get_options()) opt->group(tr(lang, "Optionen", "Options"));
  app.footer(localise_footer(app.get_footer(), lang) + "\n" + exit_code_help(lang));
  app.failure_message([lang](const CLI::App* a, const CLI::Error& e) { return failure_message(*a, e, lang); });
  for (CLI::App* sub : app.get_subcommands({})) {
    const std::string command = sub->get_name();
    sub->formatter(formatter);
    sub->group(tr(lang, "Unterbefehle", "Subcommands"));
    if (const CliText* t = find_text(command, ""); t != nullptr) sub->description(tr(lang, t->de, t->en));
    sub->set_help_flag("-h,--help", tr(lang, find_text("*", "--help")->de, find_text("*", "--help")->en));
    localise_options(*sub, command, lang);
    const std::string own = localise_footer(sub->get_footer(), lang);
    sub->footer(own.empty() ? exit_code_help(lang) : own + "\n" + exit_code_help(lang));
  }
}

std::string failure_message(const CLI::App& app, const CLI::Error& e, Lang lang) {
  const std::string what = e.what();
  if (e.get_name() == "RequiredError" && what.find("subcommand") != std::string::npos) return subcommand_hint(app, lang);
  std::string command = "lotse";
  for (const CLI::App* sub : app.get_subcommands()) command += " " + sub->get_name();
  if (lang == Lang::en) return "lotse: " + what + "\nHelp: " + command + " --help\n";
  const auto de = german(what);
  return "lotse: " + (de ? *de : "Fehler im Aufruf: " + what) + "\nHilfe: " + command + " --help\n";
}

std::string no_findings(Lang lang) { return tr(lang, "keine Befunde", "no findings"); }

} // namespace lotse::cli
