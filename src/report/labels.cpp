#include "report/labels.hpp"

#include <algorithm>
#include <array>

namespace nytta {

namespace {

struct Entry {
  std::string_view key, en, sv, nb;
};

// One entry per text; a unit test checks that every key the code uses has all three.
constexpr Entry kTexts[] = {
    {"aggregates_title", "Aggregate rows against the sum of their units (region rows only where they differ)",
     "Summarader mot summan av deras enheter (länsrader bara där de skiljer sig)",
     "Summerader mot summen av enhetene (regionrader bare der de avviker)"},
    {"alone", "Alone", "Ensam", "Alene"},
    {"balanced", "Balanced", "Jämnt fördelat", "Jevnt fordelt"},
    {"best_unit", "Best unit", "Bästa enhet", "Beste enhet"},
    {"best_value", "Best value", "Bästa värde", "Beste verdi"},
    {"better", "better", "bättre", "bedre"},
    {"cagr", "Per year (CAGR)", "Per år (CAGR)", "Per år (CAGR)"},
    {"category", "Category", "Kategori", "Kategori"},
    // Charts and the page header (src/report/chart_build.cpp, writer_html.cpp).
    {"chart_context_units", "{} units in grey; name some with --unit to follow them",
     "{} enheter i grått; ange några med --unit för att följa dem", "{} enheter i grått; oppgi noen med --unit for å følge dem"},
    {"chart_highlighted", "also shown: {}", "visas också: {}", "vises også: {}"},
    {"chart_of_unit", "% of {}", "% av {}", "% av {}"},
    {"chart_top_bottom", "the top {0} and the bottom {1} of {2} units are shown",
     "de {0} högsta och de {1} lägsta av {2} enheter visas", "de {0} høyeste og de {1} laveste av {2} enhetene vises"},
    {"chart_without_value", "{} units without a value are not shown", "{} enheter utan värde visas inte",
     "{} enheter uten verdi vises ikke"},
    {"page_data", "Data", "Data", "Data"},
    {"page_notes", "Notes", "Anmärkningar", "Merknader"},
    {"page_years", "Years", "År", "År"},
    {"category_benefit", "Benefit", "Nytta", "Nytte"},
    {"category_coverage", "Coverage", "Täckning", "Dekning"},
    {"category_other", "Other", "Övrigt", "Annet"},
    {"category_priority", "Priority", "Prioritering", "Prioritering"},
    {"category_productivity", "Productivity", "Produktivitet", "Produktivitet"},
    {"category_quality", "Quality", "Kvalitet", "Kvalitet"},
    {"change", "Change", "Förändring", "Endring"},
    {"change_first", "Change since {}", "Förändring sedan {}", "Endring siden {}"},
    {"change_since", "{} change since {}", "{}, förändring sedan {}", "{}, endring siden {}"},
    {"code", "Code", "Kod", "Kode"},
    {"compare_title", "{} {}: service analysis against {}", "{} {}: verksamhetsanalys mot {}", "{} {}: tjenesteanalyse mot {}"},
    {"correlation", "correlation of {} and {} over {} units: {}", "korrelation mellan {} och {} över {} enheter: {}",
     "korrelasjon mellom {} og {} over {} enheter: {}"},
    {"deviation_from", "Deviation from {}", "Avvikelse från {}", "Avvik fra {}"},
    {"detail", "Detail", "Förklaring", "Forklaring"},
    {"explain_input_kpi", "KPI", "nyckeltal", "nøkkeltall"},
    {"explain_input_measure", "measure of the data", "mått i data", "mål i dataene"},
    {"explain_input_national", "national value in {}", "rikets värde {}", "landets verdi i {}"},
    {"explain_title", "{} of {} {}", "{} för {} {}", "{} for {} {}"},
    {"formula", "Formula", "Formel", "Formel"},
    {"id", "Id", "Id", "Id"},
    {"item", "Item", "Post", "Post"},
    {"kpis_title", "KPI catalogue {} version {}", "Nyckeltalskatalog {} version {}", "Nøkkeltallskatalog {} versjon {}"},
    {"label", "Label", "Benämning", "Betegnelse"},
    {"similar_title", "Units most like {} in {}", "Enheter mest lika {} {}", "Enheter mest lik {} i {}"},
    {"direction", "Better", "Bättre", "Bedre"},
    {"distance", "Distance", "Avstånd", "Avstand"},
    {"first_year", "First year", "Första året", "Første år"},
    {"from", "From", "Från", "Fra"},
    {"goal_line", "the trend is a least-squares line over {}–{} ({} years); its slope is the change per year",
     "trenden är en minsta-kvadrat-linje över {}–{} ({} år); dess lutning är förändringen per år",
     "trenden er en minste kvadraters linje over {}–{} ({} år); stigningen er endringen per år"},
    {"goal_reached", "Reached", "Uppnått", "Nådd"},
    {"goal_title", "{}: goal {} by {}", "{}: mål {} till {}", "{}: mål {} innen {}"},
    {"goal_year", "Reached in", "Uppnås år", "Nås i"},
    {"higher_better", "higher is better", "högre är bättre", "høyere er bedre"},
    {"index_base", "Index {} ({} = 100)", "Index {} ({} = 100)", "Indeks {} ({} = 100)"},
    {"index_only", "Index ({} = 100)", "Index ({} = 100)", "Indeks ({} = 100)"},
    {"input", "Input", "Insats", "Innsats"},
    {"key_figure", "Key figure", "Nyckeltal", "Nøkkeltall"},
    {"kind", "Kind", "Typ", "Type"},
    {"last_year", "Last year", "Sista året", "Siste år"},
    {"last_year_word", "last year", "förra året", "i fjor"},
    {"latest", "Latest", "Senaste", "Siste"},
    {"lower_better", "lower is better", "lägre är bättre", "lavere er bedre"},
    {"mean", "Mean", "Medelvärde", "Gjennomsnitt"},
    {"mean_of", "Mean of {}", "Medelvärde för {}", "Gjennomsnitt for {}"},
    {"median", "Median", "Median", "Median"},
    {"median_of", "Median of {}", "Median för {}", "Median for {}"},
    {"money", "Money", "Pengar", "Penger"},
    {"movers_down", "Down", "Ned", "Ned"},
    {"movers_title", "Biggest movers in benefit index {}–{}", "Största förändringar i nyttoindex {}–{}",
     "Største endringer i nytteindeks {}–{}"},
    {"movers_up", "Up", "Upp", "Opp"},
    {"name", "Name", "Namn", "Navn"},
    {"national", "National", "Riket", "Landet"},
    {"national_trend_title", "National trend {}–{}", "Rikets utveckling {}–{}", "Utviklingen i landet {}–{}"},
    {"neutral", "neutral", "neutral", "nøytral"},
    {"note_cpi_not_currency", "{} is not a currency KPI: --cpi does not apply",
     "{} är inget nyckeltal i pengar: --cpi används inte", "{} er ikke et nøkkeltall i penger: --cpi brukes ikke"},
    {"note_group_from_sums", "the group value is computed from the sums of the {} units that report every measure of {}",
     "gruppens värde är beräknat på summorna för de {} enheter som redovisar alla mått i {}",
     "gruppens verdi er beregnet av summene for de {} enhetene som rapporterer alle mål i {}"},
    {"note_missing_values", "{} of {} units have no value of {} in {}", "{} av {} enheter saknar värde för {} {}",
     "{} av {} enheter mangler verdi for {} i {}"},
    {"note_national_from_sums", "the national value is computed from the sums of the {} units that report every measure of {}",
     "rikets värde är beräknat på summorna för de {} enheter som redovisar alla mått i {}",
     "landets verdi er beregnet av summene for de {} enhetene som rapporterer alle mål i {}"},
    {"note_published", "{}: taken as published in the data, not computed from its formula; there is no national value from sums of it",
     "{}: taget som det publiceras i data, inte beräknat med sin formel; inget riksvärde kan summeras fram",
     "{}: tatt slik det er publisert i dataene, ikke beregnet med formelen; ingen landsverdi kan summeres"},
    {"note_real_prices", "real values are in {} prices: value × CPI {} / CPI of its year ({})",
     "reala värden i {} års priser: värde × KPI {} / KPI för dess år ({})",
     "reelle verdier i {}-priser: verdi × KPI {} / KPI for året ({})"},
    {"note_reference_differs",
     "the sum of the units differs from the data's national row by more than 1 % for {}; the national row is the reference "
     "(run `nytta validate` for details)",
     "summan av enheterna skiljer sig mer än 1 % från riksraden i data för {}; riksraden är referensen (se `nytta validate`)",
     "summen av enhetene avviker mer enn 1 % fra landsraden i dataene for {}; landsraden er referansen (se `nytta validate`)"},
    {"note_units_incomplete", "{} of {} units have no value of {} in {} or {}, so no change",
     "{} av {} enheter saknar värde för {} {} eller {}, så ingen förändring",
     "{} av {} enheter mangler verdi for {} i {} eller {}, så ingen endring"},
    {"note_units_without", "units without a value in {} (of {}): {}", "enheter utan värde {} (av {}): {}",
     "enheter uten verdi i {} (av {}): {}"},
    {"note_years_missing", "the data have {} of the {} years {}–{}; changes are between the years present",
     "data har {} av de {} åren {}–{}; förändringar är mellan de år som finns",
     "dataene har {} av de {} årene {}–{}; endringer er mellom årene som finnes"},
    {"note", "note", "not", "merknad"},
    {"now", "Now", "Nu", "Nå"},
    {"of", "Of", "Av", "Av"},
    {"option_a", "Option A {}: {} % more benefit at the same cost", "Alternativ A {}: {} % mer nytta till samma kostnad",
     "Alternativ A {}: {} % mer nytte til samme kostnad"},
    {"option_a_money", "the added benefit, valued at today's cost per unit of benefit",
     "den ökade nyttan, värderad till dagens kostnad per nyttoenhet", "den økte nytten, verdsatt til dagens kostnad per nytteenhet"},
    {"option_b", "Option B {}: the same benefit at {} % lower cost", "Alternativ B {}: samma nytta till {} % lägre kostnad",
     "Alternativ B {}: samme nytte til {} % lavere kostnad"},
    {"option_b_money", "the saving at the same benefit", "besparingen vid samma nytta", "innsparingen ved samme nytte"},
    {"own_group", "Own group", "Egen grupp", "Egen gruppe"},
    {"percentile", "Percentile", "Percentil", "Persentil"},
    {"per_year_title", "{} per year", "{} per år", "{} per år"},
    {"projected", "Projected", "Framskrivet", "Framskrevet"},
    {"provenance", "key figures: catalogue {}, version {}, definitions {}", "nyckeltal: katalog {}, version {}, definitioner {}",
     "nøkkeltall: katalog {}, versjon {}, definisjoner {}"},
    {"quadrant", "Quadrant", "Kvadrant", "Kvadrant"},
    {"quadrant_efficient", "efficient: good result, small input", "effektiv: bra resultat, liten insats",
     "effektiv: godt resultat, liten innsats"},
    {"quadrant_frugal", "frugal: weak result, small input", "sparsam: svagt resultat, liten insats",
     "sparsom: svakt resultat, liten innsats"},
    {"quadrant_generous", "generous: good result, large input", "generös: bra resultat, stor insats",
     "raus: godt resultat, stor innsats"},
    {"quadrant_inefficient", "inefficient: weak result, large input", "ineffektiv: svagt resultat, stor insats",
     "ineffektiv: svakt resultat, stor innsats"},
    {"quadrant_title", "{} against {}, {}", "{} mot {}, {}", "{} mot {}, {}"},
    {"quartile", "Quartile", "Kvartil", "Kvartil"},
    {"rank", "Rank", "Rang", "Rangering"},
    {"ranked_title", "{} {}{}, ranked: {}", "{} {}{}, rangordnad: {}", "{} {}{}, rangert: {}"},
    {"real_change", "Real change", "Real förändring", "Reell endring"},
    {"real_of_year", "{} real", "{} realt", "{} reelt"},
    {"real_per_year", "Real per year", "Realt per år", "Reelt per år"},
    {"real_prices", "Real ({} prices)", "Realt ({} års priser)", "Reelt ({}-priser)"},
    {"reference", "Reference", "Referens", "Referanse"},
    {"report_title", "Benefit per krona {}: municipalities ranked by benefit index (100 = national)",
     "Nytta per skattekrona {}: kommunerna rangordnade efter nyttoindex (100 = riket)",
     "Nytte per skattekrone {}: kommunene rangert etter nytteindeks (100 = landet)"},
    {"result", "Result", "Resultat", "Resultat"},
    {"strengths", "Strengths: best against the reference", "Styrkor: bäst mot referensen", "Styrker: best mot referansen"},
    {"summary_cost", "Cost per loan was {} in {}, {} since {} and {} since {}.",
     "Kostnaden per utlån var {} {}, {} sedan {} och {} sedan {}.",
     "Kostnaden per utlån var {} i {}, {} siden {} og {} siden {}."},
    {"summary_first", "In {}, {} has the highest benefit index ({}; the nation = 100) and {} the lowest ({}).",
     "{} har {} högst nyttoindex ({}; riket = 100) och {} lägst ({}).",
     "I {} har {} høyest nytteindeks ({}; landet = 100) og {} lavest ({})."},
    {"summary_movers", "The largest rise since {} is {} ({}), the largest fall {} ({}).",
     "Störst ökning sedan {} har {} ({}), störst minskning {} ({}).",
     "Størst økning siden {} har {} ({}), størst nedgang {} ({})."},
    {"summary_title", "Summary", "Sammanfattning", "Sammendrag"},
    {"summary_trend", "Nationally, loans changed {} and visits {} from {} to {}, while the cost changed {}.",
     "I riket förändrades utlånen {} och besöken {} från {} till {}, medan kostnaden förändrades {}.",
     "I landet endret utlånene seg {} og besøkene {} fra {} til {}, mens kostnaden endret seg {}."},
    {"target", "Target", "Mål", "Mål"},
    {"to", "To", "Till", "Til"},
    {"trend_title", "{} {}–{}{}", "{} {}–{}{}", "{} {}–{}{}"},
    {"unit", "Unit", "Enhet", "Enhet"},
    {"unit_currency", "currency", "valuta", "valuta"},
    {"unit_h", "h", "tim", "t"},
    {"unit_h/week", "h/week", "tim/vecka", "t/uke"},
    {"unit_index", "index", "index", "indeks"},
    {"unit_loans/inh", "loans/inh", "utlån/inv", "utlån/innb"},
    {"unit_man-years", "man-years", "årsarbetare", "årsverk"},
    {"unit_percent", "%", "%", "%"},
    {"unit_share", "share", "andel", "andel"},
    {"unit_visits/inh", "visits/inh", "besök/inv", "besøk/innb"},
    {"value", "Value", "Värde", "Verdi"},
    {"verdict", "Verdict", "Bedömning", "Vurdering"},
    {"weaknesses", "Weaknesses: weakest against the reference", "Svagheter: svagast mot referensen",
     "Svakheter: svakest mot referansen"},
    {"worse", "worse", "sämre", "dårligere"},
    {"year", "Year", "År", "År"},
    {"year_word", "year", "år", "år"},
    {"yes", "yes", "ja", "ja"},
    {"no", "no", "nej", "nei"},
};

}  // namespace

std::string_view text(std::string_view lang, std::string_view key) {
  for (const Entry& e : kTexts) {
    if (e.key != key) continue;
    if (lang == "sv") return e.sv;
    if (lang == "nb") return e.nb;
    return e.en;
  }
  return key;
}

std::vector<std::string_view> text_keys() {
  std::vector<std::string_view> keys;
  for (const Entry& e : kTexts) keys.push_back(e.key);
  return keys;
}

bool text_complete(std::string_view key) {
  for (const Entry& e : kTexts) {
    if (e.key == key) return !e.en.empty() && !e.sv.empty() && !e.nb.empty();
  }
  return false;
}

}  // namespace nytta
