//! Synthetic leads for load tests and benchmarks (`leadctl seed-demo --leads N --seed S`).
//!
//! Lead `i` of seed `S` is drawn from its own random stream, seeded by `(S, i)`, so it is the
//! same whatever else is generated; only its creation time depends on `N` (the leads are spread
//! evenly over the two years up to the start of the current day, oldest first, which is also
//! the order of their row numbers). Every lead carries the request id `synthetic:S:i`: a second
//! run with the same seed adds only what is missing.
//!
//! The generator is a SplitMix64 written out here rather than a crate's: the data for a seed
//! must not change when a dependency changes its algorithm.

use chrono::{DateTime, Duration, Utc};

use crate::model::{NewLead, Status};

/// SplitMix64 (Steele, Lea, Flood 2014): tiny, fast, and good enough for test data.
pub struct Rng(u64);

impl Rng {
    /// The stream of lead `i` of seed `seed`.
    pub fn for_lead(seed: u64, i: u64) -> Rng {
        let mut r = Rng(seed ^ 0x5EED_1EAD_0000_0000);
        let base = r.next_u64();
        Rng(base ^ i.wrapping_mul(0x9E37_79B9_7F4A_7C15))
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (n > 0).
    pub fn below(&mut self, n: u64) -> u64 {
        ((u128::from(self.next_u64()) * u128::from(n)) >> 64) as u64
    }

    /// One element of a non-empty slice.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }

    /// An element by weight: `(item, weight)` pairs, weights summing to more than 0.
    pub fn weighted<'a, T>(&mut self, items: &'a [(T, u64)]) -> &'a T {
        let total: u64 = items.iter().map(|(_, w)| w).sum();
        let mut x = self.below(total);
        for (item, w) in items {
            if x < *w {
                return item;
            }
            x -= w;
        }
        &items[items.len() - 1].0
    }

    /// `n` decimal digits.
    fn digits(&mut self, n: usize) -> String {
        (0..n).map(|_| char::from(b'0' + self.below(10) as u8)).collect()
    }
}

/// A country: first names, last names, and how its mobile numbers look (E.164 prefix choices
/// and the number of digits after them).
struct Country {
    first: &'static [&'static str],
    last: &'static [&'static str],
    prefixes: &'static [&'static str],
    rest: usize,
    weight: u64,
}

#[rustfmt::skip]
const COUNTRIES: &[Country] = &[
    Country { // United States
        first: &["James", "Mary", "Michael", "Jennifer", "David", "Linda", "Chris", "Sarah", "Daniel", "Emily", "Matthew", "Ashley", "Andrew", "Jessica", "Ryan", "Megan"],
        last: &["Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Anderson", "Taylor", "Thomas", "Moore", "Jackson", "White", "Harris", "Clark"],
        prefixes: &["+1212", "+1312", "+1415", "+1503", "+1617", "+1646", "+1702", "+1713", "+1808", "+1919"],
        rest: 7, weight: 30,
    },
    Country { // United Kingdom
        first: &["Oliver", "Amelia", "Harry", "Isla", "George", "Ava", "Jack", "Emily", "Charlie", "Poppy"],
        last: &["Taylor", "Evans", "Thomas", "Roberts", "Walker", "Wright", "Hughes", "Edwards", "Green", "Hall"],
        prefixes: &["+4474", "+4475", "+4477", "+4478", "+4479"],
        rest: 8, weight: 14,
    },
    Country { // Germany
        first: &["Lukas", "Anna", "Finn", "Lea", "Paul", "Hannah", "Jonas", "Lena", "Felix", "Marie"],
        last: &["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann"],
        prefixes: &["+49151", "+49160", "+49170", "+49176"],
        rest: 8, weight: 10,
    },
    Country { // France
        first: &["Louis", "Chloé", "Gabriel", "Léa", "Hugo", "Manon", "Arthur", "Camille", "Jules", "Inès"],
        last: &["Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau"],
        prefixes: &["+336", "+337"],
        rest: 8, weight: 8,
    },
    Country { // Spain
        first: &["Hugo", "Lucía", "Martín", "Sofía", "Pablo", "María", "Daniel", "Paula", "Álvaro", "Carmen"],
        last: &["García", "Fernández", "González", "Rodríguez", "López", "Martínez", "Sánchez", "Pérez", "Gómez", "Ruiz"],
        prefixes: &["+346"],
        rest: 8, weight: 6,
    },
    Country { // Italy
        first: &["Leonardo", "Sofia", "Francesco", "Giulia", "Alessandro", "Aurora", "Lorenzo", "Alice", "Matteo", "Ginevra"],
        last: &["Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci", "Marino", "Greco"],
        prefixes: &["+39320", "+39333", "+39347", "+39380"],
        rest: 7, weight: 6,
    },
    Country { // Brazil
        first: &["Miguel", "Helena", "Arthur", "Alice", "Gael", "Laura", "Heitor", "Valentina", "Theo", "Manuela"],
        last: &["Silva", "Santos", "Oliveira", "Souza", "Rodrigues", "Ferreira", "Alves", "Pereira", "Lima", "Gomes"],
        prefixes: &["+55119", "+55219", "+55319", "+55419", "+55519"],
        rest: 8, weight: 8,
    },
    Country { // India
        first: &["Aarav", "Saanvi", "Vihaan", "Ananya", "Arjun", "Diya", "Reyansh", "Aadhya", "Krishna", "Isha"],
        last: &["Sharma", "Verma", "Patel", "Gupta", "Singh", "Kumar", "Reddy", "Iyer", "Nair", "Mehta"],
        prefixes: &["+9198", "+9197", "+9196", "+9188", "+9170"],
        rest: 8, weight: 8,
    },
    Country { // Australia
        first: &["Noah", "Charlotte", "William", "Olivia", "Henry", "Mia", "Leo", "Isla", "Lucas", "Grace"],
        last: &["Smith", "Jones", "Williams", "Brown", "Wilson", "Taylor", "Nguyen", "Johnson", "Martin", "White"],
        prefixes: &["+614"],
        rest: 8, weight: 5,
    },
    Country { // Japan
        first: &["Haruto", "Yui", "Sota", "Himari", "Yuto", "Mei", "Riku", "Sakura", "Kaito", "Hina"],
        last: &["Sato", "Suzuki", "Takahashi", "Tanaka", "Watanabe", "Ito", "Yamamoto", "Nakamura", "Kobayashi", "Kato"],
        prefixes: &["+8190", "+8180", "+8170"],
        rest: 8, weight: 5,
    },
];

