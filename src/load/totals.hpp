#pragma once
// Totals among the rows of a file that does not say which rows are totals. Spreadsheet
// exports end in "Totalt", "Summa" or "Hela landet"; ranking such a row as a municipality
// puts a country among its towns and counts it twice in every sum. A row is a total when
// its name or code says so (in the Nordic languages and English), or when its values
// are the sum of the other units of its year. A total that agrees with the sum of the
// units becomes the national row; one that does not is kept out of rankings and sums.
// Rows whose kind the file or mapping states are never second-guessed.

#include "nytta/model/dataset.hpp"

namespace nytta {

/// True when a unit's name or code is a word for "total" (Totalt, Summa, Riket, Hela
/// landet, I alt, Hele landet, Koko maa, Yhteensä, Total, All, …).
bool names_a_total(const Unit& unit);

/// Finds totals among the units whose kind is not stated, changes their kind and adds a
/// note naming each.
void mark_totals(Dataset& data);

/// Two national rows in one year leave the national value ambiguous: a DataError naming both.
void check_national_rows(const Dataset& data);

}  // namespace nytta
