#!/usr/bin/env python3
"""Deterministic generator of realistic leads for the leadctl benchmarks.

    python3 bench/gen_leads.py -n 1000000 --seed 42 --format ndjson -o bench/data/leads.ndjson
    python3 bench/gen_leads.py -n 1000000 --seed 42 --format csv    -o bench/data/leads.csv
    python3 bench/gen_leads.py --print-free-domains

The same -n and --seed give the same leads, in the same order, in either format (the format
only changes how a lead is written, never which random numbers are drawn).

What the leads look like:
- names from several cultures (English, Hispanic, German, French, Italian, Polish, Dutch,
  Indian, Chinese, Japanese, Arabic, Nigerian, Brazilian), some with accents, apostrophes,
  hyphens or particles ("van der Berg", "O'Brien", "Jean-Luc", "Łukasz");
- unique emails (unique even ignoring case, as leadctl deduplicates on the lowercased address):
  most at a company domain derived from the company name (companies follow a skewed,
  Zipf-like popularity, so some domains have thousands of leads), the rest at free-mail
  domains; about 4% of leads have no email (phone only; those phones are unique, so nothing
  merges) and about 5% use mixed case;
- phones of 13 countries: North American numbers in national formats ("(415) 555-0134",
  "415.555.0134", "4155550134" ...) or with +1, the others in international formats ("+44 20
  7946 0958", "+49 151 23456789", "+55 11 91234-5678" ...), so all parse to E.164 with leadctl's
  default region US; about a quarter of leads have no phone;
- company (about 65% of leads), service, a free-text message (sometimes with commas, quotes or
  several lines), source, utm_source/medium/campaign consistent with the source, 0-3 tags from
  a small vocabulary, a status skewed towards `new`, created_at spread over the two years
  before 2026-11-01 (growing over time), email and SMS consent for some.

NDJSON lines carry only the fields a lead has (flat names, tags as a JSON array); CSV has all
16 columns with a header, empty cells for missing values and tags joined with ';'.
Pure Python, writes through a 1 MiB buffer: about 10-20 s per million leads.
"""

import argparse
import csv
import io
import json
import random
import sys
import unicodedata

COLUMNS = [
    "first_name", "last_name", "email", "phone", "company", "service", "message", "source",
    "utm_source", "utm_medium", "utm_campaign", "tags", "status", "created_at",
    "consent_email", "consent_sms",
]