const COMPANY_A: &[&str] = &[
    "Blue", "North", "Silver", "Bright", "Cedar", "Harbor", "Summit", "Golden", "Iron", "Maple",
    "Nova", "Pine", "River", "Stone", "Atlas", "Orbit", "Pixel", "Quartz", "Sun", "Willow",
];
const COMPANY_B: &[&str] = &[
    "Labs",
    "Systems",
    "Studio",
    "Partners",
    "Works",
    "Analytics",
    "Health",
    "Logistics",
    "Media",
    "Foods",
    "Ventures",
    "Design",
    "Consulting",
    "Robotics",
    "Retail",
    "Energy",
];
const MAIL_DOMAINS: &[&str] = &["mail.example.com", "inbox.example.org", "post.example.net"];
const SERVICES: &[&str] = &["coaching", "workshop", "audit", "retainer"];
const OWNERS: &[&str] = &[
    "demo_coach@example.com",
    "sam@example.com",
    "priya@example.com",
    "jordan@example.com",
    "lee@example.com",
];
const TAGS: &[&str] =
    &["vip", "enterprise", "follow-up", "newsletter", "webinar", "partner", "hot", "smb"];
const SOURCES: &[(&str, u64)] = &[
    ("website", 40),
    ("referral", 15),
    ("linkedin", 12),
    ("calendly", 10),
    ("event", 8),
    ("partner", 8),
    ("import", 7),
];
const STATUSES: &[(Status, u64)] = &[
    (Status::New, 35),
    (Status::Waitlist, 15),
    (Status::Invited, 20),
    (Status::Converted, 15),
    (Status::Lost, 15),
];
/// utm_source, utm_medium, utm_campaign.
const CAMPAIGNS: &[(&str, &str, &str)] = &[
    ("google", "cpc", "spring-launch"),
    ("google", "cpc", "brand-search"),
    ("newsletter", "email", "monthly-newsletter"),
    ("linkedin", "social", "founder-webinar"),
    ("facebook", "paid-social", "retargeting"),
    ("partner", "referral", "partner-program"),
];

/// The request id of synthetic lead `i` of `seed`.
pub fn request_id(seed: u64, i: u64) -> String {
    format!("synthetic:{seed}:{i}")
}

