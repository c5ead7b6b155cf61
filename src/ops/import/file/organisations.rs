//! Rows of an organisations file as directory entries, matched on their
//! name (without case) so that a re-import adds nothing twice.

use std::collections::HashMap;

use super::columns::Columns;
use super::reader::RowReader;
use super::values::{Choices, Labels, loose};
use super::{BadRow, Checked, Problem};
use crate::domain::ids::{Id, OrganisationId};
use crate::domain::referral::{Organisation, OrganisationType as T};
use crate::domain::service::ServiceKind;

/// Longest name, city or contact accepted.
const MAX: usize = 300;

/// Checks every row; a name seen twice is a problem on the second line.
pub fn check(cols: &Columns, rows: &[(u64, Vec<String>)]) -> Checked<Organisation> {
    let labels = Labels::new();
    let kinds: Vec<(&'static str, T)> = T::all().map(|t| (t.key(), t)).collect();
    let kind = Choices::new(
        &labels,
        "cases-org-type",
        &kinds,
        &[
            ("police", T::LawEnforcement),
            ("полиция", T::LawEnforcement),
            ("нко", T::Ngo),
            ("нпо", T::Ngo),
            ("ong", T::Ngo),
            ("hospital", T::Health),
            ("больница", T::Health),
            ("iom", T::InternationalOrganisation),
            ("мом", T::InternationalOrganisation),
        ],
    );
    let services: Vec<(&'static str, ServiceKind)> = ServiceKind::all().map(|k| (k.key(), k)).collect();
    let service = Choices::new(&labels, "service", &services, &[]);
    let mut out = Checked::default();
    let mut seen: HashMap<String, u64> = HashMap::new();
    for (line, cells) in rows {
        let mut r = RowReader::new(cols, cells);
        let name = r.required("name", MAX);
        let kind = r.choice(&kind, "type");
        let city = r.text("city", MAX);
        let country = r.countries("country");
        let contact = r.text("contact", MAX);
        let services = r.choices(&service, "services");
        let retired = r.yes_no("retired");
        let key = loose(&name);
        if !key.is_empty() {
            match seen.get(&key) {
                Some(first) => r.problems.insert(0, Problem::DuplicateRow { first_line: *first }),
                None => {
                    seen.insert(key, *line);
                }
            }
        }
        if r.problems.is_empty() {
            out.good.push((
                *line,
                Organisation {
                    id: OrganisationId(Id([0; 16])),
                    name,
                    kind: kind.unwrap_or(T::Other),
                    city: city.trim().to_string(),
                    country: country.first().copied(),
                    contact: contact.trim().to_string(),
                    services,
                    retired: retired.unwrap_or(false),
                },
            ));
        } else {
            out.bad.push(BadRow { line: *line, cells: cells.clone(), problems: r.problems });
        }
    }
    out
}
