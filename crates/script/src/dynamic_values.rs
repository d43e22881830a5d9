//! Dynamic values: `{{$guid}}`, `{{$timestamp}}`, `{{$randomInt}}` and the `$random*`
//! family Postman collections use (`{{$randomEmail}}`, `{{$randomFirstName}}`...): a fresh
//! value at every use. Postman draws them from faker.js; these come from small built-in
//! lists of the same shape, which is what a test needs (plausible, varied, valid).

use rand::Rng;
use rand::seq::IndexedRandom;

const FIRST: &[&str] = &[
    "Ada", "Alan", "Grace", "Linus", "Margaret", "Ken", "Barbara", "Dennis", "Frances", "Tim",
    "Radia", "Guido", "Wei", "Mei", "Hiro", "Amara",
];
const LAST: &[&str] = &[
    "Lovelace",
    "Turing",
    "Hopper",
    "Torvalds",
    "Hamilton",
    "Thompson",
    "Liskov",
    "Ritchie",
    "Allen",
    "Berners-Lee",
    "Perlman",
    "Rossum",
    "Zhang",
    "Chen",
    "Sato",
    "Okafor",
];
const WORDS: &[&str] = &[
    "alpha", "bravo", "delta", "echo", "lorem", "ipsum", "dolor", "sit", "amet", "widget",
    "gadget", "quartz", "nimbus", "cobalt", "ember", "harbor", "meadow", "pixel", "vector",
    "zenith",
];
const CITIES: &[&str] = &[
    "Shanghai", "Beijing", "Shenzhen", "Hangzhou", "Berlin", "Lisbon", "Nairobi", "Toronto",
    "Osaka", "Lima", "Oslo", "Perth",
];
const COUNTRIES: &[(&str, &str)] = &[
    ("China", "CN"),
    ("Germany", "DE"),
    ("Portugal", "PT"),
    ("Kenya", "KE"),
    ("Canada", "CA"),
    ("Japan", "JP"),
    ("Peru", "PE"),
    ("Norway", "NO"),
    ("Australia", "AU"),
    ("France", "FR"),
];
const STREETS: &[&str] = &[
    "Maple Street",
    "Harbor Road",
    "Station Lane",
    "Garden Avenue",
    "Mill Way",
    "Church Street",
];
const COLORS: &[&str] = &[
    "red", "green", "blue", "orange", "purple", "teal", "silver", "indigo", "olive", "maroon",
];
const COMPANIES: &[&str] = &[
    "Acme", "Globex", "Initech", "Umbrella", "Hooli", "Vandelay", "Stark", "Wayne",
];
const COMPANY_SUFFIXES: &[&str] = &["Inc", "LLC", "Group", "and Sons", "Ltd"];
const DOMAIN_SUFFIXES: &[&str] = &["com", "net", "org", "io", "dev", "info"];
const JOBS: &[&str] = &[
    "Engineer",
    "Designer",
    "Analyst",
    "Manager",
    "Consultant",
    "Architect",
    "Tester",
    "Administrator",
];
const DEPARTMENTS: &[&str] = &[
    "Books",
    "Electronics",
    "Garden",
    "Toys",
    "Grocery",
    "Sports",
    "Music",
    "Tools",
];
const PRODUCTS: &[&str] = &[
    "Chair", "Table", "Keyboard", "Lamp", "Bottle", "Backpack", "Speaker", "Watch",
];
const CURRENCIES: &[&str] = &["CNY", "USD", "EUR", "JPY", "GBP", "CHF", "CAD", "AUD"];
const WEEKDAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const MIME: &[(&str, &str)] = &[
    ("application/json", "json"),
    ("text/plain", "txt"),
    ("image/png", "png"),
    ("application/pdf", "pdf"),
    ("text/csv", "csv"),
    ("application/xml", "xml"),
];
const PREFIXES: &[&str] = &["Mr.", "Ms.", "Mrs.", "Dr.", "Prof."];
const SUFFIXES: &[&str] = &["Jr.", "Sr.", "I", "II", "III", "PhD"];
const AGENTS: &[&str] = &[
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:121.0) Gecko/20100101 Firefox/121.0",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_2) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Safari/605.1.15",
];
const ABBREVIATIONS: &[&str] = &[
    "HTTP", "JSON", "SQL", "TCP", "XML", "API", "SSL", "RAM", "CSS", "UTF",
];
const LOCALES: &[&str] = &["zh_CN", "en", "de", "fr", "ja", "pt_BR", "es", "ko"];
const ALPHANUMERIC: &[u8] = b"abcdefghijklmnopqrstuvwxyz0123456789";