# --- names -------------------------------------------------------------------------------
# culture: (weight, first names, last names, countries with weights)
CULTURES = {
    "english": (30,
        "James Mary John Patricia Robert Jennifer Michael Linda William Elizabeth David Barbara "
        "Richard Susan Joseph Jessica Thomas Sarah Charles Karen Christopher Lisa Daniel Nancy "
        "Matthew Betty Anthony Sandra Mark Ashley Emily Olivia Liam Noah Emma Ava Sophia Zoë "
        "Chloe Jack Harry Oliver Amelia Isla Grace Ethan Logan Madison Ann",
        "Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson Taylor Thomas Moore "
        "Jackson Martin Lee Thompson White Harris Clark Lewis Robinson Walker Young Allen King "
        "Wright Scott Green Baker Adams Nelson Hill Campbell Mitchell Roberts Carter Phillips "
        "Evans Turner Parker Collins Edwards Stewart Morris Murphy Cook Rogers O'Brien O'Connor "
        "McDonald Kelly Sullivan Walsh Byrne Ryan Hughes Price Bennett Wood Barnes Ross "
        "Henderson Coleman Jenkins Perry Powell Long Patterson Flores Butler Simmons Foster "
        "Bryant Alexander Russell Griffin Hayes Myers Ford Hamilton Graham Wallace Cole West "
        "Fletcher Holmes Knight Lloyd Marshall Owen Palmer Shaw Spencer Stevens Webb",
        {"US": 62, "GB": 18, "CA": 8, "AU": 10, "NG": 2}),
    "hispanic": (14,
        "José María Juan Carmen Luis Ana Carlos Lucía Jorge Sofía Miguel Isabel Alejandro "
        "Valentina Diego Camila Javier Elena Pablo Paula Sergio Marta Andrés Daniela Fernando "
        "Gabriela Raúl Ximena Mateo Inés",
        "García Rodríguez Martínez López González Hernández Pérez Sánchez Ramírez Torres Flores "
        "Rivera Gómez Díaz Cruz Morales Reyes Gutiérrez Ortiz Chávez Ruiz Jiménez Moreno "
        "Álvarez Romero Navarro Domínguez Vázquez Castillo Ramos Vargas Castro Suárez Herrera "
        "Medina Aguilar Delgado Peña Guerrero Mendoza Fernández Muñoz Iglesias Cortés Santos",
        {"ES": 35, "MX": 35, "US": 30}),
    "german": (9,
        "Lukas Anna Leon Marie Finn Sophie Jonas Lena Paul Hannah Felix Laura Maximilian Lea "
        "Elias Johanna Jan Katharina Tobias Julia Stefan Sabine Jürgen Ute Matthias Birgit",
        "Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Schäfer "
        "Koch Bauer Richter Klein Wolf Schröder Neumann Schwarz Zimmermann Braun Krüger "
        "Hofmann Hartmann Lange Schmitt Werner Krause Meier Lehmann Schmid Schulze Maier Köhler "
        "Herrmann König Walter Mayer Huber Kaiser Fuchs Peters Lang Scholz Möller Weiß Jung "
        "Hahn Vogel",
        {"DE": 90, "US": 10}),
    "french": (7,
        "Jean Marie Pierre Camille Louis Chloé Lucas Léa Hugo Manon Jules Inès Arthur Juliette "
        "Gabriel Louise Raphaël Zoé Nathan Margaux Jean-Luc Anne-Sophie Théo Clémence Benoît",
        "Martin Bernard Dubois Thomas Robert Richard Petit Durand Leroy Moreau Simon Laurent "
        "Lefebvre Michel Garcia David Bertrand Roux Vincent Fournier Morel Girard André "
        "Lefèvre Mercier Dupont Lambert Bonnet François Martinez Legrand Garnier Faure Rousseau "
        "Blanc Guérin Muller Henry Roussel Nicolas Perrin Morin Mathieu Clément Gauthier "
        "Dumont Lopez Fontaine Chevalier Robin de la Fontaine",
        {"FR": 85, "CA": 10, "US": 5}),
    "italian": (6,
        "Giuseppe Maria Giovanni Anna Francesco Giulia Alessandro Sofia Lorenzo Aurora Matteo "
        "Chiara Andrea Martina Marco Francesca Luca Elena Davide Sara Niccolò Federica",
        "Rossi Russo Ferrari Esposito Bianchi Romano Colombo Ricci Marino Greco Bruno Gallo "
        "Conti De Luca Mancini Costa Giordano Rizzo Lombardi Moretti Barbieri Fontana Santoro "
        "Mariani Rinaldi Caruso Ferrara Galli Martini Leone Longo Gentile Martinelli Vitale "
        "Lombardo Serra Coppola De Santis D'Angelo Marchetti Parisi Villa Conte Ferraro",
        {"IT": 90, "US": 10}),
    "polish": (3,
        "Łukasz Anna Piotr Katarzyna Krzysztof Małgorzata Tomasz Agnieszka Paweł Magdalena "
        "Michał Joanna Marcin Zofia Jakub Ewa",
        "Nowak Kowalski Wiśniewski Wójcik Kowalczyk Kamiński Lewandowski Zieliński Szymański "
        "Woźniak Dąbrowski Kozłowski Jankowski Mazur Kwiatkowski Krawczyk Piotrowski Grabowski",
        {"DE": 30, "GB": 40, "US": 30}),
    "dutch": (3,
        "Daan Emma Sem Julia Lucas Mila Levi Tess Finn Sophie Bram Fenna Thijs Sanne Ruben Lotte",
        "de Jong Jansen de Vries van den Berg van Dijk Bakker Janssen Visser Smit Meijer "
        "de Boer Mulder de Groot Bos Vos Peters Hendriks van Leeuwen Dekker Brouwer "
        "van der Berg van der Meer",
        {"GB": 30, "DE": 30, "US": 40}),
    "indian": (9,
        "Aarav Ananya Vivaan Diya Aditya Saanvi Arjun Aanya Sai Aadhya Rohan Priya Rahul "
        "Pooja Amit Neha Vikram Sneha Karthik Divya Sanjay Lakshmi Ravi Kavya Anil Deepika",
        "Sharma Verma Gupta Singh Kumar Patel Shah Mehta Reddy Rao Nair Iyer Menon Pillai "
        "Joshi Desai Kulkarni Chatterjee Banerjee Mukherjee Das Bose Agarwal Malhotra Kapoor "
        "Chopra Bhat Naidu Krishnan Subramanian",
        {"IN": 70, "US": 18, "GB": 8, "AU": 4}),
    "chinese": (7,
        "Wei Fang Jing Min Lei Yan Jun Li Hao Xin Yu Mei Chen Lin Ying Jie Tao Hui Qiang Xiu "
        "Zhen Bo Ling Kai",
        "Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Lin Gao Luo "
        "Zheng Liang Xie Song Tang Han Feng Deng Cao Xu",
        {"US": 40, "AU": 20, "GB": 15, "CA": 25}),
    "japanese": (3,
        "Haruto Yui Sota Hina Yuto Aoi Riku Sakura Hiroshi Yuki Takeshi Naoko Kenji Akiko "
        "Daiki Mei",
        "Sato Suzuki Takahashi Tanaka Watanabe Ito Yamamoto Nakamura Kobayashi Kato Yoshida "
        "Yamada Sasaki Yamaguchi Matsumoto Inoue Kimura Hayashi Shimizu Mori",
        {"JP": 85, "US": 15}),
    "arabic": (4,
        "Mohammed Fatima Ahmed Aisha Omar Mariam Ali Layla Youssef Nour Hassan Sara Khalid "
        "Zainab Ibrahim Huda Mustafa Amira Karim Rania",
        "Haddad Khalil Nasser Hassan Saleh Mansour Aziz Farouk Ibrahim Rahman El-Amin Al-Sayed "
        "Abdullah Hussein Karimi Qureshi Darwish Suleiman Bakr Hamdan",
        {"GB": 35, "FR": 25, "DE": 15, "US": 25}),
    "nigerian": (2,
        "Chinedu Ngozi Emeka Adaeze Oluwaseun Folake Tunde Chioma Ifeanyi Funmilayo Babajide "
        "Amaka Obinna Yetunde",
        "Okafor Adeyemi Okonkwo Eze Balogun Nwosu Adebayo Ogunleye Obi Ojo Olawale Chukwu "
        "Afolabi Nnamdi",
        {"NG": 75, "GB": 15, "US": 10}),
    "brazilian": (3,
        "João Maria Pedro Ana Gabriel Juliana Lucas Beatriz Rafael Larissa Mateus Fernanda "
        "Gustavo Letícia Thiago Camila",
        "Silva Santos Oliveira Souza Rodrigues Ferreira Alves Pereira Lima Gomes Costa Ribeiro "
        "Martins Carvalho Almeida Lopes Soares Fernandes Vieira Barbosa",
        {"BR": 90, "US": 10}),
}

