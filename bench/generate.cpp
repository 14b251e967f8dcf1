// Synthetic canonical CSV for the benchmark: `generate UNITS YEARS [--swedish] > file.csv`.
// Realistic shapes with a fixed seed: log-normal population, per-inhabitant loans, visits
// and cost around Nordic levels with a slow drift per year, opening hours and service
// points growing with size, about 1 % missing cells. The Swedish variant uses ';', decimal
// commas and Swedish headers, as exports from Swedish systems do.

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>
#include <string>

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: generate UNITS YEARS [--swedish]\n");
    return 2;
  }
  const long units = std::atol(argv[1]);
  const int years = std::atoi(argv[2]);
  const bool swedish = argc > 3 && std::strcmp(argv[3], "--swedish") == 0;
  const char sep = swedish ? ';' : ',';
  const int first_year = 2024 - years + 1;
  std::mt19937_64 rng(20261201);
  std::lognormal_distribution<double> pop_dist(9.6, 1.1);
  std::normal_distribution<double> noise(0.0, 1.0);
  std::uniform_real_distribution<double> unif(0.0, 1.0);

  if (swedish) {
    std::printf("kommunkod;kommun;år;folkmängd;utlån;besök;öppettimmar;aktiva låntagare;kostnad;bibliotek\n");
  } else {
    std::printf("code,name,year,population,loans,visits,opening_hours,active_borrowers,cost,libraries\n");
  }
  static char buf[1 << 16];
  std::setvbuf(stdout, buf, _IOFBF, sizeof buf);
  auto number = [&](double v, int decimals) {
    if (unif(rng) < 0.01) return std::string();  // a missing cell
    char s[64];
    std::snprintf(s, sizeof s, "%.*f", decimals, v);
    if (swedish) {
      for (char* p = s; *p; ++p) {
        if (*p == '.') *p = ',';
      }
    }
    return std::string(s);
  };
  for (long u = 0; u < units; ++u) {
    double pop0 = std::max(300.0, pop_dist(rng));
    double lpi = std::max(1.0, 7.0 + 2.0 * noise(rng));
    double vpi = std::max(1.0, 6.0 + 2.0 * noise(rng));
    double share = std::clamp(0.33 + 0.07 * noise(rng), 0.05, 0.9);
    double cpi = std::max(80.0, 400.0 + 80.0 * noise(rng));
    double libs = std::max(1.0, std::round(pop0 / 12000.0 + std::abs(noise(rng))));
    double hours = libs * std::max(10.0, 40.0 + 10.0 * noise(rng)) * 52.0;
    double growth = 0.003 * noise(rng);
    for (int y = 0; y < years; ++y) {
      double pop = std::round(pop0 * std::pow(1.0 + growth, y));
      double drift = 1.0 - 0.012 * y + 0.03 * noise(rng);
      double loans = std::round(pop * lpi * drift);
      double visits = std::round(pop * vpi * (1.0 - 0.01 * y + 0.03 * noise(rng)));
      double borrowers = std::round(pop * share * (1.0 + 0.02 * noise(rng)));
      double cost = pop * cpi * (1.0 + 0.025 * y + 0.02 * noise(rng));
      double h = std::round(hours * (1.0 + 0.01 * noise(rng)));
      std::printf("%05ld%c", u + 1, sep);
      if (u % 97 == 0) std::printf("\"Kommun %ld%c norra\"%c", u + 1, swedish ? ';' : ',', sep);  // a quoted name
      else std::printf("Kommun %ld%c", u + 1, sep);
      std::printf("%d%c%s%c%s%c%s%c%s%c%s%c%s%c%.0f\n", first_year + y, sep, number(pop, 0).c_str(), sep,
                  number(loans, 0).c_str(), sep, number(visits, 0).c_str(), sep, number(h, 0).c_str(), sep,
                  number(borrowers, 0).c_str(), sep, number(cost, 2).c_str(), sep, libs);
    }
  }
  return 0;
}