fn pick(list: &[&'static str]) -> &'static str {
    list.choose(&mut rand::rng()).copied().unwrap_or_default()
}

fn words(n: usize) -> String {
    (0..n).map(|_| pick(WORDS)).collect::<Vec<_>>().join(" ")
}

fn user_name() -> String {
    format!(
        "{}.{}{}",
        pick(FIRST),
        pick(LAST),
        rand::rng().random_range(1..100)
    )
    .replace('-', "")
}

fn date_offset_days(min: i64, max: i64) -> String {
    let days = rand::rng().random_range(min..=max);
    (chrono::Utc::now() + chrono::Duration::days(days)).to_rfc2822()
}

/// The value of a dynamic variable (`$` and its name), or None when there is no such one.
pub fn dynamic(name: &str) -> Option<String> {
    let mut rng = rand::rng();
    Some(match name {
        "$uuid" | "$guid" | "$randomUUID" => uuid::Uuid::new_v4().to_string(),
        "$timestamp" => chrono::Utc::now().timestamp().to_string(),
        "$isoTimestamp" => chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
        "$randomInt" => rng.random_range(0..=1000).to_string(),
        "$randomBoolean" => rng.random_bool(0.5).to_string(),
        "$randomAlphaNumeric" => char::from(*ALPHANUMERIC.choose(&mut rng)?).to_string(),
        "$randomColor" => pick(COLORS).to_owned(),
        "$randomHexColor" => format!("#{:06x}", rng.random_range(0..=0xFF_FFFFu32)),
        "$randomAbbreviation" => pick(ABBREVIATIONS).to_owned(),
        "$randomIP" => format!(
            "{}.{}.{}.{}",
            rng.random_range(1..=223u8),
            rng.random::<u8>(),
            rng.random::<u8>(),
            rng.random_range(1..=254u8)
        ),
        "$randomIPV6" => (0..8)
            .map(|_| format!("{:x}", rng.random::<u16>()))
            .collect::<Vec<_>>()
            .join(":"),
        "$randomMACAddress" => (0..6)
            .map(|_| format!("{:02x}", rng.random::<u8>()))
            .collect::<Vec<_>>()
            .join(":"),
        "$randomPassword" => (0..15)
            .filter_map(|_| {
                ALPHANUMERIC
                    .choose(&mut rand::rng())
                    .map(|b| char::from(*b))
            })
            .collect(),
        "$randomLocale" => pick(LOCALES).to_owned(),
        "$randomUserAgent" => pick(AGENTS).to_owned(),
        "$randomProtocol" => if rng.random_bool(0.5) {
            "http"
        } else {
            "https"
        }
        .to_owned(),
        "$randomSemver" => format!(
            "{}.{}.{}",
            rng.random_range(0..10),
            rng.random_range(0..20),
            rng.random_range(0..50)
        ),
        "$randomFirstName" => pick(FIRST).to_owned(),
        "$randomLastName" => pick(LAST).to_owned(),
        "$randomFullName" => format!("{} {}", pick(FIRST), pick(LAST)),
        "$randomNamePrefix" => pick(PREFIXES).to_owned(),
        "$randomNameSuffix" => pick(SUFFIXES).to_owned(),
        "$randomJobTitle" | "$randomJobType" => pick(JOBS).to_owned(),
        "$randomPhoneNumber" => format!(
            "{}-{:03}-{:04}",
            rng.random_range(200..999),
            rng.random_range(0..1000),
            rng.random_range(0..10000)
        ),
        "$randomCity" => pick(CITIES).to_owned(),
        "$randomStreetName" => pick(STREETS).to_owned(),
        "$randomStreetAddress" => format!("{} {}", rng.random_range(1..9999), pick(STREETS)),
        "$randomCountry" => COUNTRIES.choose(&mut rng)?.0.to_owned(),
        "$randomCountryCode" => COUNTRIES.choose(&mut rng)?.1.to_owned(),
        "$randomLatitude" => format!("{:.4}", rng.random_range(-90.0..=90.0f64)),
        "$randomLongitude" => format!("{:.4}", rng.random_range(-180.0..=180.0f64)),
        "$randomEmail" => format!(
            "{}@{}.{}",
            user_name().to_lowercase(),
            pick(WORDS),
            pick(DOMAIN_SUFFIXES)
        ),
        "$randomExampleEmail" => format!("{}@example.com", user_name().to_lowercase()),
        "$randomUserName" => user_name(),
        "$randomDomainName" => format!("{}.{}", pick(WORDS), pick(DOMAIN_SUFFIXES)),
        "$randomDomainSuffix" => pick(DOMAIN_SUFFIXES).to_owned(),
        "$randomDomainWord" | "$randomWord" | "$randomLoremWord" | "$randomNoun"
        | "$randomVerb" | "$randomAdjective" => pick(WORDS).to_owned(),
        "$randomUrl" => format!("https://{}.{}", pick(WORDS), pick(DOMAIN_SUFFIXES)),
        "$randomWords" | "$randomLoremWords" => words(3),
        "$randomLoremSentence" => {
            let mut sentence = words(6);
            sentence.push('.');
            let mut chars = sentence.chars();
            chars
                .next()
                .map(|c| c.to_uppercase().chain(chars).collect())
                .unwrap_or(sentence)
        }
        "$randomLoremSlug" => words(3).replace(' ', "-"),
        "$randomCompanyName" => format!("{} {}", pick(COMPANIES), pick(COMPANY_SUFFIXES)),
        "$randomDepartment" => pick(DEPARTMENTS).to_owned(),
        "$randomProduct" | "$randomProductName" => format!("{} {}", pick(COLORS), pick(PRODUCTS)),
        "$randomPrice" => format!("{:.2}", rng.random_range(1.0..1000.0f64)),
        "$randomCurrencyCode" => pick(CURRENCIES).to_owned(),
        "$randomWeekday" => pick(WEEKDAYS).to_owned(),
        "$randomMonth" => pick(MONTHS).to_owned(),
        "$randomDateFuture" => date_offset_days(1, 365),
        "$randomDatePast" => date_offset_days(-365, -1),
        "$randomDateRecent" => date_offset_days(-2, 0),
        "$randomMimeType" => MIME.choose(&mut rng)?.0.to_owned(),
        "$randomFileExt" => MIME.choose(&mut rng)?.1.to_owned(),
        "$randomFileName" => format!("{}.{}", pick(WORDS), MIME.choose(&mut rng)?.1),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_values_real_collections_use_have_their_shape() {
        let email = dynamic("$randomEmail").expect("email");
        assert!(email.contains('@') && email.contains('.'), "{email}");
        assert!(!dynamic("$randomUserName").expect("user").contains(' '));
        assert_eq!(dynamic("$randomPassword").expect("password").len(), 15);
        assert!(uuid::Uuid::parse_str(&dynamic("$randomUUID").expect("uuid")).is_ok());
        assert_eq!(dynamic("$randomAlphaNumeric").expect("char").len(), 1);
        let color = dynamic("$randomHexColor").expect("hex");
        assert!(color.starts_with('#') && color.len() == 7, "{color}");
        assert!(
            dynamic("$randomIP")
                .expect("ip")
                .parse::<std::net::Ipv4Addr>()
                .is_ok()
        );
        assert!(dynamic("$randomFirstName").is_some_and(|n| FIRST.contains(&n.as_str())));
        assert!(dynamic("$randomBoolean").is_some_and(|b| b == "true" || b == "false"));
        assert_eq!(dynamic("$randomNotAThing"), None);
    }
}