# Names of several words ("de la Fontaine", "van der Berg"): split_names keeps them together.
MULTIWORD = {"De Luca", "De Santis", "de Jong", "de Vries", "van den Berg", "van Dijk",
             "de Boer", "de Groot", "van Leeuwen", "van der Berg", "van der Meer",
             "de la Fontaine"}


def split_names(text):
    words = text.split()
    out, i = [], 0
    while i < len(words):
        for n in (3, 2):
            cand = " ".join(words[i:i + n])
            if cand in MULTIWORD:
                out.append(cand)
                i += n
                break
        else:
            out.append(words[i])
            i += 1
    return out


TRANSLIT = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "ß": "ss", "æ": "ae",
                          "œ": "oe", "đ": "d"})


def ascii_slug(s, sep=""):
    """'Müller & Söhne' -> 'mullersohne' (letters and digits only, words joined by sep)."""
    s = unicodedata.normalize("NFKD", s.translate(TRANSLIT))
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    words, cur = [], []
    for c in s:
        if c.isascii() and c.isalnum():
            cur.append(c)
        elif c in "'’":
            continue
        elif cur:
            words.append("".join(cur))
            cur = []
    if cur:
        words.append("".join(cur))
    return sep.join(words)


def weighted_table(items, weights, size=4096):
    """A lookup table: pick = table[int(random() * len(table))] draws with these weights."""
    total = float(sum(weights))
    table = []
    for item, w in zip(items, weights):
        table.extend([item] * max(1, round(size * w / total)))
    return table


def zipf_weights(n, s=0.9):
    return [1.0 / (k + 1) ** s for k in range(n)]


# --- phones --------------------------------------------------------------------------------
NANP_AREAS = [201, 202, 206, 212, 213, 214, 303, 305, 310, 312, 313, 404, 408, 415, 469, 503,
              512, 602, 617, 646, 702, 713, 718, 720, 773, 805, 818, 917, 949, 972]
CA_AREAS = [416, 604, 514, 403, 613, 780, 647, 905]


