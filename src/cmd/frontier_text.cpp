// The frontier's words in three languages. The Swedish and Norwegian terms follow the
// public analyses readers know: "effektivitet", "förebild"/"referanseenhet" for a DEA peer
// (KMD's effektivitetsanalyse calls them "referansekommuner"), "skalavkastning" /
// "skalautbytte" for returns to scale, and the seed's procurement options A and B.

#include "cmd/frontier_text.hpp"

#include "nytta/report/labels.hpp"

namespace nytta {

namespace {

constexpr TextEntry kTexts[] = {
    // Models.
    {"rts_crs", "constant returns to scale", "konstant skalavkastning", "konstant skalautbytte"},
    {"rts_vrs", "variable returns to scale", "variabel skalavkastning", "variabelt skalautbytte"},
    {"rts_drs", "non-increasing returns to scale", "icke-ökande skalavkastning", "ikke-økende skalautbytte"},
    {"rts_irs", "non-decreasing returns to scale", "icke-avtagande skalavkastning", "ikke-avtakende skalautbytte"},
    {"rts_fdh", "free disposal hull (FDH)", "fri disponibilitet (FDH)", "fri disponering (FDH)"},
    {"orientation_input", "input-oriented: the same outputs from less input (option B)",
     "insatsorienterad: samma resultat med mindre insats (alternativ B)",
     "innsatsorientert: samme resultat med mindre innsats (alternativ B)"},
    {"orientation_output", "output-oriented: more outputs from the same input (option A)",
     "resultatorienterad: mer resultat med samma insats (alternativ A)",
     "resultatorientert: mer resultat med samme innsats (alternativ A)"},
    {"orientation_input_short", "input-oriented", "insatsorienterad", "innsatsorientert"},
    {"orientation_output_short", "output-oriented", "resultatorienterad", "resultatorientert"},
    {"class_full", "fully efficient", "fullt effektiv", "fullt effektiv"},
    {"class_weak", "weakly efficient (slack)", "svagt effektiv (slack)", "svakt effektiv (slakk)"},
    {"class_no", "below the frontier", "under fronten", "under fronten"},
    {"frontier_title", "Efficiency frontier (DEA) {}: {}, {}", "Effektivitetsfront (DEA) {}: {}, {}",
     "Effektivitetsfront (DEA) {}: {}, {}"},
    {"frontier_title_group", "Efficiency frontier (DEA) {} in {}: {}, {}", "Effektivitetsfront (DEA) {} i {}: {}, {}",
     "Effektivitetsfront (DEA) {} i {}: {}, {}"},
    // Columns.
    {"col_efficiency", "Efficiency", "Effektivitet", "Effektivitet"},
    {"col_phi", "Output factor φ", "Resultatfaktor φ", "Resultatfaktor φ"},
    {"col_super", "Super-efficiency", "Supereffektivitet", "Supereffektivitet"},
    {"col_efficient", "Efficient", "Effektiv", "Effektiv"},
    {"col_peers", "Peers (λ)", "Förebilder (λ)", "Referanseenheter (λ)"},
    {"col_target_of", "Target: {}", "Mål: {}", "Mål: {}"},
    {"col_extra_of", "More: {}", "Mer: {}", "Mer: {}"},
    {"col_potential_input", "Saving potential", "Besparingspotential", "Innsparingspotensial"},
    {"col_potential_output", "Value of more outputs", "Värde av mer resultat", "Verdi av mer resultat"},
    {"col_units", "Units", "Enheter", "Enheter"},
    {"col_lambda", "Weight λ", "Vikt λ", "Vekt λ"},
    {"col_times_peer", "Times a peer", "Gånger förebild", "Ganger referanseenhet"},
    {"col_share_of_inefficient", "Share of the inefficient units", "Andel av de ineffektiva enheterna",
     "Andel av de ineffektive enhetene"},
    {"efficient_full", "fully", "fullt", "fullt"},
    {"efficient_weak", "weakly (slack)", "svagt (slack)", "svakt (slakk)"},
    {"efficient_no", "no", "nej", "nei"},
    // Summary rows and tables.
    {"summary_fully", "fully efficient", "fullt effektiva", "fullt effektive"},
    {"summary_weakly", "weakly efficient", "svagt effektiva", "svakt effektive"},
    {"summary_mean", "mean", "medel", "gjennomsnitt"},
    {"summary_total", "total", "totalt", "totalt"},
    {"summary_table", "Summary of the frontier", "Sammanfattning av fronten", "Sammendrag av fronten"},
    {"summary_units", "units on the frontier", "enheter i analysen", "enheter i analysen"},
    {"summary_left_out", "units left out", "enheter utelämnade", "enheter utelatt"},
    {"summary_median", "median efficiency", "medianeffektivitet", "medianeffektivitet"},
    {"summary_mean_efficiency", "mean efficiency", "medeleffektivitet", "gjennomsnittlig effektivitet"},
    {"summary_weighted", "efficiency weighted by cost (target cost / cost)", "effektivitet vägd med kostnad (målkostnad / kostnad)",
     "effektivitet vektet med kostnad (målkostnad / kostnad)"},
    {"summary_money", "money inputs in total", "insatser i pengar totalt", "innsatser i penger totalt"},
    {"summary_potential", "potential in total", "potential totalt", "potensial totalt"},
    {"summary_potential_share", "potential as a share of the money inputs", "potential som andel av insatserna i pengar",
     "potensial som andel av innsatsene i penger"},
    {"peer_count_title", "How often each unit is a peer of the others", "Hur ofta varje enhet är förebild för de andra",
     "Hvor ofte hver enhet er referanseenhet for de andre"},
    {"peers_title", "{} and its peers, {}", "{} och dess förebilder, {}", "{} og referanseenhetene, {}"},
    {"role_self", "the unit", "enheten", "enheten"},
    {"role_peer", "peer", "förebild", "referanseenhet"},
    {"col_role", "Role", "Roll", "Rolle"},
    // Notes.
    {"note_defaults", "no {} given: the library defaults are used", "inga {} angivna: bibliotekens standardval används",
     "ingen {} oppgitt: bibliotekenes standardvalg brukes"},
    {"note_model", "inputs {}; outputs {}; {}; {}", "insatser {}; resultat {}; {}; {}", "innsatser {}; resultat {}; {}; {}"},
    {"note_read_input",
     "efficiency θ: the share of its inputs that a combination of its peers needs for at least its outputs (1 = on the "
     "frontier); potential = cost − target cost, in {}",
     "effektivitet θ: den andel av sina insatser som en kombination av förebilderna behöver för minst samma resultat (1 = "
     "på fronten); potential = kostnad − målkostnad, i {}",
     "effektivitet θ: den andelen av innsatsene som en kombinasjon av referanseenhetene trenger for minst samme resultat "
     "(1 = på fronten); potensial = kostnad − målkostnad, i {}"},
    {"note_read_output",
     "efficiency 1/φ: its outputs as a share of what a combination of its peers produces from no more input (1 = on the "
     "frontier); potential = cost × (φ − 1), the extra outputs at the same cost valued at today's cost per output, in {}",
     "effektivitet 1/φ: resultatet som andel av vad en kombination av förebilderna åstadkommer med högst samma insats (1 = "
     "på fronten); potential = kostnad × (φ − 1), det extra resultatet till samma kostnad värderat till dagens kostnad per "
     "resultat, i {}",
     "effektivitet 1/φ: resultatet som andel av det en kombinasjon av referanseenhetene får til med høyst samme innsats (1 "
     "= på fronten); potensial = kostnad × (φ − 1), det ekstra resultatet til samme kostnad verdsatt til dagens kostnad per "
     "resultat, i {}"},
    {"note_no_money", "no input is money (cost, or a KPI in currency), so there is no money potential",
     "ingen insats är pengar (kostnad eller ett nyckeltal i valuta), så ingen potential i pengar",
     "ingen innsats er penger (kostnad eller et nøkkeltall i valuta), så ikke noe potensial i penger"},
    {"note_non_discretionary", "non-discretionary inputs, which the units cannot change (kept at their value): {}",
     "insatser som enheterna inte kan påverka (behålls som de är): {}",
     "innsatser enhetene ikke kan endre (beholdes som de er): {}"},
    {"note_non_discretionary_output", "--non-discretionary changes nothing in the output orientation, where no input is scaled",
     "--non-discretionary ändrar inget i resultatorienteringen, där ingen insats skalas",
     "--non-discretionary endrer ingenting i resultatorienteringen, der ingen innsats skaleres"},
    {"note_left_out", "{} of {} units of {} are left out of the frontier: {}", "{} av {} enheter {} är utelämnade ur fronten: {}",
     "{} av {} enheter i {} er utelatt fra fronten: {}"},
    {"why_missing", "no value of {}", "saknar {}", "mangler {}"},
    {"why_not_positive", "{} not above 0", "{} inte över 0", "{} ikke over 0"},
    {"why_negative", "{} below 0", "{} under 0", "{} under 0"},
    {"why_no_output", "every output 0", "alla resultat 0", "alle resultater 0"},
    {"why_impossible", "impossible value: {}", "omöjligt värde: {}", "umulig verdi: {}"},
    {"note_flagged_units", "{} units have flagged values and are kept on the frontier with the flag: {}",
     "{} enheter har flaggade värden och är med i fronten med flaggan: {}",
     "{} enheter har flaggede verdier og er med i fronten med flagget: {}"},
    {"note_flagged_peers",
     "{} of the peers have flagged values; check them before learning from them (their units carry the flag too): {}",
     "{} av förebilderna har flaggade värden; kontrollera dem innan ni lär av dem (enheterna de är förebild för flaggas "
     "också): {}",
     "{} av referanseenhetene har flaggede verdier; kontroller dem før dere lærer av dem (enhetene de er referanse for "
     "flagges også): {}"},
    {"flag_peer", "peer {} is flagged", "förebilden {} är flaggad", "referanseenheten {} er flagget"},
    {"flag_super_infeasible", "super-efficiency infeasible", "supereffektivitet saknas (olösbar)",
     "supereffektivitet mangler (uløselig)"},
    {"flag_no_score", "no score: {}", "inget värde: {}", "ingen verdi: {}"},
    {"note_super", "super-efficiency (Andersen–Petersen): the efficient units against the others only, to rank them",
     "supereffektivitet (Andersen–Petersen): de effektiva enheterna mot de andra enbart, för att rangordna dem",
     "supereffektivitet (Andersen–Petersen): de effektive enhetene mot de andre alene, for å rangere dem"},
    {"note_super_infeasible", "super-efficiency is infeasible for {} efficient units (no combination of the others can be "
                              "compared with them, as happens under {}): {}",
     "supereffektivitet är olösbar för {} effektiva enheter (ingen kombination av de andra kan jämföras med dem, vilket "
     "händer vid {}): {}",
     "supereffektivitet er uløselig for {} effektive enheter (ingen kombinasjon av de andre kan sammenlignes med dem, noe "
     "som skjer ved {}): {}"},
    {"note_efficient", "{} of {} units are fully efficient, {} weakly (on the frontier with a slack)",
     "{} av {} enheter är fullt effektiva, {} svagt (på fronten med slack)",
     "{} av {} enheter er fullt effektive, {} svakt (på fronten med slakk)"},
    {"note_unit_left_out", "{} is not on the frontier: {}", "{} är inte med i fronten: {}", "{} er ikke med i fronten: {}"},
    // malmquist.
    {"malmquist_title", "Malmquist productivity index {}–{}: {}, {}", "Malmquists produktivitetsindex {}–{}: {}, {}",
     "Malmquists produktivitetsindeks {}–{}: {}, {}"},
    {"col_malmquist", "Malmquist", "Malmquist", "Malmquist"},
    {"col_efficiency_change", "Efficiency change", "Effektivitetsförändring", "Effektivitetsendring"},
    {"col_technical_change", "Technical change", "Teknisk förändring", "Teknisk endring"},
    {"col_chained", "Chained since {}", "Kedjat sedan {}", "Kjedet siden {}"},
    {"col_efficiency_from", "Efficiency, from year", "Effektivitet, från år", "Effektivitet, fra år"},
    {"col_efficiency_to", "Efficiency, to year", "Effektivitet, till år", "Effektivitet, til år"},
    {"summary_geometric_mean", "geometric mean", "geometriskt medel", "geometrisk gjennomsnitt"},
    {"note_malmquist_read",
     "M > 1: productivity grew; M = EC × TC, the unit catching up with the frontier (EC) times the shift of the frontier "
     "itself (TC), geometric-mean form",
     "M > 1: produktiviteten ökade; M = EC × TC, enhetens närmande till fronten (EC) gånger frontens egen förflyttning "
     "(TC), geometriskt medel",
     "M > 1: produktiviteten økte; M = EC × TC, enhetens innhenting av fronten (EC) ganger forflytningen av fronten selv "
     "(TC), geometrisk gjennomsnitt"},
    {"note_only_in", "{} units are in {} but not in {}, so no index: {}", "{} enheter finns {} men inte {}, så inget index: {}",
     "{} enheter finnes i {} men ikke i {}, så ingen indeks: {}"},
    {"note_left_out_pair", "{} units of {}–{} are left out for their values: {}",
     "{} enheter {}–{} är utelämnade för sina värden: {}", "{} enheter i {}–{} er utelatt for verdiene sine: {}"},
    {"note_no_index", "{} units of {}–{} have no index, as a cross-year comparison has no solution under {}: {}",
     "{} enheter {}–{} saknar index, då en jämförelse mellan åren saknar lösning vid {}: {}",
     "{} enheter i {}–{} mangler indeks, da en sammenligning mellom årene mangler løsning ved {}: {}"},
    {"note_chain", "chained: the product of the year-on-year indices since {}; a unit missing a year has no chained value after it",
     "kedjat: produkten av indexen år för år sedan {}; en enhet som saknar ett år har inget kedjat värde efter det",
     "kjedet: produktet av indeksene år for år siden {}; en enhet som mangler et år har ingen kjedet verdi etter det"},
    // target --method frontier and compare.
    {"col_frontier", "Frontier", "Fronten", "Fronten"},
    {"col_frontier_change", "Frontier change", "Förändring enligt fronten", "Endring ifølge fronten"},
    {"note_target_frontier",
     "frontier (DEA, {}, {} units of {}): efficiency {}; its peers: {}; the frontier column is what they show possible",
     "fronten (DEA, {}, {} enheter {}): effektivitet {}; förebilder: {}; kolumnen Fronten är vad de visar är möjligt",
     "fronten (DEA, {}, {} enheter i {}): effektivitet {}; referanseenheter: {}; kolonnen Fronten er det de viser er mulig"},
    {"compare_frontier_title", "{} {}: efficiency frontier (DEA, {}) against {} units",
     "{} {}: effektivitetsfront (DEA, {}) mot {} enheter", "{} {}: effektivitetsfront (DEA, {}) mot {} enheter"},
    {"item_efficiency", "Efficiency (θ)", "Effektivitet (θ)", "Effektivitet (θ)"},
    {"item_efficient", "Efficient", "Effektiv", "Effektiv"},
    {"item_potential", "Saving potential at the same outputs", "Besparingspotential med samma resultat",
     "Innsparingspotensial med samme resultat"},
    {"item_peers", "Peers (λ)", "Förebilder (λ)", "Referanseenheter (λ)"},
    {"note_compare_no_frontier", "no efficiency frontier: {}", "ingen effektivitetsfront: {}", "ingen effektivitetsfront: {}"},
    {"note_compare_frontier_lacks", "the data lack {}", "data saknar {}", "dataene mangler {}"},
    {"and_more", "and {} more", "och {} till", "og {} til"},
};

}  // namespace

std::string_view frontier_text(std::string_view lang, std::string_view key) { return text_in(kTexts, lang, key); }

std::vector<std::string_view> frontier_text_keys() { return keys_of(kTexts); }

bool frontier_text_complete(std::string_view key) { return complete_in(kTexts, key); }

}  // namespace nytta