/// Synthetic lead `i` of `n` for `seed`, created in the two years before `end`.
pub fn lead(seed: u64, i: u64, n: u64, end: DateTime<Utc>) -> NewLead {
    let mut r = Rng::for_lead(seed, i);
    let weights: Vec<(usize, u64)> =
        COUNTRIES.iter().enumerate().map(|(k, c)| (k, c.weight)).collect();
    let country = &COUNTRIES[*r.weighted(&weights)];
    let first = *r.pick(country.first);
    let last = *r.pick(country.last);
    let company = format!("{} {}", r.pick(COMPANY_A), r.pick(COMPANY_B));
    let (f, l) = (ascii_fold(first), ascii_fold(last));
    let domain = if r.below(10) < 6 {
        format!("{}.example.com", ascii_fold(&company))
    } else {
        r.pick(MAIL_DOMAINS).to_string()
    };
    let local = match r.below(3) {
        0 => format!("{f}.{l}{i}"),
        1 => format!("{}{l}{i}", &f[..1.min(f.len())]),
        _ => format!("{f}_{l}{i}"),
    };
    let email = format!("{local}@{domain}");
    let phone = (r.below(10) < 8)
        .then(|| format!("{}{}", r.pick(country.prefixes), r.digits(country.rest)));
    let span = Duration::days(730).num_milliseconds();
    let step = span / n.max(1) as i64;
    let at = end - Duration::milliseconds(span)
        + Duration::milliseconds(step * i as i64 + r.below(step.max(1) as u64) as i64);
    let campaign = (r.below(2) == 0).then(|| *r.pick(CAMPAIGNS));
    let mut tags: Vec<String> = (0..r.below(3)).map(|_| r.pick(TAGS).to_string()).collect();
    tags.sort();
    tags.dedup();
    NewLead {
        created_at: Some(crate::time::format(at)),
        status: Some(*r.weighted(STATUSES)),
        first_name: Some(first.to_string()),
        last_name: Some(last.to_string()),
        email_norm: Some(email.to_lowercase()),
        email: Some(email),
        phone,
        company: Some(company),
        service: Some(r.pick(SERVICES).to_string()),
        source: Some(r.weighted(SOURCES).to_string()),
        utm_source: campaign.map(|c| c.0.to_string()),
        utm_medium: campaign.map(|c| c.1.to_string()),
        utm_campaign: campaign.map(|c| c.2.to_string()),
        owner: (r.below(10) < 7).then(|| r.pick(OWNERS).to_string()),
        request_id: Some(request_id(seed, i)),
        tags,
        ..NewLead::default()
    }
}

/// Lowercase ASCII for email parts: accents folded, other characters dropped.
pub fn ascii_fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        let base = match ch {
            'á' | 'à' | 'â' | 'ä' | 'Á' => 'a',
            'é' | 'è' | 'ê' | 'ë' | 'É' => 'e',
            'í' | 'ì' | 'î' | 'ï' => 'i',
            'ó' | 'ò' | 'ô' | 'ö' => 'o',
            'ú' | 'ù' | 'û' | 'ü' => 'u',
            'ñ' => 'n',
            'ç' => 'c',
            c => c,
        };
        if base.is_ascii_alphanumeric() {
            out.push(base.to_ascii_lowercase());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::normalize::{normalize_email, normalize_phone, parse_region};

    fn end() -> DateTime<Utc> {
        crate::time::parse_timestamp("2026-11-22T00:00:00Z").unwrap()
    }

    #[test]
    fn the_same_seed_gives_the_same_leads_and_another_seed_others() {
        let a: Vec<NewLead> = (0..200).map(|i| lead(7, i, 200, end())).collect();
        let b: Vec<NewLead> = (0..200).map(|i| lead(7, i, 200, end())).collect();
        let c: Vec<NewLead> = (0..200).map(|i| lead(8, i, 200, end())).collect();
        assert_eq!(a, b);
        assert_ne!(a, c);
        // Lead i does not depend on how many are generated, except for its time.
        let alone = NewLead { created_at: None, ..lead(7, 5, 1, end()) };
        assert_eq!(alone, NewLead { created_at: None, ..a[5].clone() });
    }

    /// Every generated lead passes the ingest normaliser unchanged: emails are valid, phones
    /// are E.164 as the normaliser writes them, and times are ascending within two years.
    #[test]
    fn generated_leads_are_what_ingest_would_store() {
        let region = parse_region("US").unwrap();
        let mut last = String::new();
        let mut countries = std::collections::HashSet::new();
        for i in 0..2000 {
            let l = lead(42, i, 2000, end());
            let email = l.email.clone().unwrap();
            let (e, key) = normalize_email(&email).unwrap();
            assert_eq!((e.as_str(), Some(key)), (email.as_str(), l.email_norm.clone()));
            if let Some(p) = &l.phone {
                assert_eq!(&normalize_phone(p, region).unwrap(), p);
                countries.insert(p[..3].to_string());
            }
            let at = l.created_at.unwrap();
            assert!(at >= last, "{at} after {last}");
            assert!(at.as_str() >= "2024-11-22" && at.as_str() < "2026-11-22", "{at}");
            last = at;
        }
        assert!(countries.len() >= 6, "phones of several countries: {countries:?}");
    }

    #[test]
    fn weights_and_picks_stay_in_range() {
        let mut r = Rng::for_lead(1, 2);
        for _ in 0..10_000 {
            assert!(r.below(7) < 7);
        }
        let mut seen = std::collections::HashSet::new();
        for _ in 0..10_000 {
            seen.insert(*r.weighted(STATUSES));
        }
        assert_eq!(seen.len(), Status::ALL.len());
    }
}