def d(r, n):
    """n random digits as text."""
    return str(int(r() * 10 ** n)).zfill(n)


def phone_nanp(r, areas):
    a = areas[int(r() * len(areas))]
    e = 200 + int(r() * 800)
    line = d(r, 4)
    f = r()
    if f < 0.35:
        return f"({a}) {e}-{line}"
    if f < 0.55:
        return f"{a}-{e}-{line}"
    if f < 0.62:
        return f"{a}.{e}.{line}"
    if f < 0.72:
        return f"{a}{e}{line}"
    if f < 0.85:
        return f"+1 {a} {e} {line}"
    if f < 0.95:
        return f"+1-{a}-{e}-{line}"
    return f"1 ({a}) {e}-{line}"


def phone_gb(r):
    if r() < 0.55:
        return f"+44 7{d(r, 3)} {d(r, 6)}"
    # Not "+44 (0)20 ...": leadctl's phone parser keeps that 0 (+44020...), see bench/README.md.
    return f"+44 20 {7 + int(r() * 2)}{d(r, 3)} {d(r, 4)}"


def phone_de(r):
    if r() < 0.5:
        return f"+49 1{5 + int(r() * 3)}{d(r, 1)} {d(r, 8)}"
    city = ["30", "40", "89", "221", "69", "711"][int(r() * 6)]
    return f"+49 {city} {2 + int(r() * 7)}{d(r, 10 - len(city) - 2)}"


def phone_fr(r):
    first = "6" if r() < 0.6 else str(1 + int(r() * 5))
    return f"+33 {first} {d(r, 2)} {d(r, 2)} {d(r, 2)} {d(r, 2)}"


def phone_es(r):
    if r() < 0.6:
        return f"+34 6{d(r, 2)} {d(r, 3)} {d(r, 3)}"
    return f"+34 91 {d(r, 3)} {d(r, 2)} {d(r, 2)}"


def phone_it(r):
    if r() < 0.6:
        return f"+39 3{d(r, 2)} {d(r, 3)} {d(r, 4)}"
    return f"+39 06 {d(r, 4)} {d(r, 4)}"


def phone_in(r):
    n = f"{7 + int(r() * 3)}{d(r, 4)}"
    if r() < 0.5:
        return f"+91 {n} {d(r, 5)}"
    return f"+91-{n}-{d(r, 5)}"


def phone_br(r):
    city = ["11", "21", "31", "41", "51", "61"][int(r() * 6)]
    if r() < 0.7:
        return f"+55 {city} 9{d(r, 4)}-{d(r, 4)}"
    return f"+55 ({city}) {2 + int(r() * 4)}{d(r, 3)}-{d(r, 4)}"


def phone_au(r):
    if r() < 0.6:
        return f"+61 4{d(r, 2)} {d(r, 3)} {d(r, 3)}"
    return f"+61 {[2, 3, 7, 8][int(r() * 4)]} {d(r, 4)} {d(r, 4)}"


def phone_jp(r):
    if r() < 0.6:
        return f"+81 {['90', '80', '70'][int(r() * 3)]}-{d(r, 4)}-{d(r, 4)}"
    return f"+81 3-{d(r, 4)}-{d(r, 4)}"


def phone_mx(r):
    return f"+52 {['55', '33', '81'][int(r() * 3)]} {d(r, 4)} {d(r, 4)}"


def phone_ng(r):
    return f"+234 {['803', '805', '806', '813', '816'][int(r() * 5)]} {d(r, 3)} {d(r, 4)}"


NANP_COUNTRIES = {"US", "CA"}
NON_DIGITS = {ord(c): None for c in " ()-.+"}
PHONES = {
    "US": lambda r: phone_nanp(r, NANP_AREAS), "CA": lambda r: phone_nanp(r, CA_AREAS),
    "GB": phone_gb, "DE": phone_de, "FR": phone_fr, "ES": phone_es, "IT": phone_it,
    "IN": phone_in, "BR": phone_br, "AU": phone_au, "JP": phone_jp, "MX": phone_mx,
    "NG": phone_ng,
}

# --- companies -----------------------------------------------------------------------------
TLD = {"US": ["com"] * 6 + ["io", "co", "net"], "CA": ["ca", "com"], "GB": ["co.uk", "com"],
       "DE": ["de"], "FR": ["fr"], "ES": ["es"], "IT": ["it"], "IN": ["in", "co.in", "com"],
       "BR": ["com.br"], "AU": ["com.au"], "JP": ["co.jp", "jp"], "MX": ["mx", "com.mx"],
       "NG": ["com.ng", "ng"]}
LEGAL = {"US": ["Inc", "LLC", "Corp", "", ""], "CA": ["Inc", "Ltd", ""], "GB": ["Ltd", "Ltd", "LLP", ""],
         "DE": ["GmbH", "GmbH", "AG", "KG"], "FR": ["SAS", "SARL", "SA"], "ES": ["S.L.", "S.A."],
         "IT": ["Srl", "S.p.A."], "IN": ["Pvt Ltd", "Ltd"], "BR": ["Ltda", "S.A."],
         "AU": ["Pty Ltd"], "JP": ["KK", "Co., Ltd."], "MX": ["S.A. de C.V."], "NG": ["Ltd", "Plc"]}
WORDS_A = ("Blue North South West East Red Green Silver Golden Bright Clear Swift True Prime "
           "Summit Harbor River Lake Pine Oak Cedar Maple Stone Iron Copper Atlas Apex Nova "
           "Vertex Pioneer Horizon Beacon Falcon Eagle Fox Wolf Bear Lion Orbit Quantum Pixel "
           "Cloud Data Smart Rapid Urban Metro Coastal Alpine Sunny Happy Little Big Open Next "
           "First Global United Royal Modern Classic Fresh Pure Vital Lucky").split()
WORDS_B = ("Labs Works Systems Solutions Digital Media Studio Logistics Consulting Partners "
           "Group Ventures Foods Health Dental Clinic Fitness Motors Energy Solar Homes Realty "
           "Construction Design Marketing Analytics Software Networks Security Legal Finance "
           "Capital Insurance Travel Events Print Bakery Coffee Garden Pets Academy Tutoring "
           "Cleaning Plumbing Electric Roofing Interiors Fashion Beauty Salon Photography "
           "Brewing Wines Robotics Biotech Pharma Textiles Furniture Auto Freight").split()
TECH_SUFFIX = ["ly", "ify", "io", "hub", "base", "stack", "flow", "wise", "able", "sy"]

SERVICES = ["Website", "Web redesign", "SEO", "Online ads", "Social media", "Branding",
            "Mobile app", "E-commerce", "Consulting", "Hosting", "Support plan", "Training",
            "Data migration", "Integration", "Custom software", "Audit", "Maintenance"]
MESSAGES = [
    "Looking for a quote.",
    "Please call me back.",
    "Can you send pricing for a team of {n}?",
    "We need a new website before {month}.",
    "Interested in your {service} offer, what does it cost?",
    "Hi, a colleague recommended you. Could we set up a call next week?",
    "Do you work with companies in {country}?",
    "Our current provider is too slow, we'd like to switch.",
    "Budget is around {n},000 EUR, timeline flexible.",
    "Saw your talk at the conference - would love a demo.",
    "Need help with \"{service}\" ASAP, our launch is on {month} 1st.",
    "Is there a discount for non-profits?",
    "Hello,\nwe are {n} people and need {service}.\nBest regards",
    "Please send the brochure, thanks!",
    "Requesting a demo for our sales team (about {n} seats).",
    "What are your support hours? We're in {country}.",
]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
COUNTRY_NAMES = {"US": "the US", "CA": "Canada", "GB": "the UK", "DE": "Germany",
                 "FR": "France", "ES": "Spain", "IT": "Italy", "IN": "India", "BR": "Brazil",
                 "AU": "Australia", "JP": "Japan", "MX": "Mexico", "NG": "Nigeria"}

# source: (weight, utm choices: list of (utm_source, utm_medium) or None, chance of utm)
SOURCES = {
    "website": (34, [("google", "organic"), ("bing", "organic"), ("direct", "none")], 0.15),
    "google-ads": (14, [("google", "cpc")], 0.95),
    "facebook": (7, [("facebook", "paid-social"), ("instagram", "paid-social")], 0.9),
    "linkedin": (7, [("linkedin", "paid-social"), ("linkedin", "social")], 0.9),
    "referral": (10, None, 0.0),
    "newsletter": (5, [("newsletter", "email"), ("mailchimp", "email")], 0.95),
    "webinar": (5, [("zoom", "webinar"), ("newsletter", "email")], 0.7),
    "trade-show": (4, None, 0.0),
    "partner": (4, [("partner", "referral")], 0.5),
    "organic-search": (6, [("google", "organic"), ("duckduckgo", "organic")], 0.6),
    "cold-call": (2, None, 0.0),
    "chat": (2, [("intercom", "chat")], 0.3),
}
CAMPAIGNS = ["spring-sale-2025", "summer-2025", "back-to-school-2025", "black-friday-2025",
             "winter-2025", "new-year-2026", "spring-2026", "summer-2026", "autumn-2026",
             "webinar-ai-q1", "webinar-seo-q2", "brand-awareness", "retargeting", "launch-v2",
             "black-friday-2024", "winter-2024", "lookalike-eu", "lookalike-us", "free-trial"]
TAGS = {"newsletter": 20, "follow-up": 15, "smb": 12, "enterprise": 8, "demo-requested": 8,
        "pricing": 7, "hot": 6, "cold": 6, "vip": 5, "event": 5, "q4:promo": 4, "partner": 3,
        "from-import": 3, "reactivated": 2, "callback": 4, "eu": 3, "us": 3, "apac": 2}
STATUSES = {"new": 58, "invited": 14, "waitlist": 9, "converted": 7, "lost": 12}
FREE_DOMAINS = {"gmail.com": 40, "yahoo.com": 9, "outlook.com": 9, "hotmail.com": 8,
                "icloud.com": 6, "aol.com": 2, "proton.me": 2, "gmx.de": 4, "web.de": 3,
                "yahoo.co.uk": 2, "orange.fr": 3, "libero.it": 2, "hotmail.es": 2,
                "rediffmail.com": 2, "qq.com": 2, "yahoo.co.jp": 1, "uol.com.br": 2,
                "bigpond.com": 1}

END_EPOCH_DAY = 20758          # 2026-11-01 as days since 1970-01-01
SPAN_DAYS = 730


def make_days():
    import datetime
    base = datetime.date(1970, 1, 1)
    return [(base + datetime.timedelta(days=END_EPOCH_DAY - SPAN_DAYS + i)).isoformat()
            for i in range(SPAN_DAYS)]


def make_companies(rng, n):
    """n companies: (display name, domain, country), most popular first."""
    r = rng.random
    countries_all = weighted_table(
        ["US", "GB", "DE", "FR", "ES", "IT", "IN", "BR", "AU", "JP", "MX", "CA", "NG"],
        [42, 11, 9, 6, 4, 4, 7, 3, 4, 2, 3, 4, 1])
    surnames = {
        "US": CULTURES["english"][2], "CA": CULTURES["english"][2], "GB": CULTURES["english"][2],
        "AU": CULTURES["english"][2], "NG": CULTURES["nigerian"][2],
        "DE": CULTURES["german"][2], "FR": CULTURES["french"][2], "ES": CULTURES["hispanic"][2],
        "MX": CULTURES["hispanic"][2], "IT": CULTURES["italian"][2],
        "IN": CULTURES["indian"][2], "BR": CULTURES["brazilian"][2],
        "JP": CULTURES["japanese"][2]}
    surnames = {k: split_names(v) for k, v in surnames.items()}
    seen, out = set(), []
    while len(out) < n:
        country = countries_all[int(r() * len(countries_all))]
        f = r()
        if f < 0.4:
            core = f"{WORDS_A[int(r() * len(WORDS_A))]} {WORDS_B[int(r() * len(WORDS_B))]}"
        elif f < 0.7:
            sn = surnames[country]
            core = f"{sn[int(r() * len(sn))]} {WORDS_B[int(r() * len(WORDS_B))]}"
        elif f < 0.85:
            sn = surnames[country]
            a, b = sn[int(r() * len(sn))], sn[int(r() * len(sn))]
            core = f"{a} & {b}" if a != b else f"{a} & Sons"
        else:
            w = WORDS_A[int(r() * len(WORDS_A))]
            core = w + TECH_SUFFIX[int(r() * len(TECH_SUFFIX))]
        legal = LEGAL[country][int(r() * len(LEGAL[country]))]
        name = f"{core}, {legal}" if legal and country == "US" and r() < 0.2 else \
            (f"{core} {legal}" if legal else core)
        tld = TLD[country][int(r() * len(TLD[country]))]
        slug = ascii_slug(core, "-" if r() < 0.3 else "")
        domain = f"{slug}.{tld}"
        if domain in seen:
            for k in range(2, 100):
                cand = f"{slug}{k}.{tld}" if k > 2 else f"{slug}-{country.lower()}.{tld}"
                if cand not in seen:
                    domain = cand
                    break
            else:
                continue
        seen.add(domain)
        out.append((name, domain, country))
    return out


def generate(n, seed, ndjson_out=None, csv_out=None):
    """Writes n leads to ndjson_out and/or csv_out (text files); the same leads to both."""
    rng = random.Random(seed)
    r = rng.random

    cultures = []
    for c, (w, f, l, ctry) in CULTURES.items():
        fl = [(x, ascii_slug(x, "-")) for x in split_names(f)]
        ll = [(x, ascii_slug(x)) for x in split_names(l)]
        cultures.append(((weighted_table(fl, zipf_weights(len(fl), 0.7), 2048),
                          weighted_table(ll, zipf_weights(len(ll), 0.9), 2048),
                          weighted_table(list(ctry), list(ctry.values()), 256)), w))
    culture_table = weighted_table([c for c, _ in cultures], [w for _, w in cultures])

    n_comp = max(200, min(40000, n // 25))
    companies = make_companies(rng, n_comp)
    free_table = weighted_table(list(FREE_DOMAINS), list(FREE_DOMAINS.values()))
    src_table = weighted_table([(s, v[1], v[2]) for s, v in SOURCES.items()],
                               [v[0] for v in SOURCES.values()])
    tag_table = weighted_table(list(TAGS), list(TAGS.values()))
    status_table = weighted_table(list(STATUSES), list(STATUSES.values()))
    ntag_table = weighted_table([0, 1, 2, 3], [45, 30, 17, 8])
    days = make_days()
    n_cult, n_free, n_src = len(culture_table), len(free_table), len(src_table)
    n_tag, n_status, n_ntag = len(tag_table), len(status_table), len(ntag_table)
    n_serv, n_msg, n_camp = len(SERVICES), len(MESSAGES), len(CAMPAIGNS)
    phones = PHONES

    seen_emails = set()
    seen_phones = set()
    dumps = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": ")).encode
    writerow = None
    if csv_out is not None:
        writer = csv.writer(csv_out, lineterminator="\n")
        writer.writerow(COLUMNS)
        writerow = writer.writerow
    write = ndjson_out.write if ndjson_out is not None else None

    for _ in range(n):
        firsts, lasts, countries = culture_table[int(r() * n_cult)]
        first, first_a = firsts[int(r() * len(firsts))] if r() > 0.01 else ("", "")
        last, last_a = lasts[int(r() * len(lasts))] if r() > 0.02 else ("", "")
        if not first and not last:
            first, first_a = firsts[0]

        # company (Zipf-like popularity: a few companies have many leads)
        if r() < 0.65:
            cname, cdomain, country = companies[int(n_comp * r() ** 2.2)]
            if r() < 0.3:               # a personal phone from where the person lives
                country = countries[int(r() * len(countries))]
        else:
            cname = cdomain = ""
            country = countries[int(r() * len(countries))]

        # contact channels: 4% phone only, 24% email only, the rest both
        f = r()
        has_email, has_phone = f >= 0.04, f < 0.76

        email = ""
        if has_email:
            if cdomain and r() < 0.85:
                domain, free = cdomain, False
            else:
                domain, free = free_table[int(r() * n_free)], True
            fa = first_a.replace("-", "") if r() < 0.5 else first_a
            la = last_a
            p = r()
            if not la:
                local = fa
            elif not fa:
                local = la
            elif p < 0.40:
                local = f"{fa}.{la}"
            elif p < 0.55:
                local = f"{fa[0]}{la}"
            elif p < 0.68:
                local = f"{fa}{la}"
            elif p < 0.78:
                local = fa
            elif p < 0.86:
                local = f"{fa}_{la}"
            elif p < 0.93:
                local = f"{la}.{fa}"
            else:
                local = f"{fa}.{la[0]}"
            if free and r() < 0.45:     # free-mail users often add digits
                local += str(int(r() * 100) if r() < 0.6 else 1960 + int(r() * 45))
            key = f"{local}@{domain}"
            while key in seen_emails:
                local = f"{local}{int(r() * 10)}" if r() < 0.7 else f"{local}.{int(r() * 100)}"
                key = f"{local}@{domain}"
            seen_emails.add(key)
            email = key
            if r() < 0.05:              # some people type their address in mixed case
                cased = ".".join(w[:1].upper() + w[1:] for w in local.split("."))
                email = f"{cased}@{domain.capitalize() if r() < 0.3 else domain}"

        phone = ""
        if has_phone:
            # leadctl merges a lead without an email into any earlier lead with the same
            # (E.164) phone, so a phone-only lead gets a phone no earlier lead has; leads with
            # an email may share phones (an office switchboard).
            nanp = country in NANP_COUNTRIES
            phone = phones[country](r)
            key = phone.translate(NON_DIGITS)
            if nanp:
                key = key[-10:]
            if not has_email:
                while key in seen_phones:
                    phone = phones[country](r)
                    key = phone.translate(NON_DIGITS)
                    if nanp:
                        key = key[-10:]
            seen_phones.add(key)

        service = SERVICES[int(r() * n_serv)] if r() < 0.7 else ""
        message = ""
        if r() < 0.55:
            message = MESSAGES[int(r() * n_msg)]
            if "{" in message:
                message = message.format(
                    n=2 + int(r() * 200), month=MONTHS[int(r() * 12)],
                    service=service.lower() or "your services",
                    country=COUNTRY_NAMES[country])

        source, utms, chance = src_table[int(r() * n_src)]
        utm_s = utm_m = utm_c = ""
        if utms and r() < chance:
            utm_s, utm_m = utms[int(r() * len(utms))]
            if utm_m != "organic" and utm_m != "none":
                utm_c = CAMPAIGNS[int(r() * n_camp)]

        tags = []
        for _ in range(ntag_table[int(r() * n_ntag)]):
            t = tag_table[int(r() * n_tag)]
            if t not in tags:
                tags.append(t)

        status = status_table[int(r() * n_status)]
        day = int(SPAN_DAYS * r() ** 0.7)   # growth: more leads in recent months
        secs, ms = divmod(int(r() * 86400000), 1000)
        created = "%sT%02d:%02d:%02d.%03dZ" % (days[day], secs // 3600, secs // 60 % 60,
                                               secs % 60, ms)

        ce = r()
        consent_email = ("granted" if ce < 0.40 else "withdrawn" if ce < 0.43 else "") \
            if has_email else ""
        cs = r()
        consent_sms = ("granted" if cs < 0.12 else "withdrawn" if cs < 0.13 else "") \
            if has_phone else ""

        if writerow is not None:
            writerow((first, last, email, phone, cname, service, message, source, utm_s,
                      utm_m, utm_c, ";".join(tags), status, created, consent_email,
                      consent_sms))
        if write is not None:
            rec = {}
            if first:
                rec["first_name"] = first
            if last:
                rec["last_name"] = last
            if email:
                rec["email"] = email
            if phone:
                rec["phone"] = phone
            if cname:
                rec["company"] = cname
            if service:
                rec["service"] = service
            if message:
                rec["message"] = message
            rec["source"] = source
            if utm_s:
                rec["utm_source"] = utm_s
                rec["utm_medium"] = utm_m
                if utm_c:
                    rec["utm_campaign"] = utm_c
            if tags:
                rec["tags"] = tags
            rec["status"] = status
            rec["created_at"] = created
            if consent_email:
                rec["consent_email"] = consent_email
            if consent_sms:
                rec["consent_sms"] = consent_sms
            write(dumps(rec))
            write("\n")


def open_out(path):
    if path == "-":
        return io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", newline="")
    return open(path, "w", encoding="utf-8", newline="", buffering=1 << 20)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-n", "--count", type=int, default=1000, help="how many leads (default 1000)")
    ap.add_argument("--seed", type=int, default=42, help="random seed (default 42)")
    ap.add_argument("--format", choices=["ndjson", "csv"], default="ndjson",
                    help="format of -o (default ndjson)")
    ap.add_argument("-o", "--output", help="output file, - for stdout (the default when "
                    "neither --ndjson nor --csv is given)")
    ap.add_argument("--ndjson", metavar="PATH", help="also write NDJSON here")
    ap.add_argument("--csv", metavar="PATH", help="also write CSV here (the same leads)")
    ap.add_argument("--print-free-domains", action="store_true",
                    help="print the free-mail domains used, one a line, and exit")
    args = ap.parse_args()
    if args.print_free_domains:
        print("\n".join(FREE_DOMAINS))
        return
    paths = {"ndjson": args.ndjson, "csv": args.csv}
    if args.output or not (args.ndjson or args.csv):
        if paths[args.format]:
            ap.error(f"-o and --{args.format} both given")
        paths[args.format] = args.output or "-"
    outs = {k: open_out(v) for k, v in paths.items() if v}
    try:
        generate(args.count, args.seed, outs.get("ndjson"), outs.get("csv"))
    finally:
        for f in outs.values():
            f.flush()
            if f is not sys.stdout:
                f.close()


if __name__ == "__main__":
    main()
